package io.billingnow.platform.cli;

import io.billingnow.platform.core.CommandFailure;
import io.dropwizard.core.cli.Cli;
import net.sourceforge.argparse4j.inf.Namespace;

/** Error reporting shared by our commands. */
public final class Commands {

    private Commands() {
    }

    /** A {@link CommandFailure} prints its message; anything else is unexpected and prints its stack trace. */
    public static void reportError(Cli cli, Namespace namespace, Throwable e) {
        if (e instanceof CommandFailure) {
            cli.getStdErr().println(e.getMessage());
        } else {
            e.printStackTrace(cli.getStdErr());
        }
        cli.getStdErr().flush();
    }
}
