package io.billingnow.platform.protection.monitoring;

/** Where alerts go. Implementations must not block the request that triggered the alert for long. */
public interface AlertSink {

    void raise(Alert alert);
}
