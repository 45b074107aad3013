package io.billingnow.platform.identity.sessions;

import io.billingnow.platform.core.errors.DomainException;
import io.billingnow.platform.core.errors.NotPermitted;
import io.billingnow.platform.protection.monitoring.SecurityEvent;
import io.billingnow.platform.protection.monitoring.SecurityEventKind;
import io.billingnow.platform.protection.monitoring.SecurityEvents;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import org.glassfish.jersey.server.ContainerRequest;

/**
 * Cross-site request forgery protection for cookie-authenticated state changes: the browser must say the request
 * comes from our own origin (Origin, Sec-Fetch-Site, whichever it sends) and the request must carry the session's
 * synchronizer token, which a foreign site can neither read nor guess: in {@value #HEADER} (htmx, scripts) or, for a
 * plain HTML form that works without JavaScript, in its {@value #FORM_FIELD} field. Bearer requests never get here: a
 * browser does not attach them on its own.
 */
public final class CsrfGuard {

    public static final String HEADER = "X-CSRF-Token";
    public static final String FORM_FIELD = "_csrf";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final String ownOrigin;
    private final SecurityEvents events;

    public CsrfGuard(URI publicBaseUrl, SecurityEvents events) {
        this.ownOrigin = origin(publicBaseUrl);
        this.events = events;
    }

    public void check(ContainerRequestContext request, Sessions.Active session) {
        if (SAFE_METHODS.contains(request.getMethod())) {
            return;
        }
        String fetchSite = request.getHeaderString("Sec-Fetch-Site");
        if (fetchSite != null && !Set.of("same-origin", "none").contains(fetchSite.toLowerCase(Locale.ROOT))) {
            throw refused(session, "cross-site request");
        }
        String origin = request.getHeaderString("Origin");
        if (origin != null && !origin.equalsIgnoreCase(ownOrigin)) {
            throw refused(session, "foreign origin");
        }
        if (!session.csrfTokenMatches(presentedToken(request))) {
            throw refused(session, "missing or wrong CSRF token");
        }
    }

    private DomainException refused(Sessions.Active session, String reason) {
        events.record(new SecurityEvent(SecurityEventKind.CSRF_REFUSED, null, null, null,
                "user:" + session.userId(), reason));
        return new NotPermitted("csrf-refused", "Forbidden",
                "A state change with a session cookie needs the " + HEADER + " header (or a form's " + FORM_FIELD
                        + " field) and must come from this site");
    }

    /**
     * The header, else a URL-encoded form's field. The form is buffered first, so the resource reads the same body
     * afterwards.
     */
    private static String presentedToken(ContainerRequestContext request) {
        String header = request.getHeaderString(HEADER);
        if (header != null) {
            return header;
        }
        MediaType type = request.getMediaType();
        if (type != null && type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                && request instanceof ContainerRequest jersey && jersey.hasEntity()) {
            jersey.bufferEntity();
            return jersey.readEntity(Form.class).asMap().getFirst(FORM_FIELD);
        }
        return null;
    }

    static String origin(URI uri) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort = port == -1 || ("https".equals(scheme) && port == 443) || ("http".equals(scheme) && port == 80);
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }
}
