package io.billingnow.platform.protection.logging;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secrets from text about to be logged: our tokens (API keys {@code bnk_}, operator tokens {@code bno_},
 * payment-link tokens {@code pl_}, webhook ids {@code whk_}), bare 256-bit random tokens (sessions, CSRF, pending
 * sign-ins), bearer credentials and Authorization headers, session cookies, common provider keys, values of
 * secret-named fields and OAuth query parameters, and card-like numbers (13 to 19 digits passing the Luhn check).
 */
public final class Redaction {

    public static final String MASK = "[REDACTED]";

    private record Rule(Pattern pattern, String replacement) {
    }

    private static final List<Rule> RULES = List.of(
            new Rule(Pattern.compile("(?i)\\b(authorization|proxy-authorization)(\"?\\s*[:=]\\s*\"?)[^\\r\\n\",}]+"),
                    "$1$2" + MASK),
            new Rule(Pattern.compile("(?i)\\b(bearer|basic)\\s+[A-Za-z0-9._~+/=-]{6,}"), "$1 " + MASK),
            new Rule(Pattern.compile("\\b(bnk|bno|pl|whk)_[A-Za-z0-9_-]{8,}"), "$1_" + MASK),
            new Rule(Pattern.compile("\\b(sk|rk|pk)_(live|test)_[A-Za-z0-9]{6,}"), "$1_$2_" + MASK),
            new Rule(Pattern.compile("\\bwhsec_[A-Za-z0-9+/=_-]{6,}"), "whsec_" + MASK),
            new Rule(Pattern.compile("(__Host-bn_[a-z]+)=[^;\\s,\"]+"), "$1=" + MASK),
            new Rule(Pattern.compile("(?i)\\b([a-z_-]*(?:secret|password|passwd|api[_-]?key|private[_-]?key|token|"
                    + "credentials?|cookie))(\"?\\s*[:=]\\s*\"?)([^\\s\",;&}]+)"), "$1$2" + MASK),
            new Rule(Pattern.compile("([?&](?:code|state|id_token|access_token|refresh_token|token|key)=)[^&\\s\"]+"),
                    "$1" + MASK),
            new Rule(Pattern.compile("(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])"), MASK));

    private static final Pattern CARD_LIKE = Pattern.compile("(?<![0-9])[0-9](?:[ -]?[0-9]){12,18}(?![0-9])");

    private Redaction() {
    }

    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String result = text;
        for (Rule rule : RULES) {
            result = rule.pattern().matcher(result).replaceAll(rule.replacement());
        }
        return redactCards(result);
    }

    private static String redactCards(String text) {
        Matcher matcher = CARD_LIKE.matcher(text);
        StringBuilder out = null;
        int last = 0;
        while (matcher.find()) {
            String digits = matcher.group().replaceAll("[ -]", "");
            if (digits.length() >= 13 && digits.length() <= 19 && luhn(digits)) {
                if (out == null) {
                    out = new StringBuilder(text.length());
                }
                out.append(text, last, matcher.start()).append("[CARD]");
                last = matcher.end();
            }
        }
        if (out == null) {
            return text;
        }
        return out.append(text, last, text.length()).toString();
    }

    static boolean luhn(String digits) {
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return sum % 10 == 0;
    }
}
