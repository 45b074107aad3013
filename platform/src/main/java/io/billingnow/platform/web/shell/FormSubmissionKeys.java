package io.billingnow.platform.web.shell;

import io.billingnow.platform.idempotency.IdempotencyFilter;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.glassfish.jersey.server.ContainerRequest;

/**
 * A form that is submitted twice (a double click, a resent request after a timeout) must not record two payments or
 * issue two credit notes. Every form of a business's pages carries a one-time key ({@value #FIELD}, a fresh random
 * value each time the page is drawn, {@link WebPage#onceKey()}); this filter hands it to the API's own
 * {@code Idempotency-Key} handling ({@code idempotency.IdempotencyFilter}), so the second submission of the same form
 * gets the first one's answer (the same redirect) and runs nothing. A form without the field is not protected; a key
 * the client set itself is left alone.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 90)
public final class FormSubmissionKeys implements ContainerRequestFilter {

    public static final String FIELD = "_once";
    private static final String HEADER = IdempotencyFilter.HEADER;

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath(true);
        if (!"POST".equals(request.getMethod()) || !(path.startsWith(TenantFromPath.PREFIX)
                || path.startsWith("/" + TenantFromPath.PREFIX)) || request.getHeaderString(HEADER) != null) {
            return;
        }
        MediaType type = request.getMediaType();
        if (type == null || !type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                || !(request instanceof ContainerRequest jersey) || !jersey.hasEntity()) {
            return;
        }
        jersey.bufferEntity();
        String key = jersey.readEntity(Form.class).asMap().getFirst(FIELD);
        if (key != null && !key.isBlank()) {
            // Prefixed so that a form's key can never collide with a key an API client chose.
            request.getHeaders().put(HEADER, List.of("form:" + key));
        }
    }
}
