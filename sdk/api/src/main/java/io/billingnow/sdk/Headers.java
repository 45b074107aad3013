package io.billingnow.sdk;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An immutable, case-insensitive multi-map of HTTP header fields. Names are stored in lower case; every value
 * of a repeated header is kept in arrival order.
 *
 * @param map header names (lower case) to their values, in order
 */
public record Headers(Map<String, List<String>> map) {

    /** Headers with no fields. */
    public static final Headers EMPTY = new Headers(Map.of());

    /**
     * Copies the map, folding names to lower case and merging values of names that differ only in case.
     *
     * @throws NullPointerException if the map, a name, a value list or a value is null
     */
    public Headers {
        Objects.requireNonNull(map, "map");
        Map<String, List<String>> folded = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : map.entrySet()) {
            String name = Objects.requireNonNull(e.getKey(), "header name").toLowerCase(Locale.ROOT);
            List<String> values = folded.computeIfAbsent(name, k -> new ArrayList<>());
            for (String v : Objects.requireNonNull(e.getValue(), "header values")) {
                values.add(Objects.requireNonNull(v, "header value"));
            }
        }
        Map<String, List<String>> frozen = new LinkedHashMap<>();
        folded.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
        map = Collections.unmodifiableMap(frozen);
    }

    /**
     * Builds headers from alternating names and values, for example {@code Headers.of("Content-Type", "text/plain")}.
     *
     * @param namesAndValues name, value, name, value, ...
     * @return the headers
     * @throws IllegalArgumentException if an odd number of strings is given
     */
    public static Headers of(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values must come in pairs");
        }
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            String name = Objects.requireNonNull(namesAndValues[i], "header name").toLowerCase(Locale.ROOT);
            m.computeIfAbsent(name, k -> new ArrayList<>()).add(namesAndValues[i + 1]);
        }
        return new Headers(m);
    }

    /**
     * Returns every value of a header, in arrival order.
     *
     * @param name the header name, in any case
     * @return the values, empty if the header is absent
     */
    public List<String> all(String name) {
        return map.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }

    /**
     * Returns the first value of a header.
     *
     * @param name the header name, in any case
     * @return the first value, or empty if the header is absent
     */
    public Optional<String> first(String name) {
        List<String> values = all(name);
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** Returns the (lower-case) names of all headers present. */
    public Set<String> names() {
        return map.keySet();
    }

    /**
     * Returns a copy with one more value for a header.
     *
     * @param name  the header name
     * @param value the value to append
     * @return new headers
     */
    public Headers with(String name, String value) {
        Map<String, List<String>> m = new LinkedHashMap<>(map);
        String key = name.toLowerCase(Locale.ROOT);
        List<String> values = new ArrayList<>(m.getOrDefault(key, List.of()));
        values.add(value);
        m.put(key, values);
        return new Headers(m);
    }
}
