package io.billingnow.platform.protection.limits;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Parser limits for every JSON document the platform reads. Jackson's defaults (nesting 1000, strings of 20 MB)
 * are generous enough for a single request to cost seconds of CPU or a large share of the heap; invoices and API
 * calls need far less.
 */
public final class JsonLimits {

    public static final int MAX_NESTING_DEPTH = 32;
    public static final int MAX_STRING_LENGTH = 1_000_000;
    public static final int MAX_NUMBER_LENGTH = 100;
    public static final int MAX_NAME_LENGTH = 1_000;
    public static final long MAX_DOCUMENT_LENGTH = 10L * 1024 * 1024;

    public static final StreamReadConstraints READ_CONSTRAINTS = StreamReadConstraints.builder()
            .maxNestingDepth(MAX_NESTING_DEPTH)
            .maxStringLength(MAX_STRING_LENGTH)
            .maxNumberLength(MAX_NUMBER_LENGTH)
            .maxNameLength(MAX_NAME_LENGTH)
            .maxDocumentLength(MAX_DOCUMENT_LENGTH)
            .build();

    public static final StreamWriteConstraints WRITE_CONSTRAINTS = StreamWriteConstraints.builder()
            .maxNestingDepth(MAX_NESTING_DEPTH * 2)
            .build();

    private JsonLimits() {
    }

    /**
     * Applies the limits to the mapper's factory, so every reader and writer created from it (including Jersey's
     * JSON provider) is bound by them. Call it on {@code environment.getObjectMapper()} before the server starts.
     */
    public static ObjectMapper apply(ObjectMapper mapper) {
        mapper.getFactory().setStreamReadConstraints(READ_CONSTRAINTS);
        mapper.getFactory().setStreamWriteConstraints(WRITE_CONSTRAINTS);
        return mapper;
    }
}
