package io.billingnow.platform.keys.master;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;

/**
 * Which master key to use. {@code type: local} reads {@code file} or {@code environmentVariable} (base64), and with
 * {@code generateIfMissing} (dev mode only) creates the file. {@code type: pkcs11} opens {@code keyLabel} in
 * {@code slot} of the PKCS#11 module {@code library}, logging in with the PIN found in {@code pinEnvironmentVariable}.
 */
public class MasterKeySettings {

    public enum Type { LOCAL, PKCS11 }

    @JsonProperty
    private Type type = Type.LOCAL;

    @JsonProperty
    private String file;

    @JsonProperty
    private String environmentVariable;

    @JsonProperty
    private boolean generateIfMissing;

    @JsonProperty
    private String library;

    @JsonProperty
    private Long slot;

    @JsonProperty
    private String pinEnvironmentVariable = "BILLINGNOW_PKCS11_PIN";

    @JsonProperty
    private String keyLabel;

    public static MasterKeySettings localFile(String file, boolean generateIfMissing) {
        MasterKeySettings settings = new MasterKeySettings();
        settings.type = Type.LOCAL;
        settings.file = file;
        settings.generateIfMissing = generateIfMissing;
        return settings;
    }

    /** Opens the configured key, or fails with a message that says what to fix. */
    public MasterKey open() {
        return switch (type) {
            case LOCAL -> openLocal();
            case PKCS11 -> openPkcs11();
        };
    }

    private MasterKey openLocal() {
        if (file != null && environmentVariable != null) {
            throw new MasterKeyException("keys.masterKey: set either file or environmentVariable, not both");
        }
        if (environmentVariable != null) {
            return LocalMasterKey.fromEnvironment(environmentVariable);
        }
        if (file == null) {
            throw new MasterKeyException("keys.masterKey: a local master key needs file or environmentVariable");
        }
        Path path = Path.of(file);
        return generateIfMissing ? LocalMasterKey.generateIfMissing(path) : LocalMasterKey.fromFile(path);
    }

    private MasterKey openPkcs11() {
        if (library == null || slot == null || keyLabel == null) {
            throw new MasterKeyException("keys.masterKey: a pkcs11 master key needs library, slot and keyLabel");
        }
        String pin = System.getenv(pinEnvironmentVariable);
        if (pin == null || pin.isEmpty()) {
            throw new MasterKeyException("environment variable " + pinEnvironmentVariable
                    + " (the PKCS#11 user PIN) is not set");
        }
        return Pkcs11MasterKey.open(Path.of(library), slot, pin.toCharArray(), keyLabel);
    }

    public Type getType() {
        return type;
    }
}
