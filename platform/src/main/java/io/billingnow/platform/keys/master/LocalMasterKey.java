package io.billingnow.platform.keys.master;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * A 256-bit master key held in this process, read from a file or an environment variable (base64 in both cases).
 * Fit for development and for small installations whose key file is protected by the host; an HSM or a KMS keeps the
 * key out of the process entirely.
 *
 * <p>Limit of wiping: {@link #close()} zeroes the bytes we hold, but {@link SecretKeySpec} keeps its own copy that the
 * JDK 17 API gives no way to erase; it becomes garbage and is eventually overwritten.
 */
public final class LocalMasterKey implements MasterKey {

    private static final int KEY_BYTES = 32;
    private static final Set<PosixFilePermission> GROUP_OR_OTHER = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private final byte[] key;
    private final SecretKeySpec spec;
    private final String id;

    private LocalMasterKey(byte[] key) {
        if (key.length != KEY_BYTES) {
            Arrays.fill(key, (byte) 0);
            throw new MasterKeyException("a local master key must be exactly 256 bits (32 bytes), got "
                    + key.length * 8 + " bits");
        }
        this.key = key;
        this.spec = new SecretKeySpec(key, "AES");
        this.id = "local:" + fingerprint(key);
    }

    /** Takes ownership of {@code key} (it is wiped on close). */
    public static LocalMasterKey of(byte[] key) {
        return new LocalMasterKey(key.clone());
    }

    public static LocalMasterKey fromBase64(String base64, String source) {
        try {
            return new LocalMasterKey(Base64.getDecoder().decode(base64.strip()));
        } catch (IllegalArgumentException e) {
            throw new MasterKeyException("the master key in " + source + " is not valid base64");
        }
    }

    /** Reads the key from an environment variable holding its base64 form. */
    public static LocalMasterKey fromEnvironment(String variable) {
        String value = System.getenv(variable);
        if (value == null || value.isBlank()) {
            throw new MasterKeyException("environment variable " + variable + " (the master key) is not set");
        }
        return fromBase64(value, "environment variable " + variable);
    }

    /**
     * Reads the key from a file holding its base64 form. Refuses a file that its group or other users may read or
     * write: a master key readable by another account is already compromised.
     */
    public static LocalMasterKey fromFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new MasterKeyException("master key file " + file + " does not exist or is not a regular file");
        }
        requireOwnerOnly(file);
        try {
            return fromBase64(Files.readString(file, StandardCharsets.US_ASCII), "file " + file);
        } catch (IOException e) {
            throw new MasterKeyException("cannot read master key file " + file, e);
        }
    }

    /**
     * Development mode: creates a fresh random key in {@code file} (permissions 0600, folder 0700 if it is created)
     * unless the file exists, then reads it. Never overwrites an existing key.
     */
    public static LocalMasterKey generateIfMissing(Path file) {
        if (!Files.exists(file)) {
            byte[] fresh = new byte[KEY_BYTES];
            new SecureRandom().nextBytes(fresh);
            byte[] encoded = Base64.getEncoder().encode(fresh);
            Arrays.fill(fresh, (byte) 0);
            try {
                Path parent = file.toAbsolutePath().getParent();
                if (parent != null && !Files.exists(parent)) {
                    Files.createDirectories(parent,
                            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                }
                // Created with its final permissions, so there is no moment where it is readable by others.
                Files.write(Files.createFile(file,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))), encoded);
            } catch (FileAlreadyExistsException raced) {
                // another process created it first: use theirs
            } catch (IOException e) {
                throw new MasterKeyException("cannot create master key file " + file, e);
            } finally {
                Arrays.fill(encoded, (byte) 0);
            }
        }
        return fromFile(file);
    }

    private static void requireOwnerOnly(Path file) {
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (view == null) {
            throw new MasterKeyException("cannot check the permissions of master key file " + file
                    + ": the file system has no POSIX permissions");
        }
        try {
            Set<PosixFilePermission> permissions = view.readAttributes().permissions();
            if (permissions.stream().anyMatch(GROUP_OR_OTHER::contains)) {
                throw new MasterKeyException("master key file " + file + " is accessible to group or others ("
                        + PosixFilePermissions.toString(permissions) + "); run chmod 600 on it");
            }
        } catch (IOException e) {
            throw new MasterKeyException("cannot read the permissions of master key file " + file, e);
        }
    }

    private static String fingerprint(byte[] key) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("billingnow master key id".getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(sha.digest(key), 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public byte[] wrap(byte[] dataKey, byte[] context) {
        return GcmKeyWrap.wrap(LocalMasterKey::cipher, spec, dataKey, context, id);
    }

    @Override
    public byte[] unwrap(byte[] wrapped, byte[] context) {
        return GcmKeyWrap.unwrap(LocalMasterKey::cipher, spec, wrapped, context, id);
    }

    private static Cipher cipher() throws GeneralSecurityException {
        return Cipher.getInstance("AES/GCM/NoPadding");
    }

    @Override
    public void close() {
        Arrays.fill(key, (byte) 0);
    }

    @Override
    public String toString() {
        return id;
    }
}
