package io.billingnow.platform.http;

import io.billingnow.platform.core.Versioned;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;

/** Adds {@code ETag} to every successful response whose entity is {@link Versioned}, unless the resource set one. */
@Priority(Priorities.HEADER_DECORATOR)
public final class ETagFilter implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() / 100 == 2 && response.getEntity() instanceof Versioned versioned
                && !response.getHeaders().containsKey(HttpHeaders.ETAG)) {
            response.getHeaders().putSingle(HttpHeaders.ETAG, ETags.of(versioned.version()));
        }
    }
}
