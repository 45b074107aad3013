package io.billingnow.platform.protection.logging;

import ch.qos.logback.core.LayoutBase;

/** Wraps a layout and redacts every line it produces. */
public final class RedactingLayout<E> extends LayoutBase<E> {

    private final LayoutBase<E> inner;

    public RedactingLayout(LayoutBase<E> inner) {
        this.inner = inner;
    }

    @Override
    public String doLayout(E event) {
        return Redaction.redact(inner.doLayout(event));
    }

    @Override
    public String getFileHeader() {
        return inner.getFileHeader();
    }

    @Override
    public String getContentType() {
        return inner.getContentType();
    }

    @Override
    public void start() {
        inner.start();
        super.start();
    }

    @Override
    public void stop() {
        inner.stop();
        super.stop();
    }
}
