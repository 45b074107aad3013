package io.billingnow.platform.core;

/**
 * The one format of a tax id (VAT id, registration number) the platform accepts, for a customer's and for a seller's
 * alike: letters, digits, spaces and {@code . - /}, at most {@value #MAX_LENGTH} characters. Constants, so bean
 * validation annotations can name them.
 */
public final class TaxIds {

    public static final int MAX_LENGTH = 64;
    public static final String CHARACTERS = "[A-Za-z0-9 .\\-/]*";
    public static final String MESSAGE = "letters, digits, spaces, . - /";

    private static final java.util.regex.Pattern FORMAT = java.util.regex.Pattern.compile(CHARACTERS);

    private TaxIds() {
    }

    public static boolean isWellFormed(String taxId) {
        return taxId != null && taxId.length() <= MAX_LENGTH && FORMAT.matcher(taxId).matches();
    }
}
