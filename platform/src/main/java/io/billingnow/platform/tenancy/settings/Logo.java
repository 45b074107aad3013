package io.billingnow.platform.tenancy.settings;

/** A stored logo: its description and the image, as the platform re-encoded it. */
public record Logo(LogoInfo info, byte[] image) {
}
