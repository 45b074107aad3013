package io.billingnow.platform.core;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Active tenants work normally; suspended ones may only read; offboarded ones are gone (keys destroyed). */
public enum TenantStatus {
    ACTIVE, SUSPENDED, OFFBOARDED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static TenantStatus fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
