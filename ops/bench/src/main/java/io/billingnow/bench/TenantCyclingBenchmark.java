package io.billingnow.bench;

import io.billingnow.platform.keys.FieldContext;
import io.billingnow.platform.keys.FieldEncryptor;
import io.billingnow.platform.keys.KeySettings;
import io.billingnow.platform.keys.Keys;
import io.billingnow.platform.keys.master.LocalMasterKey;
import io.billingnow.platform.core.TenantId;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
 * 10,000 tenants encrypting in turn. With a cache of 10,000 every key stays warm; with 1,000 (a deliberately undersized
 * cache) almost every call is a miss that reads and unwraps a key: the two ends of the cache-size setting.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class TenantCyclingBenchmark {

    private static final int TENANTS = 10_000;

    @Param({"10000", "1000"})
    public long cacheSize;

    private BenchDatabase database;
    private Keys keys;
    private FieldEncryptor encryptor;
    private FieldContext[] fields;
    private byte[] plaintext;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        database = new BenchDatabase();
        byte[] masterBytes = new byte[32];
        new SecureRandom().nextBytes(masterBytes);
        KeySettings settings = new KeySettings();
        settings.setCacheMaximumSize(cacheSize);
        keys = database.keys(LocalMasterKey.of(masterBytes), settings);
        encryptor = keys.encryptor();
        List<TenantId> tenants = database.tenants(TENANTS);
        fields = new FieldContext[TENANTS];
        plaintext = new byte[FieldCipherBenchmark.FIELD_BYTES];
        for (int i = 0; i < TENANTS; i++) {
            fields[i] = new FieldContext(tenants.get(i), "provider_credentials", "secret", "row-" + i);
            encryptor.encrypt(fields[i], plaintext); // creates the tenant's first key
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        keys.stop();
        database.close();
    }

    @Benchmark
    public byte[] encryptForTheNextTenant() {
        FieldContext field = fields[next];
        next = next + 1 == TENANTS ? 0 : next + 1;
        return encryptor.encrypt(field, plaintext);
    }
}
