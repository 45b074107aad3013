package io.billingnow.platform.billing.numbering;

/**
 * A document-number pattern that {@link NumberingFormat#parse(String)} refuses. {@link #reason()} says what is wrong
 * without repeating the pattern, so it can be shown to whoever sent the pattern (which may be long or hostile).
 */
public final class InvalidNumberingPatternException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String reason;
    private final int position;

    public InvalidNumberingPatternException(String pattern, int position, String reason) {
        super(position >= 0 ? "Invalid numbering pattern at position " + position + ": " + reason
                : "Invalid numbering pattern: " + reason);
        this.reason = reason;
        this.position = position;
    }

    /** What is wrong, with the position when there is one; never the pattern itself. */
    public String reason() {
        return position >= 0 ? reason + " (at character " + (position + 1) + ")" : reason;
    }

    /** Zero-based index of the offending character, or -1 when the pattern as a whole is wrong. */
    public int position() {
        return position;
    }
}
