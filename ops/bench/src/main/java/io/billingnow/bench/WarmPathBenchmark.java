package io.billingnow.bench;

import io.billingnow.platform.keys.AeadEngine;
import io.billingnow.platform.keys.FieldContext;
import io.billingnow.platform.keys.FieldEncryptor;
import io.billingnow.platform.keys.KeySettings;
import io.billingnow.platform.keys.Keys;
import io.billingnow.platform.keys.master.LocalMasterKey;
import io.billingnow.platform.core.TenantId;
import java.security.SecureRandom;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
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
 * The whole warm path that the platform uses, {@link FieldEncryptor} with the tenant's key in cache (lookup, usage
 * counting, associated data, nonce, AES-GCM), against raw SunJCE AES-256-GCM of the same 100 bytes in the same run.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class WarmPathBenchmark {

    @Param({"JCA", "BOUNCY_CASTLE"})
    public AeadEngine engine;

    private BenchDatabase database;
    private LocalMasterKey master;
    private Keys keys;
    private FieldEncryptor encryptor;
    private FieldContext field;
    private byte[] plaintext;
    private byte[] ciphertext;

    @State(Scope.Thread)
    public static class Raw {
        final SecureRandom random = new SecureRandom();
        SecretKeySpec key;
        Cipher cipher;
        byte[] aad;
        byte[] plaintext;
        byte[] nonce;
        byte[] ciphertext;

        @Setup
        public void setUp() throws Exception {
            byte[] bytes = new byte[32];
            random.nextBytes(bytes);
            key = new SecretKeySpec(bytes, "AES");
            cipher = Cipher.getInstance("AES/GCM/NoPadding", "SunJCE");
            aad = new byte[5 + 16 + 6 + "provider_credentials".length() + "secret".length() + 36];
            plaintext = new byte[FieldCipherBenchmark.FIELD_BYTES];
            random.nextBytes(plaintext);
            nonce = new byte[12];
            random.nextBytes(nonce);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            cipher.updateAAD(aad);
            ciphertext = cipher.doFinal(plaintext);
        }
    }

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        database = new BenchDatabase();
        byte[] masterBytes = new byte[32];
        new SecureRandom().nextBytes(masterBytes);
        master = LocalMasterKey.of(masterBytes);
        KeySettings settings = new KeySettings();
        settings.setFieldCipher(engine);
        keys = database.keys(master, settings);
        encryptor = keys.encryptor();
        TenantId tenant = database.tenants(1).get(0);
        field = new FieldContext(tenant, "provider_credentials", "secret", UUID.randomUUID().toString());
        plaintext = new byte[FieldCipherBenchmark.FIELD_BYTES];
        new SecureRandom().nextBytes(plaintext);
        ciphertext = encryptor.encrypt(field, plaintext);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        keys.stop();
        database.close();
    }

    @Benchmark
    public byte[] rawSunJceEncrypt(Raw raw) throws Exception {
        return FieldCipherBenchmark.rawEncrypt(raw.cipher, raw.key, raw.random, raw.aad, raw.plaintext);
    }

    @Benchmark
    public byte[] rawSunJceDecrypt(Raw raw) throws Exception {
        raw.cipher.init(Cipher.DECRYPT_MODE, raw.key, new GCMParameterSpec(128, raw.nonce));
        raw.cipher.updateAAD(raw.aad);
        return raw.cipher.doFinal(raw.ciphertext);
    }

    @Benchmark
    public byte[] warmEncrypt() {
        return encryptor.encrypt(field, plaintext);
    }

    @Benchmark
    public byte[] warmDecrypt() {
        return encryptor.decrypt(field, ciphertext);
    }
}
