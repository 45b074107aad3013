package io.billingnow.platform.idempotency;

import io.billingnow.platform.core.errors.DomainException;
import io.billingnow.platform.core.errors.InvalidInput;
import io.billingnow.platform.core.tx.TenantTransactions;
import io.billingnow.platform.identity.auth.TenantCaller;
import io.billingnow.platform.idempotency.IdempotencyStore.Attempt;
import io.billingnow.platform.idempotency.IdempotencyStore.Claim;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.RuntimeDelegate;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import java.io.ByteArrayInputStream;
import org.glassfish.jersey.server.ContainerRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a tenant POST safe to retry with an {@value #HEADER} header. The request filter claims the key (or replays,
 * or refuses); the response filter releases it on a server error; the writer interceptor stores the exact bytes of the
 * response before they leave, so a replay is byte-for-byte what the first caller received.
 *
 * <p>Runs after authentication: the key belongs to the caller's tenant, so two tenants never share a key.
 */
@Priority(Priorities.AUTHORIZATION + 100)
public final class IdempotencyFilter implements ContainerRequestFilter, ContainerResponseFilter, WriterInterceptor {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotency-Replayed";
    public static final int MAX_KEY_LENGTH = 255;

    private static final Logger LOG = LoggerFactory.getLogger(IdempotencyFilter.class);
    private static final String CLAIM = IdempotencyFilter.class.getName() + ".claim";
    private static final String STATUS = IdempotencyFilter.class.getName() + ".status";
    /** Headers that describe one transmission rather than the response itself. */
    private static final Set<String> NOT_STORED = Set.of("content-length", "date", "transfer-encoding", "connection",
            "request-id", "set-cookie", "content-type");

    private final TenantTransactions transactions;
    private final IdempotencyStore store;

    /** Each step below is a unit of work of its own: the filter opens its transaction, which commits at once. */
    public IdempotencyFilter(TenantTransactions transactions, IdempotencyStore store) {
        this.transactions = transactions;
        this.store = store;
    }

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        String key = request.getHeaderString(HEADER);
        if (key == null || !(request.getSecurityContext().getUserPrincipal() instanceof TenantCaller caller)) {
            return;
        }
        validate(key);
        // From its first byte even when a filter before this one read it (a buffered form: the CSRF field, a page's
        // one-time key): Jersey rewinds a buffered entity for each readEntity, so the resource reads it again too.
        byte[] body;
        if (!request.hasEntity()) {
            body = new byte[0];
        } else if (request instanceof ContainerRequest jersey) {
            jersey.bufferEntity();
            body = jersey.readEntity(byte[].class);
        } else {
            body = request.getEntityStream().readAllBytes();
            request.setEntityStream(new ByteArrayInputStream(body));
        }
        String method = request.getMethod();
        String path = pathAndQuery(request.getUriInfo().getRequestUri());
        byte[] hash = sha256(body);

