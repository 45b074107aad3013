package io.billingnow.platform.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import java.io.IOException;
import java.time.Instant;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * How the API reads and writes JSON: strictly. Unknown fields, fractions where whole numbers are expected and nulls
 * for primitives are errors rather than silently dropped or truncated data; dates are ISO 8601 strings.
 */
public final class JsonConventions {

    private JsonConventions() {
    }

    /**
     * Request bodies get no type coercion: a number or boolean is not a string (tenants were created with the slugs
     * {@code true} and {@code 1e400}), an integer is not a date, {@code ""} is not null, {@code "12"} is not a
     * number. Decimal amounts such as a line's {@code quantity} are the one documented exception: they may be sent
     * as strings ({@code "1.5"}) so that no client has to pass them through a binary float.
     *
     * <p>Applied to the running server's mapper only ({@code environment.getObjectMapper()} in {@code run}): the
     * configuration file and its overrides are read before, by a mapper that must still turn {@code "8080"} into a
     * port.
     */
    public static ObjectMapper refuseCoercion(ObjectMapper mapper) {
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        mapper.setDefaultLeniency(false);
        mapper.coercionConfigDefaults()
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                .setAcceptBlankAsEmpty(false);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.DateTime)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Float)
                .setCoercion(CoercionInputShape.String, CoercionAction.TryConvert);
        // Jackson's Instant reader takes a number as epoch seconds whatever the coercion settings say.
        mapper.registerModule(new SimpleModule("strict-instants").addDeserializer(Instant.class, new StringInstants()));
        return mapper;
    }

    public static ObjectMapper apply(ObjectMapper mapper) {
        return mapper
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DATE_TIMESTAMPS_AS_NANOSECONDS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);
    }

    /** An {@link Instant} from an RFC 3339 string only. */
    private static final class StringInstants extends StdScalarDeserializer<Instant> {

        StringInstants() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (Instant) ctxt.handleUnexpectedToken(Instant.class, p);
            }
            return InstantDeserializer.INSTANT.deserialize(p, ctxt);
        }
    }
}
