package io.billingnow.platform.identity.signin;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.pac4j.core.context.WebContext;
import org.pac4j.core.context.session.SessionStore;

/**
 * pac4j's "session" for exactly one sign-in attempt: where its redirect step leaves state, nonce and PKCE verifier
 * and its callback step finds them. Between the two steps the values live in a {@link PendingSignIns} row, not in an
 * HTTP session (the platform has none).
 */
final class AttemptStore implements SessionStore {

    private final Map<String, Object> values = new HashMap<>();

    @Override
    public Optional<String> getSessionId(WebContext context, boolean createSession) {
        return Optional.of("sign-in-attempt");
    }

    @Override
    public Optional<Object> get(WebContext context, String key) {
        return Optional.ofNullable(values.get(key));
    }

    @Override
    public void set(WebContext context, String key, Object value) {
        if (value == null) {
            values.remove(key);
        } else {
            values.put(key, value);
        }
    }

    @Override
    public boolean destroySession(WebContext context) {
        values.clear();
        return true;
    }

    @Override
    public Optional<Object> getTrackableSession(WebContext context) {
        return Optional.empty();
    }

    @Override
    public Optional<SessionStore> buildFromTrackableSession(WebContext context, Object trackableSession) {
        return Optional.empty();
    }

    @Override
    public boolean renewSession(WebContext context) {
        return false;
    }
}
