package io.billingnow.platform.keys.master;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.AuthProvider;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.Provider;
import java.security.Security;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.security.auth.login.LoginException;

/**
 * A master key that lives in an HSM and never leaves it: wrapping and unwrapping are AES-256-GCM operations performed
 * by the token (CKM_AES_GCM) through the JDK's SunPKCS11 provider. The JVM only ever holds a handle to the key.
 *
 * <p>Keys this class generates are token objects with CKA_SENSITIVE=true and CKA_EXTRACTABLE=false.
 */
public final class Pkcs11MasterKey implements MasterKey {

    private final Provider provider;
    private final Key key;
    private final String id;

    private Pkcs11MasterKey(Provider provider, Key key, String id) {
        this.provider = provider;
        this.key = key;
        this.id = id;
    }

    /**
     * Logs in to the token in {@code slot} of the PKCS#11 module {@code library} and finds the AES key labelled
     * {@code keyLabel}.
     */
    public static Pkcs11MasterKey open(Path library, long slot, char[] pin, String keyLabel) {
        Provider provider = provider(library, slot);
        KeyStore store = login(provider, pin);
        try {
            Key key = store.getKey(keyLabel, null);
            if (key == null) {
                logout(provider);
                throw new MasterKeyException("the PKCS#11 token in slot " + slot + " has no key labelled '"
                        + keyLabel + "'");
            }
            if (!"AES".equalsIgnoreCase(key.getAlgorithm())) {
                logout(provider);
                throw new MasterKeyException("the PKCS#11 key labelled '" + keyLabel + "' is not an AES key");
            }
            return new Pkcs11MasterKey(provider, key, "pkcs11:" + slot + ":" + keyLabel);
        } catch (GeneralSecurityException e) {
            logout(provider);
            throw new MasterKeyException("cannot read key '" + keyLabel + "' from the PKCS#11 token", e);
        }
    }

    /**
     * Generates a new AES-256 key inside the token under {@code keyLabel} (an operator's one-off setup step, and what
     * the tests do on a fresh SoftHSM token). Refuses to replace an existing key.
     */
    public static void generateInToken(Path library, long slot, char[] pin, String keyLabel) {
        Provider provider = provider(library, slot);
        try {
            KeyStore store = login(provider, pin);
            if (store.containsAlias(keyLabel)) {
                throw new MasterKeyException("the PKCS#11 token already has a key labelled '" + keyLabel + "'");
            }
            KeyGenerator generator = KeyGenerator.getInstance("AES", provider);
            generator.init(256);
            SecretKey generated = generator.generateKey();
            store.setEntry(keyLabel, new KeyStore.SecretKeyEntry(generated), null);
        } catch (GeneralSecurityException e) {
            throw new MasterKeyException("cannot generate key '" + keyLabel + "' in the PKCS#11 token", e);
        } finally {
            logout(provider);
        }
    }

    private static Provider provider(Path library, long slot) {
        if (!Files.isReadable(library)) {
            throw new MasterKeyException("PKCS#11 module " + library + " does not exist or is not readable");
        }
        Provider base = Security.getProvider("SunPKCS11");
        if (base == null) {
            throw new MasterKeyException("this JDK has no SunPKCS11 provider");
        }
        // "--" tells SunPKCS11 that the configuration follows inline rather than as a file name.
        String config = "--name = billingnow-" + slot + "\n"
                + "library = " + library.toAbsolutePath() + "\n"
                + "slot = " + slot + "\n"
                + "attributes(generate, CKO_SECRET_KEY, CKK_AES) = {\n"
                + "  CKA_SENSITIVE = true\n"
                + "  CKA_EXTRACTABLE = false\n"
                + "  CKA_ENCRYPT = true\n"
                + "  CKA_DECRYPT = true\n"
                + "}\n";
        try {
            return base.configure(config);
        } catch (RuntimeException e) {
            throw new MasterKeyException("cannot load PKCS#11 module " + library + " for slot " + slot, e);
        }
    }

    private static KeyStore login(Provider provider, char[] pin) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS11", provider);
            store.load(null, pin);
            return store;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new MasterKeyException("cannot log in to the PKCS#11 token (wrong PIN or slot?)", e);
        } finally {
            Arrays.fill(pin, '\0');
        }
    }

    private static void logout(Provider provider) {
        if (provider instanceof AuthProvider auth) {
            try {
                auth.logout();
            } catch (LoginException ignored) {
                // nothing more we can do; the session ends with the process
            }
        }
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public byte[] wrap(byte[] dataKey, byte[] context) {
        return GcmKeyWrap.wrap(this::cipher, key, dataKey, context, id);
    }

    @Override
    public byte[] unwrap(byte[] wrapped, byte[] context) {
        return GcmKeyWrap.unwrap(this::cipher, key, wrapped, context, id);
    }

    private Cipher cipher() throws GeneralSecurityException {
        return Cipher.getInstance("AES/GCM/NoPadding", provider);
    }

    @Override
    public void close() {
        logout(provider);
    }

    @Override
    public String toString() {
        return id;
    }
}
