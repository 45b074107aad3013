package io.billingnow.platform.billing.paylinks;

import io.billingnow.platform.identity.auth.PublicEndpoint;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.util.Currency;

/**
 * The public pay page behind a payment link. Plain HTML with no script and no inline style, every value escaped,
 * served with a policy that forbids scripts, inline styles, framing, caching and referrers (the URL holds the token).
 */
@Path("/pay/{token}")
public final class PayPageResource {

    /**
     * The documented HTML policy ({@code SecurityHeadersFilter.HTML_CSP}) with one addition: the checkout form posts
     * to the page itself, which answers 303 to the provider's checkout, and browsers apply {@code form-action} to
     * that redirect too. So the provider's origin must be allowed, over https only (dev mode serves https as well).
     */
    static final String CONTENT_SECURITY_POLICY =
            "default-src 'none'; style-src 'self'; form-action 'self' https:; frame-ancestors 'none';"
                    + " base-uri 'none'";

    private final PaymentLinkService links;

    public PayPageResource(PaymentLinkService links) {
        this.links = links;
    }

    /** Public: the payer has no account; the 256-bit token is the credential. */
    @Operation(summary = "Pay page (HTML)",
            description = "The page a payer opens from a payment link; the token in the path is the credential.")
    @GET
    @PublicEndpoint
    @Produces(MediaType.TEXT_HTML)
    public Response page(@PathParam("token") String token) {
        PaymentLinkService.Page page = links.page(token);
        if (page.state() != PaymentLinkService.State.LIVE) {
            return unavailable(page.state());
        }
        String body = "<h1>" + escape(page.sellerName()) + "</h1>\n"
                + "<p>Invoice <strong>" + escape(page.invoiceNumber()) + "</strong></p>\n"
                + "<p>Amount due: <strong>" + escape(amount(page.amountDue(), page.currency())) + "</strong></p>\n"
                + "<form method=\"post\" action=\"/pay/" + escape(token) + "/checkout\">\n"
                + "<button type=\"submit\">Pay now</button>\n</form>\n";
        return html(200, "Pay invoice " + page.invoiceNumber(), body);
    }

    /** Public, like the page: sends the payer on to the provider's checkout for the amount still due. */
    @Operation(summary = "Start checkout from the pay page",
            description = "Sends the payer on to the provider's checkout for the amount still due.")
    @POST
    @Path("/checkout")
    @PublicEndpoint
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.TEXT_HTML)
    public Response checkout(@PathParam("token") String token) {
        PaymentLinkService.Checkout checkout = links.checkout(token);
        if (checkout.state() != PaymentLinkService.State.LIVE) {
            return unavailable(checkout.state());
        }
        return Response.seeOther(checkout.redirect()).header("Cache-Control", "no-store")
                .header("Referrer-Policy", "no-referrer").build();
    }

    private static Response unavailable(PaymentLinkService.State state) {
        return switch (state) {
            case EXPIRED -> html(410, "Payment link expired",
                    "<h1>This payment link has expired</h1>\n<p>Please ask the seller for a new link.</p>\n");
            case REVOKED -> html(410, "Payment link withdrawn",
                    "<h1>This payment link has been withdrawn</h1>\n<p>Please contact the seller.</p>\n");
            case SETTLED -> html(410, "Nothing left to pay",
                    "<h1>This invoice is no longer payable</h1>\n"
                            + "<p>It has been paid or cancelled; nothing is due through this link.</p>\n");
            default -> html(404, "Payment link not found",
                    "<h1>Payment link not found</h1>\n<p>Check that the link was copied completely.</p>\n");
        };
    }

    static Response html(int status, String title, String body) {
        String page = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<meta name=\"referrer\" content=\"no-referrer\">\n"
                + "<link rel=\"stylesheet\" href=\"" + PayPageStylesheet.PATH + "\">\n"
                + "<title>" + escape(title) + "</title>\n</head>\n<body>\n" + body + "</body>\n</html>\n";
        return Response.status(status).type("text/html; charset=utf-8").entity(page)
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("Cache-Control", "no-store")
                .header("Referrer-Policy", "no-referrer")
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .build();
    }

    static String amount(long minorUnits, String currency) {
        int digits;
        try {
            digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        } catch (IllegalArgumentException e) {
            digits = 2;
        }
        return BigDecimal.valueOf(minorUnits, digits).toPlainString() + " " + currency;
    }

    /** HTML-escapes text for element content and double-quoted attributes. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