        Attempt attempt = transactions.write(caller.tenant(),
                tx -> store.claim(tx, key, caller.getName(), method, path, hash));
        if (attempt.claim().isPresent()) {
            request.setProperty(CLAIM, attempt.claim().get());
            return;
        }
        StoredRequest earlier = attempt.earlier().orElseThrow();
        if (!earlier.requestMethod().equals(method) || !earlier.requestPath().equals(path)
                || !Arrays.equals(earlier.requestHash(), hash)) {
            throw DomainException.unprocessable("idempotency-key-reused",
                    "This Idempotency-Key was already used for a different request; use a new key for a new request");
        }
        if (!earlier.completed()) {
            throw DomainException.conflict("idempotency-key-in-progress",
                    "A request with this Idempotency-Key is still in progress; retry after it has finished");
        }
        request.abortWith(replay(earlier));
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(CLAIM) instanceof Claim claim)) {
            return;
        }
        int status = response.getStatus();
        if (status >= 500 || status == 429) {
            // Nothing was promised: the client may retry with the same key and have the request run again.
            request.removeProperty(CLAIM);
            release(claim);
        } else if (!response.hasEntity()) {
            request.removeProperty(CLAIM);
            completeQuietly(claim, status, headers(response.getHeaders(), null), new byte[0]);
        } else {
            request.setProperty(STATUS, status);
        }
    }

    @Override
    public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
        if (!(context.getProperty(CLAIM) instanceof Claim claim)) {
            context.proceed();
            return;
        }
        context.removeProperty(CLAIM);
        OutputStream wire = context.getOutputStream();
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        context.setOutputStream(buffer);
        try {
            context.proceed();
        } catch (IOException | RuntimeException e) {
            release(claim);
            throw e;
        } finally {
            context.setOutputStream(wire);
        }
        byte[] body = buffer.toByteArray();
        // Stored before it is sent: a client that retries the moment it has the response gets the replay, not a 409.
        completeQuietly(claim, (Integer) context.getProperty(STATUS),
                headers(context.getHeaders(), context.getMediaType()), body);
        wire.write(body);
    }

    /** Keys are opaque to us, but they are logged and stored: bounded, and free of control characters. */
    static void validate(String key) {
        boolean plain = !key.isEmpty() && key.length() <= MAX_KEY_LENGTH
                && key.chars().noneMatch(c -> Character.isISOControl(c));
        if (!plain) {
            throw new InvalidInput("invalid-idempotency-key", "Invalid Idempotency-Key",
                    "An Idempotency-Key is 1 to " + MAX_KEY_LENGTH + " characters without control characters");
        }
    }

    private Response replay(StoredRequest earlier) {
        Response.ResponseBuilder builder = Response.status(earlier.responseStatus());
        Map<String, List<String>> headers = earlier.responseHeaders() == null ? Map.of() : earlier.responseHeaders();
        headers.forEach((name, values) -> values.forEach(value -> builder.header(name, value)));
        byte[] body = earlier.responseBody();
        if (body != null && body.length > 0) {
            builder.entity(body);
        }
        return builder.header(REPLAYED_HEADER, "true").build();
    }

    private void release(Claim claim) {
        transactions.perform(claim.tenant(), tx -> store.release(tx, claim));
    }

    private void completeQuietly(Claim claim, int status, Map<String, List<String>> headers, byte[] body) {
        try {
            transactions.perform(claim.tenant(), tx -> store.complete(tx, claim, status, headers, body));
        } catch (RuntimeException e) {
            // The request's work is done and committed; failing its response now would invite a duplicate retry.
            // The key stays claimed and is taken over once abandoned.
            LOG.error("Could not store the response for an idempotency key", e);
        }
    }

    private static Map<String, List<String>> headers(MultivaluedMap<String, Object> headers, jakarta.ws.rs.core.MediaType mediaType) {
        Map<String, List<String>> stored = new LinkedHashMap<>();
        headers.forEach((name, values) -> {
            if (!NOT_STORED.contains(name.toLowerCase(Locale.ROOT))) {
                stored.put(name, values.stream().map(IdempotencyFilter::headerValue).toList());
            }
        });
        Object contentType = mediaType != null ? mediaType : headers.getFirst(HttpHeaders.CONTENT_TYPE);
        if (contentType != null) {
            stored.put(HttpHeaders.CONTENT_TYPE, List.of(headerValue(contentType)));
        }
        return stored;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static String headerValue(Object value) {
        if (value instanceof String s) {
            return s;
        }
        RuntimeDelegate.HeaderDelegate delegate = RuntimeDelegate.getInstance().createHeaderDelegate(value.getClass());
        return delegate != null ? delegate.toString(value) : value.toString();
    }

    private static String pathAndQuery(URI uri) {
        return uri.getRawQuery() == null ? uri.getRawPath() : uri.getRawPath() + "?" + uri.getRawQuery();
    }

    private static byte[] sha256(byte[] body) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }
}
