package io.billingnow.platform.providers.webhooks;

import io.billingnow.platform.core.errors.DomainException;
import io.billingnow.platform.core.errors.PayloadTooLarge;
import io.billingnow.platform.identity.auth.PublicEndpoint;
import io.billingnow.sdk.Headers;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

/** Where providers deliver webhooks: one unguessable URL per provider account. */
@Path("/webhooks/{publicId}")
public final class WebhookResource {

    private final WebhookService webhooks;
    private final long maxBodyBytes;

    public WebhookResource(WebhookService webhooks, long maxBodyBytes) {
        this.webhooks = webhooks;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** Public: providers cannot hold our credentials; the plugin's signature check over the raw body authenticates. */
    @Operation(summary = "Receive a payment provider's webhook",
            description = "For the providers, not for API clients: the plugin's signature check over the raw body "
            + "authenticates the delivery (400 webhook-rejected otherwise).")
    @POST
    @PublicEndpoint
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, List<WebhookService.Outcome>> receive(@PathParam("publicId") String publicId,
                                                            @Context HttpHeaders headers, InputStream body)
            throws IOException {
        String declared = headers.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (declared != null && declared.matches("[0-9]{1,18}") && Long.parseLong(declared) > maxBodyBytes) {
            throw tooLarge();
        }
        byte[] raw = readLimited(body);
        return Map.of("events", webhooks.receive(publicId, raw, new Headers(headers.getRequestHeaders())));
    }

    private byte[] readLimited(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long total = 0;
        for (int n; (n = in.read(buffer)) != -1; ) {
            total += n;
            if (total > maxBodyBytes) {
                throw tooLarge();
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private DomainException tooLarge() {
        return new PayloadTooLarge("payload-too-large", "Payload too large",
                "Webhook bodies are limited to " + maxBodyBytes + " bytes");
    }
}
