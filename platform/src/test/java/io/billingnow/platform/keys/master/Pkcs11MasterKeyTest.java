package io.billingnow.platform.keys.master;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The HSM path against a real PKCS#11 module (SoftHSM2) with a freshly initialised token. */
class Pkcs11MasterKeyTest {

    private static final String LABEL = "billingnow-master-1";
    private static final byte[] CONTEXT = "tenant-a|v1".getBytes(StandardCharsets.US_ASCII);
    private static Path tokens;
    private static SoftHsm hsm;

    @BeforeAll
    static void freshTokenWithAGeneratedKey() throws Exception {
        tokens = Files.createTempDirectory("softhsm-tokens");
        hsm = SoftHsm.freshToken(tokens);
        Pkcs11MasterKey.generateInToken(hsm.library(), hsm.slot(), SoftHsm.USER_PIN.toCharArray(), LABEL);
    }

    @AfterAll
    static void removeTokens() throws Exception {
        if (tokens != null) {
            try (var walk = Files.walk(tokens)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static Pkcs11MasterKey open() {
        return Pkcs11MasterKey.open(hsm.library(), hsm.slot(), SoftHsm.USER_PIN.toCharArray(), LABEL);
    }

    @Test
    void wrapsAndUnwrapsInsideTheToken() {
        try (Pkcs11MasterKey key = open()) {
            byte[] dek = LocalMasterKeyTest.random(32);
            byte[] wrapped = key.wrap(dek, CONTEXT);
            assertThat(wrapped).isNotEqualTo(dek).hasSize(1 + 12 + 32 + 16);
            assertThat(key.unwrap(wrapped, CONTEXT)).isEqualTo(dek);
            assertThat(key.id()).isEqualTo("pkcs11:" + hsm.slot() + ":" + LABEL);
        }
    }

    @Test
    void aKeyWrappedInOneSessionUnwrapsInTheNextButNotUnderAnotherContext() {
        byte[] dek = LocalMasterKeyTest.random(32);
        byte[] wrapped;
        try (Pkcs11MasterKey key = open()) {
            wrapped = key.wrap(dek, CONTEXT);
        }
        try (Pkcs11MasterKey key = open()) {
            assertThat(key.unwrap(wrapped, CONTEXT)).isEqualTo(dek);
            assertThatThrownBy(() -> key.unwrap(wrapped, "tenant-b|v1".getBytes(StandardCharsets.US_ASCII)))
                    .isInstanceOf(MasterKeyException.class).hasMessageContaining("cannot unwrap");
        }
    }

    @Test
    void theTokenKeyCannotBeReadOutOfTheModule() throws Exception {
        var provider = java.security.Security.getProvider("SunPKCS11").configure("--name = inspect\nlibrary = "
                + hsm.library() + "\nslot = " + hsm.slot() + "\n");
        var store = java.security.KeyStore.getInstance("PKCS11", provider);
        store.load(null, SoftHsm.USER_PIN.toCharArray());
        java.security.Key key = store.getKey(LABEL, null);
        assertThat(key).isNotNull();
        assertThat(key.getEncoded()).as("a sensitive, non-extractable token key has no encoding").isNull();
        assertThat(key.toString()).contains("sensitive").contains("unextractable");
    }

    @Test
    void aWrongPinOrUnknownLabelStopsWithAClearMessage() {
        assertThatThrownBy(() -> Pkcs11MasterKey.open(hsm.library(), hsm.slot(), "0000".toCharArray(), LABEL))
                .isInstanceOf(MasterKeyException.class).hasMessageContaining("cannot log in");
        assertThatThrownBy(() -> Pkcs11MasterKey.open(hsm.library(), hsm.slot(), SoftHsm.USER_PIN.toCharArray(),
                "no-such-key"))
                .isInstanceOf(MasterKeyException.class).hasMessageContaining("no key labelled 'no-such-key'");
        assertThatThrownBy(() -> Pkcs11MasterKey.generateInToken(hsm.library(), hsm.slot(),
                SoftHsm.USER_PIN.toCharArray(), LABEL))
                .isInstanceOf(MasterKeyException.class).hasMessageContaining("already has a key");
    }

    @Test
    void aLocalKeyCannotUnwrapWhatTheHsmWrapped() {
        try (Pkcs11MasterKey hsmKey = open(); LocalMasterKey local = LocalMasterKey.of(LocalMasterKeyTest.random(32))) {
            byte[] wrapped = hsmKey.wrap(LocalMasterKeyTest.random(32), CONTEXT);
            assertThatThrownBy(() -> local.unwrap(wrapped, CONTEXT)).isInstanceOf(MasterKeyException.class);
        }
    }
}
