package io.billingnow.platform.identity.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SessionCookieTest {

    static final String OLD = Base64.getEncoder().encodeToString("old-key-old-key-old-key-old-key!".getBytes());
    static final String NEW = Base64.getEncoder().encodeToString("new-key-new-key-new-key-new-key!".getBytes());

    @Test
    void aRotatedInKeySignsWhileTheRetiringKeyStillVerifies() {
        SessionCookie before = new SessionCookie(SigningKeys.from(Map.of("k1", OLD), "test"));
        byte[] id = SessionCookie.newId();
        String issuedBefore = before.encode(id);

        Map<String, String> rotated = new LinkedHashMap<>();
        rotated.put("k2", NEW);
        rotated.put("k1", OLD);
        SessionCookie after = new SessionCookie(SigningKeys.from(rotated, "test"));
        assertThat(after.decode(issuedBefore)).hasValue(id);
        assertThat(after.encode(id)).startsWith("v1.k2.");

        SessionCookie retired = new SessionCookie(SigningKeys.from(Map.of("k2", NEW), "test"));
        assertThat(retired.decode(issuedBefore)).isEmpty();
        assertThat(retired.decode(after.encode(id))).hasValue(id);
    }

    @Test
    void aCookieSignedUnderOneKeyIdDoesNotVerifyUnderAnother() {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("k1", OLD);
        keys.put("k2", NEW);
        SessionCookie cookies = new SessionCookie(SigningKeys.from(keys, "test"));
        String value = cookies.encode(SessionCookie.newId());
        assertThat(cookies.decode(value.replace("v1.k1.", "v1.k2."))).isEmpty();
    }

    @Test
    void weakOrMalformedKeysAreRefusedAtStartup() {
        assertThatThrownBy(() -> SigningKeys.from(Map.of("short", Base64.getEncoder().encodeToString(new byte[16])),
                "test")).hasMessageContaining("256 bits");
        assertThatThrownBy(() -> SigningKeys.from(Map.of("bad id!", OLD), "test")).hasMessageContaining("key ids");
        assertThatThrownBy(() -> SigningKeys.from(Map.of("k", "not base64 ***"), "test"))
                .hasMessageContaining("not base64");
    }
}
