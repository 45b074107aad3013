package io.billingnow.platform.keys.master;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalMasterKeyTest {

    @TempDir
    Path dir;

    private static final byte[] CONTEXT = "tenant-a|v1".getBytes(StandardCharsets.US_ASCII);

    @Test
    void wrapsAndUnwrapsUnderTheSameContext() {
        try (LocalMasterKey key = LocalMasterKey.of(random(32))) {
            byte[] dek = random(32);
            byte[] wrapped = key.wrap(dek, CONTEXT);
            assertThat(wrapped).hasSize(1 + 12 + 32 + 16);
            assertThat(key.unwrap(wrapped, CONTEXT)).isEqualTo(dek);
        }
    }

    @Test
    void refusesToUnwrapUnderAnotherContext() {
        try (LocalMasterKey key = LocalMasterKey.of(random(32))) {
            byte[] wrapped = key.wrap(random(32), CONTEXT);
            assertThatThrownBy(() -> key.unwrap(wrapped, "tenant-b|v1".getBytes(StandardCharsets.US_ASCII)))
                    .isInstanceOf(MasterKeyException.class)
                    .hasMessageContaining("cannot unwrap");
        }
    }

    @Test
    void anotherMasterKeyCannotUnwrapAndHasAnotherId() {
        try (LocalMasterKey one = LocalMasterKey.of(random(32)); LocalMasterKey two = LocalMasterKey.of(random(32))) {
            byte[] wrapped = one.wrap(random(32), CONTEXT);
            assertThat(one.id()).startsWith("local:").isNotEqualTo(two.id());
            assertThatThrownBy(() -> two.unwrap(wrapped, CONTEXT)).isInstanceOf(MasterKeyException.class);
        }
    }

    @Test
    void refusesAKeyThatIsNot256Bits() {
        assertThatThrownBy(() -> LocalMasterKey.of(random(16)))
                .isInstanceOf(MasterKeyException.class).hasMessageContaining("256 bits");
        assertThatThrownBy(() -> LocalMasterKey.fromBase64("not base64!", "test"))
                .isInstanceOf(MasterKeyException.class).hasMessageContaining("not valid base64");
    }

    @Test
    void generateIfMissingCreatesAnOwnerOnlyFileAndReusesIt() throws Exception {
        Path file = dir.resolve("data").resolve("master.key");
        String firstId;
        try (LocalMasterKey first = LocalMasterKey.generateIfMissing(file)) {
            firstId = first.id();
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                .isEqualTo("rwx------");
        assertThat(Base64.getDecoder().decode(Files.readString(file).strip())).hasSize(32);
        try (LocalMasterKey again = LocalMasterKey.generateIfMissing(file)) {
            assertThat(again.id()).isEqualTo(firstId);
        }
    }

    @Test
    void refusesAKeyFileReadableByGroupOrOthers() throws Exception {
        Path file = dir.resolve("master.key");
        Files.writeString(file, Base64.getEncoder().encodeToString(random(32)));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        assertThatThrownBy(() -> LocalMasterKey.fromFile(file))
                .isInstanceOf(MasterKeyException.class)
                .hasMessageContaining("accessible to group or others")
                .hasMessageContaining("chmod 600");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw----r--"));
        assertThatThrownBy(() -> LocalMasterKey.fromFile(file)).isInstanceOf(MasterKeyException.class);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--------"));
        try (LocalMasterKey key = LocalMasterKey.fromFile(file)) {
            assertThat(key.id()).startsWith("local:");
        }
    }

    @Test
    void aMissingFileOrVariableSaysWhatIsMissing() {
        assertThatThrownBy(() -> LocalMasterKey.fromFile(dir.resolve("absent.key")))
                .isInstanceOf(MasterKeyException.class).hasMessageContaining("does not exist");
        assertThatThrownBy(() -> LocalMasterKey.fromEnvironment("BILLINGNOW_TEST_SURELY_UNSET_VARIABLE"))
                .isInstanceOf(MasterKeyException.class).hasMessageContaining("is not set");
    }

    @Test
    void readsTheKeyFromTheEnvironmentVariableThatSurefireSets() {
        // pom.xml gives the test JVM BILLINGNOW_TEST_MASTER_KEY, the base64 of 32 bytes 0x00..0x1f.
        byte[] expected = new byte[32];
        for (int i = 0; i < 32; i++) {
            expected[i] = (byte) i;
        }
        try (LocalMasterKey fromEnv = LocalMasterKey.fromEnvironment("BILLINGNOW_TEST_MASTER_KEY");
             LocalMasterKey direct = LocalMasterKey.of(expected)) {
            assertThat(fromEnv.id()).isEqualTo(direct.id());
        }
    }

    static byte[] random(int n) {
        byte[] bytes = new byte[n];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
