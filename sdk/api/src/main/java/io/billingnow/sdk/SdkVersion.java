package io.billingnow.sdk;

import java.util.Objects;

/**
 * A semantic version of the SDK contract.
 *
 * <p>{@link #CURRENT} is the version of the SDK the host was built with. The host passes it to PF4J as the system
 * version, and a plugin's {@code Plugin-Requires} expression (for example {@code >=0.1.0 & <1.0.0}) is checked
 * against it before the plugin is loaded.
 *
 * @param major incremented for incompatible changes (removals; never done lightly)
 * @param minor incremented when API is added
 * @param patch incremented for documentation or behaviour fixes that add no API
 */
public record SdkVersion(int major, int minor, int patch) implements Comparable<SdkVersion> {

    /** The version of this SDK. Kept equal to the SDK's Maven version without its qualifier (checked by a test). */
    public static final SdkVersion CURRENT = new SdkVersion(0, 2, 0);

    /**
     * Validates the parts.
     *
     * @throws IllegalArgumentException if any part is negative
     */
    public SdkVersion {
        if (major < 0 || minor < 0 || patch < 0) {
            throw new IllegalArgumentException("version parts must not be negative");
        }
    }

    /**
     * Parses {@code MAJOR.MINOR.PATCH}, ignoring a {@code -qualifier} suffix such as {@code -SNAPSHOT}.
     *
     * @param text the version text
     * @return the parsed version
     * @throws IllegalArgumentException if the text is not a version
     */
    public static SdkVersion parse(String text) {
        Objects.requireNonNull(text, "text");
        int dash = text.indexOf('-');
        String core = dash >= 0 ? text.substring(0, dash) : text;
        String[] parts = core.split("\\.", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a MAJOR.MINOR.PATCH version: " + text);
        }
        try {
            return new SdkVersion(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a MAJOR.MINOR.PATCH version: " + text, e);
        }
    }

    @Override
    public int compareTo(SdkVersion other) {
        int c = Integer.compare(major, other.major);
        if (c == 0) {
            c = Integer.compare(minor, other.minor);
        }
        return c != 0 ? c : Integer.compare(patch, other.patch);
    }

    /** Returns {@code MAJOR.MINOR.PATCH}, the form PF4J expects as its system version. */
    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}
