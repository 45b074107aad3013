package io.billingnow.platform.tenancy.config;

/**
 * One thing wrong in the tenants-config folder.
 *
 * @param file    the file's name inside the folder (or the folder itself for folder-level problems)
 * @param field   a JSON pointer into the file, e.g. {@code /settings/paymentTermsDays}; {@code /} for the whole file
 * @param message what is wrong, in words an operator can act on
 */
public record ConfigProblem(String file, String field, String message) {

    @Override
    public String toString() {
        return file + ": " + field + ": " + message;
    }
}
