package io.billingnow.platform.tenancy.settings;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** How a logo leaves: its own type, never sniffed, no script, revalidated by its hash. */
public final class LogoResponses {

    private LogoResponses() {
    }

    public static Response image(Logo logo) {
        return Response.ok(logo.image(), logo.info().contentType())
                .tag(new EntityTag(logo.info().sha256()))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .header("Content-Disposition", "inline; filename=\"logo."
                        + ("image/png".equals(logo.info().contentType()) ? "png" : "jpg") + "\"")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-cache")
                .build();
    }
}
