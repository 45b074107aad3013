package io.billingnow.platform.web.shell;

import io.billingnow.platform.identity.sessions.SessionCookie;
import io.billingnow.platform.identity.sessions.Sessions;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Optional;

/**
 * The browser's session as pages see it: the live person's session (of kind {@code user}) and the CSRF token the page
 * embeds for htmx. The token is the one the session was issued with (its cookie), accepted only if the session's
 * stored hash matches it, so a page never hands out a token the API would refuse.
 */
public final class WebSessions {

    private final Sessions sessions;

    public WebSessions(Sessions sessions) {
        this.sessions = sessions;
    }

    public record Current(Sessions.Active session, String csrfToken) {
    }

    public Optional<Current> current(HttpHeaders headers) {
        Cookie cookie = headers.getCookies().get(SessionCookie.NAME);
        if (cookie == null) {
            return Optional.empty();
        }
        Cookie csrf = headers.getCookies().get(SessionCookie.CSRF_NAME);
        return sessions.authenticate(cookie.getValue())
                .filter(s -> "user".equals(s.record().kind()))
                .filter(s -> csrf != null && s.csrfTokenMatches(csrf.getValue()))
                .map(s -> new Current(s, csrf.getValue()));
    }
}
