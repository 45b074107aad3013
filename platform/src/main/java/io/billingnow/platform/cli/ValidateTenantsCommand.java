package io.billingnow.platform.cli;

import io.billingnow.platform.tenancy.config.TenantsConfigFolder;
import io.billingnow.platform.core.CommandFailure;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.Command;
import io.dropwizard.core.setup.Bootstrap;
import java.io.PrintStream;
import java.nio.file.Path;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code billingnow tenants validate DIR}: checks every tenant file without touching a database (for CI and for a
 * review before deploying). Prints each problem as {@code file: field: message}; exits non-zero if there is any.
 */
public final class ValidateTenantsCommand extends Command {

    private final PrintStream out;

    public ValidateTenantsCommand() {
        this(System.out);
    }

    /** Tests capture the report through their own stream. */
    public ValidateTenantsCommand(PrintStream out) {
        super("validate", "Validate a tenants-config folder without applying it");
        this.out = out;
    }

    @Override
    public void configure(Subparser subparser) {
        subparser.addArgument("dir").metavar("DIR").help("the tenants-config folder");
    }

    @Override
    public void run(Bootstrap<?> bootstrap, Namespace namespace) {
        Path folder = Path.of(namespace.getString("dir"));
        TenantsConfigFolder.Contents contents = TenantsConfigFolder.read(folder);
        contents.problems().forEach(out::println);
        out.flush();
        if (!contents.valid()) {
            throw new CommandFailure(contents.problems().size() + " problem(s) in " + folder);
        }
        out.println(contents.definitions().size() + " tenant file(s) valid in " + folder);
        out.flush();
    }

    @Override
    public void onError(Cli cli, Namespace namespace, Throwable e) {
        Commands.reportError(cli, namespace, e);
    }
}
