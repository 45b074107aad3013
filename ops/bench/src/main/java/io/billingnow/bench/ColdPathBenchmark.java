package io.billingnow.bench;

import io.billingnow.platform.keys.KeySettings;
import io.billingnow.platform.keys.Keys;
import io.billingnow.platform.keys.master.LocalMasterKey;
import io.billingnow.platform.keys.master.MasterKey;
import io.billingnow.platform.keys.master.Pkcs11MasterKey;
import io.billingnow.platform.core.TenantId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cold path: unwrapping a data key with the master key alone (local, and PKCS#11 through SoftHSM2), and a full
 * cache miss (read the wrapped key from PostgreSQL, unwrap) through the key service.
 *
 * <p>The PKCS#11 case needs SOFTHSM2_CONF pointing at a writable file; ops/bench/run.sh sets it.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class ColdPathBenchmark {

    @Param({"local", "pkcs11"})
    public String master;

    private MasterKey masterKey;
    private byte[] context;
    private byte[] wrapped;
    private BenchDatabase database;
    private Keys keys;
    private TenantId tenant;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        masterKey = "pkcs11".equals(master) ? softHsmKey() : localKey();
        context = "billingnow data key|bench|1".getBytes(StandardCharsets.US_ASCII);
        byte[] dek = new byte[32];
        new SecureRandom().nextBytes(dek);
        wrapped = masterKey.wrap(dek, context);
        database = new BenchDatabase();
        keys = database.keys(masterKey, new KeySettings());
        tenant = database.tenants(1).get(0);
        keys.tenantKeys().primaryKey(tenant);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        keys.stop();
        database.close();
    }

    private static MasterKey localKey() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return LocalMasterKey.of(bytes);
    }

    private static MasterKey softHsmKey() throws IOException, InterruptedException {
        String conf = System.getenv("SOFTHSM2_CONF");
        if (conf == null) {
            throw new IllegalStateException("SOFTHSM2_CONF is not set: run through ops/bench/run.sh");
        }
        Path tokens = Files.createTempDirectory("bench-softhsm");
        Files.writeString(Path.of(conf), "directories.tokendir = " + tokens + "\nobjectstore.backend = file\n"
                + "log.level = ERROR\n");
        Process init = new ProcessBuilder("softhsm2-util", "--init-token", "--free", "--label", "bench",
                "--so-pin", "5678", "--pin", "1234").redirectErrorStream(true).start();
        String output = new String(init.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        init.waitFor();
        Matcher slot = Pattern.compile("reassigned to slot (\\d+)").matcher(output);
        if (!slot.find()) {
            throw new IllegalStateException("softhsm2-util failed: " + output);
        }
        Path library = Path.of("/usr/lib/softhsm/libsofthsm2.so");
        long id = Long.parseLong(slot.group(1));
        Pkcs11MasterKey.generateInToken(library, id, "1234".toCharArray(), "bench-master");
        return Pkcs11MasterKey.open(library, id, "1234".toCharArray(), "bench-master");
    }

    /** The master key alone: what a cache miss costs in the key custody system. */
    @Benchmark
    public byte[] unwrapWithMasterKey() {
        return masterKey.unwrap(wrapped, context);
    }

    /** A full cache miss: PostgreSQL read of the wrapped key, then unwrap. */
    @Benchmark
    public Object cacheMissThroughKeyService() {
        keys.tenantKeys().evictAll();
        return keys.tenantKeys().key(tenant, 1);
    }
}
