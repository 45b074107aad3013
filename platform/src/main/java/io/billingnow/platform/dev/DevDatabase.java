package io.billingnow.platform.dev;

import io.billingnow.platform.core.CommandFailure;
import io.billingnow.platform.db.DatabaseRoles;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import net.sourceforge.argparse4j.inf.Namespace;

/**
 * Lets the platform's one-shot commands ({@code billingnow audit verify}, {@code operators create-token}, …) run on
 * the dev database without a hand-written configuration file: given no file and a {@code ./data} of
 * {@code billingnow dev} in the working directory, a command runs on the bundled dev configuration and on the dev
 * cluster — the one a running {@code billingnow dev} owns, or one started for the command and stopped after it.
 */
public final class DevDatabase implements AutoCloseable {

    /** Where {@code billingnow dev} keeps its cluster, keys and certificates (relative to the working directory). */
    public static final Path DATA = Path.of("data");

    /** The configuration `billingnow dev` runs with (on the classpath), and commands use next to its data. */
    public static final String CONFIG = "dev.yml";

    private final EmbeddedDatabase started;
    private final Map<String, String> previous;

    private DevDatabase(EmbeddedDatabase started, Map<String, String> previous) {
        this.started = started;
        this.previous = previous;
    }

    /**
     * When the command was given no configuration file: points it at the dev configuration and database, or refuses
     * in one line when there is no dev data here either. Returns what to close once the command is done.
     */
    public static AutoCloseable whenNoConfigurationFile(Namespace namespace, PrintStream out) throws Exception {
        if (namespace.getString("file") != null) {
            return () -> { };
        }
        if (!Files.isDirectory(EmbeddedDatabase.cluster(DATA))) {
            throw new CommandFailure("No configuration file given and no ./data of `billingnow dev` here: pass the "
                    + "CONFIG.yml of your deployment, or run this from the directory you ran `billingnow dev` in.");
        }
        namespace.getAttrs().put("file", CONFIG);
        return open(DATA, out);
    }

    static DevDatabase open(Path data, PrintStream out) throws Exception {
        Path cluster = EmbeddedDatabase.cluster(data);
        Optional<StaleCluster.Postmaster> running = StaleCluster.read(cluster);
        if (running.isPresent() && running.get().port() > 0 && running.get().runningFor(cluster)
                && StaleCluster.ownedByAnotherProcess(cluster)) {
            // A live `billingnow dev` owns it: use it as it is, leave it running.
            return new DevDatabase(null, pointConfigurationAt(EmbeddedDatabase.jdbcUrl(running.get().port())));
        }
        EmbeddedDatabase database = EmbeddedDatabase.start(data, out);
        return new DevDatabase(database, pointConfigurationAt(database.jdbcUrl()));
    }

    /**
     * The dev configuration's database URLs are not in dev.yml (the port is chosen at each start): they are set as
     * Dropwizard's {@code dw.} overrides. Returns the values they replace.
     */
    public static Map<String, String> pointConfigurationAt(String jdbcUrl) {
        Map<String, String> values = Map.of(
                "dw.database.url", jdbcUrl,
                "dw.database.user", DatabaseRoles.APP,
                "dw.migrationDatabase.url", jdbcUrl,
                "dw.migrationDatabase.user", DatabaseRoles.OWNER);
        Map<String, String> previous = new HashMap<>();
        values.forEach((key, value) -> previous.put(key, System.setProperty(key, value)));
        return previous;
    }

    @Override
    public void close() throws Exception {
        previous.forEach((key, value) -> {
            if (value == null) {
                System.clearProperty(key);
            } else {
                System.setProperty(key, value);
            }
        });
        if (started != null) {
            started.close();
        }
    }
}
