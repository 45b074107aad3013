package io.billingnow.plugin.stripe;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Builds an {@code application/x-www-form-urlencoded} body with Stripe's bracketed keys, in insertion order. */
final class FormEncoder {

    private final Map<String, String> fields = new LinkedHashMap<>();

    FormEncoder add(String key, String value) {
        fields.put(key, value);
        return this;
    }

    String encode() {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
