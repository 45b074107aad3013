package io.billingnow.platform.numbering;

/** A document-number pattern that {@link NumberingFormat#parse(String)} refuses. */
public final class InvalidNumberingPatternException extends IllegalArgumentException {

    private final String pattern;
    private final int position;

    public InvalidNumberingPatternException(String pattern, int position, String reason) {
        super(position >= 0
                ? "Invalid numbering pattern '" + pattern + "' at position " + position + ": " + reason
                : "Invalid numbering pattern '" + pattern + "': " + reason);
        this.pattern = pattern;
        this.position = position;
    }

    public String pattern() {
        return pattern;
    }

    /** Zero-based index of the offending character, or -1 when the pattern as a whole is wrong. */
    public int position() {
        return position;
    }
}
