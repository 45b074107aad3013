package io.billingnow.platform.billing.paylinks;

import io.billingnow.platform.identity.auth.PublicEndpoint;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The pay page's stylesheet as a file of the platform, so the page's policy allows styles from {@code 'self'} only
 * and no inline style at all. It holds nothing secret and is the same for every tenant: caches may keep it.
 */
@Path(PayPageStylesheet.PATH)
public final class PayPageStylesheet {

    public static final String PATH = "/assets/pay.css";

    private final byte[] css;

    public PayPageStylesheet() {
        try (InputStream in = PayPageStylesheet.class.getResourceAsStream("pay.css")) {
            if (in == null) {
                throw new IllegalStateException("pay.css is missing from the platform jar");
            }
            this.css = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Operation(summary = "Pay page stylesheet")
    @GET
    @PublicEndpoint
    @Produces("text/css; charset=utf-8")
    public Response stylesheet() {
        return Response.ok(css).header("Cache-Control", "public, max-age=86400").build();
    }
}
