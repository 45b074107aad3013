package io.billingnow.sdk;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HeadersTest {

    @Test
    void lookupIgnoresCase() {
        Headers h = Headers.of("Stripe-Signature", "t=1,v1=ab");
        assertThat(h.first("stripe-signature")).contains("t=1,v1=ab");
        assertThat(h.first("STRIPE-SIGNATURE")).contains("t=1,v1=ab");
        assertThat(h.first("missing")).isEmpty();
        assertThat(h.all("missing")).isEmpty();
    }

    @Test
    void namesDifferingOnlyInCaseAreMergedInOrder() {
        Map<String, List<String>> raw = new java.util.LinkedHashMap<>();
        raw.put("X-A", List.of("1"));
        raw.put("x-a", List.of("2", "3"));
        assertThat(new Headers(raw).all("x-A")).containsExactly("1", "2", "3");
    }

    @Test
    void isImmutableEvenIfTheSourceChanges() {
        List<String> values = new ArrayList<>(List.of("1"));
        Headers h = new Headers(Map.of("a", values));
        values.add("2");
        assertThat(h.all("a")).containsExactly("1");
        assertThatThrownBy(() -> h.map().put("b", List.of())).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> h.all("a").add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void withAppendsWithoutChangingTheOriginal() {
        Headers h = Headers.of("A", "1");
        Headers h2 = h.with("a", "2");
        assertThat(h.all("a")).containsExactly("1");
        assertThat(h2.all("A")).containsExactly("1", "2");
    }

    @Test
    void rejectsOddArguments() {
        assertThatThrownBy(() -> Headers.of("a")).isInstanceOf(IllegalArgumentException.class);
    }
}
