package io.billingnow.sdk.webhook;

import java.util.Objects;

/**
 * A webhook delivery was not accepted. This is the only exception {@code verifyWebhook} may throw.
 *
 * <p>The message is built from the reason and a short detail that plugins must keep free of secrets, signatures
 * and body content, since hosts log it and may return it to the caller.
 */
public class WebhookRejectedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final RejectionReason reason;

    /**
     * Creates the exception.
     *
     * @param reason why the delivery was rejected
     * @param detail a short description free of secrets, signatures and body content
     */
    public WebhookRejectedException(RejectionReason reason, String detail) {
        super(Objects.requireNonNull(reason, "reason") + ": " + detail);
        this.reason = reason;
    }

    /**
     * Creates the exception with a cause (for example a parser error; its message must be free of body content
     * too, so plugins usually pass no cause).
     *
     * @param reason why the delivery was rejected
     * @param detail a short description free of secrets, signatures and body content
     * @param cause  the underlying failure
     */
    public WebhookRejectedException(RejectionReason reason, String detail, Throwable cause) {
        super(Objects.requireNonNull(reason, "reason") + ": " + detail, cause);
        this.reason = reason;
    }

    /** Returns why the delivery was rejected. */
    public RejectionReason reason() {
        return reason;
    }
}
