package io.billingnow.platform.testing;

import io.billingnow.platform.app.BillingNowApplication;
import io.billingnow.platform.config.BillingNowConfiguration;
import io.billingnow.platform.db.DatabaseRoles;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.util.JarLocation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs {@code billingnow …} commands in-process exactly as the launcher would (the application's own
 * {@code initialize} registers them), capturing what they print.
 */
public final class CommandLine {

    private CommandLine() {
    }

    /** What a command printed, and whether it succeeded (the launcher exits non-zero when it did not). */
    public record Outcome(boolean succeeded, String out, String err) {
    }

    public static synchronized Outcome run(String... args) {
        ByteArrayOutputStream cliOut = new ByteArrayOutputStream();
        ByteArrayOutputStream cliErr = new ByteArrayOutputStream();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream original = System.out;
        // Before initialize: the commands take System.out when they are constructed.
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        boolean succeeded;
        try {
            Bootstrap<BillingNowConfiguration> bootstrap = new Bootstrap<>(new BillingNowApplication());
            bootstrap.getApplication().initialize(bootstrap);
            Cli cli = new Cli(new JarLocation(CommandLine.class), bootstrap, cliOut, cliErr);
            succeeded = cli.run(args).isEmpty();
        } finally {
            System.setOut(original);
        }
        return new Outcome(succeeded, printed.toString(StandardCharsets.UTF_8) + cliOut.toString(StandardCharsets.UTF_8),
                cliErr.toString(StandardCharsets.UTF_8));
    }

    /** A configuration file for commands that need the database: the app role, as the server uses. */
    public static Path configFile(TestDatabase database, Path folder) {
        String yaml = """
                database:
                  driverClass: org.postgresql.Driver
                  url: %s
                  user: %s
                  password: ""
                migrationDatabase:
                  driverClass: org.postgresql.Driver
                  url: %s
                  user: %s
                  password: ""
                logging:
                  level: WARN
                  appenders:
                    - type: console
                      target: stderr
                """.formatted(database.jdbcUrl(), DatabaseRoles.APP, database.jdbcUrl(), DatabaseRoles.OWNER);
        try {
            Path file = folder.resolve("billingnow-" + database.name() + ".yml");
            Files.writeString(file, yaml);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
