package io.billingnow.bench;

import io.billingnow.platform.keys.AeadEngine;
import io.billingnow.platform.keys.DataKey;
import io.billingnow.platform.keys.FieldCipher;
import io.billingnow.platform.keys.FieldContext;
import io.billingnow.platform.core.TenantId;
import java.security.SecureRandom;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * AES-256-GCM on a 100-byte field: raw JCA (SunJCE) and the Bouncy Castle provider as baselines, and our
 * {@link FieldCipher} (format, associated data, fresh nonce) on each {@link AeadEngine}. No key lookup here; see
 * {@link WarmPathBenchmark} for the full path through the key cache.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class FieldCipherBenchmark {

    static final int FIELD_BYTES = 100;

    private final SecureRandom random = new SecureRandom();
    private byte[] plaintext;
    private byte[] aad;
    private SecretKeySpec rawKey;
    private Cipher sunJce;
    private Cipher bcProvider;
    private byte[] rawNonce;
    private byte[] rawCiphertext;
    private DataKey dataKey;
    private FieldContext field;
    private FieldCipher jcaCipher;
    private FieldCipher bcCipher;
    private byte[] fieldCiphertext;

    @Setup
    public void setUp() throws Exception {
        plaintext = bytes(FIELD_BYTES);
        byte[] keyBytes = bytes(32);
        rawKey = new SecretKeySpec(keyBytes, "AES");
        sunJce = Cipher.getInstance("AES/GCM/NoPadding", "SunJCE");
        bcProvider = Cipher.getInstance("AES/GCM/NoPadding", new BouncyCastleProvider());
        TenantId tenant = TenantId.random();
        field = new FieldContext(tenant, "provider_credentials", "secret", UUID.randomUUID().toString());
        aad = bytes(5 + 16 + 6 + field.table().length() + field.column().length() + field.rowId().length());
        rawNonce = bytes(12);
        sunJce.init(Cipher.ENCRYPT_MODE, rawKey, new GCMParameterSpec(128, rawNonce));
        sunJce.updateAAD(aad);
        rawCiphertext = sunJce.doFinal(plaintext);
        dataKey = new DataKey(tenant, 1, keyBytes.clone());
        jcaCipher = new FieldCipher(AeadEngine.JCA);
        bcCipher = new FieldCipher(AeadEngine.BOUNCY_CASTLE);
        fieldCiphertext = jcaCipher.encrypt(dataKey, field, plaintext);
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    static byte[] rawEncrypt(Cipher cipher, SecretKeySpec key, SecureRandom random, byte[] aad, byte[] plaintext)
            throws Exception {
        byte[] nonce = new byte[12];
        random.nextBytes(nonce);
        cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
        cipher.updateAAD(aad);
        return cipher.doFinal(plaintext);
    }

    @Benchmark
    public byte[] rawSunJceEncrypt() throws Exception {
        return rawEncrypt(sunJce, rawKey, random, aad, plaintext);
    }

    @Benchmark
    public byte[] rawSunJceDecrypt() throws Exception {
        sunJce.init(Cipher.DECRYPT_MODE, rawKey, new GCMParameterSpec(128, rawNonce));
        sunJce.updateAAD(aad);
        return sunJce.doFinal(rawCiphertext);
    }

    @Benchmark
    public byte[] rawBouncyCastleProviderEncrypt() throws Exception {
        return rawEncrypt(bcProvider, rawKey, random, aad, plaintext);
    }

    @Benchmark
    public byte[] fieldCipherJcaEncrypt() {
        return jcaCipher.encrypt(dataKey, field, plaintext);
    }

    @Benchmark
    public byte[] fieldCipherJcaDecrypt() {
        return jcaCipher.decrypt(dataKey, field, fieldCiphertext);
    }

    @Benchmark
    public byte[] fieldCipherBouncyCastleLightweightEncrypt() {
        return bcCipher.encrypt(dataKey, field, plaintext);
    }

    @Benchmark
    public byte[] fieldCipherBouncyCastleLightweightDecrypt() {
        return bcCipher.decrypt(dataKey, field, fieldCiphertext);
    }
}
