package io.billingnow.platform.cli;

import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.Command;
import io.dropwizard.core.setup.Bootstrap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import net.sourceforge.argparse4j.inf.Subparsers;

/**
 * A command whose job is to hold sub-commands, so the CLI reads {@code billingnow audit verify …} rather than one flat
 * list of hyphenated names. Each sub-command parses its own arguments and handles its own errors.
 */
public final class CommandGroup extends Command {

    private final Map<String, Command> commands = new LinkedHashMap<>();
    private final String selected;

    public CommandGroup(String name, String description, List<Command> commands) {
        super(name, description);
        for (Command command : commands) {
            this.commands.put(command.getName(), command);
        }
        // Dropwizard keeps the top-level command under "command"; ours needs a key of its own per group.
        this.selected = "billingnow." + name + ".subcommand";
    }

    @Override
    public void configure(Subparser subparser) {
        Subparsers subparsers = subparser.addSubparsers().title("commands").metavar("COMMAND");
        for (Command command : commands.values()) {
            Subparser sub = subparsers.addParser(command.getName())
                    .setDefault(selected, command.getName())
                    .help(command.getDescription())
                    .description(command.getDescription());
            command.configure(sub);
        }
    }

    @Override
    public void run(Bootstrap<?> bootstrap, Namespace namespace) throws Exception {
        command(namespace).run(bootstrap, namespace);
    }

    @Override
    public void onError(Cli cli, Namespace namespace, Throwable e) {
        command(namespace).onError(cli, namespace, e);
    }

    private Command command(Namespace namespace) {
        return commands.get(namespace.getString(selected));
    }
}
