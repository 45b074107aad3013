package io.billingnow.platform.keys.master;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh SoftHSM2 token for tests. SoftHSM reads its configuration once per process, from the file named by the
 * SOFTHSM2_CONF environment variable, which the Maven Surefire configuration points into target/. This class writes
 * that file (token directory: a fresh temporary folder) and initialises one token with softhsm2-util.
 *
 * <p>Without SoftHSM the tests fail when CI=true (CI installs it with ops/ci/install-softhsm.sh) and are skipped
 * elsewhere.
 */
public final class SoftHsm {

    public static final String USER_PIN = "1234";
    private static final List<Path> LIBRARIES = List.of(
            Path.of("/usr/lib/softhsm/libsofthsm2.so"),
            Path.of("/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so"),
            Path.of("/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so"),
            Path.of("/usr/local/lib/softhsm/libsofthsm2.so"));
    private static final Pattern SLOT = Pattern.compile("reassigned to slot (\\d+)");

    private final Path library;
    private final long slot;

    private SoftHsm(Path library, long slot) {
        this.library = library;
        this.slot = slot;
    }

    public Path library() {
        return library;
    }

    public long slot() {
        return slot;
    }

    public static SoftHsm freshToken(Path tokenDirectory) throws IOException, InterruptedException {
        Path library = LIBRARIES.stream().filter(Files::isReadable).findFirst().orElse(null);
        if (library == null || !onPath("softhsm2-util")) {
            unavailable("SoftHSM2 is not installed (no libsofthsm2.so or softhsm2-util): run ops/ci/install-softhsm.sh"
                    + " (Debian package softhsm2)");
        }
        String conf = System.getenv("SOFTHSM2_CONF");
        if (conf == null) {
            unavailable("SOFTHSM2_CONF is not set: run this test through Maven, whose Surefire configuration sets it");
        }
        Path confFile = Path.of(conf);
        Files.createDirectories(confFile.getParent());
        Files.writeString(confFile, "directories.tokendir = " + tokenDirectory.toAbsolutePath() + "\n"
                + "objectstore.backend = file\nlog.level = ERROR\nslots.removable = false\n");
        Process init = new ProcessBuilder("softhsm2-util", "--init-token", "--free", "--label", "billingnow-test",
                "--so-pin", "5678", "--pin", USER_PIN)
                .redirectErrorStream(true)
                .start();
        init.getOutputStream().close();
        String output = new String(init.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!init.waitFor(60, TimeUnit.SECONDS) || init.exitValue() != 0) {
            fail("softhsm2-util could not initialise a token: " + output);
        }
        Matcher slot = SLOT.matcher(output);
        if (!slot.find()) {
            fail("cannot find the new token's slot in softhsm2-util's output: " + output);
        }
        return new SoftHsm(library, Long.parseLong(slot.group(1)));
    }

    private static boolean onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    private static void unavailable(String why) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(why);
        }
        Assumptions.abort(why + " (skipped because CI is not true)");
    }
}
