package io.billingnow.platform.customers;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;

/**
 * Reads a string field so that an update can tell "not sent" from "sent as null": an absent field stays Java
 * {@code null}, an explicit JSON {@code null} becomes {@code ""}. Only strings are accepted (no coercion).
 */
final class ExplicitNullAsEmpty extends StdDeserializer<String> {

    ExplicitNullAsEmpty() {
        super(String.class);
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            return (String) ctxt.handleUnexpectedToken(String.class, p);
        }
        return p.getText();
    }

    @Override
    public String getNullValue(DeserializationContext ctxt) {
        return "";
    }

    @Override
    public Object getAbsentValue(DeserializationContext ctxt) {
        return null;
    }
}
