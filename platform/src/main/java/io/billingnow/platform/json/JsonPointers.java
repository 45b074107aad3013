package io.billingnow.platform.json;

import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.validation.Path;

/** Where in a request body a binding or validation failure is, as a JSON Pointer (RFC 6901). */
public final class JsonPointers {

    private JsonPointers() {
    }

    /** The field Jackson was binding when it failed, e.g. {@code /settings/seller/legalName}. */
    public static String of(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            sb.append('/');
            sb.append(ref.getFieldName() != null ? ref.getFieldName() : String.valueOf(ref.getIndex()));
        }
        return sb.length() == 0 ? "/" : sb.toString();
    }

    /** Turns "create.arg1.lines[2].quantity" into "/lines/2/quantity" (the method and argument are dropped). */
    public static String of(Path path) {
        StringBuilder sb = new StringBuilder();
        for (Path.Node node : path) {
            switch (node.getKind()) {
                case METHOD, PARAMETER, RETURN_VALUE, CROSS_PARAMETER -> {
                    continue;
                }
                default -> {
                }
            }
            // A node inside a list carries the index of the element it is in, so the index comes first.
            if (node.getIndex() != null) {
                sb.append('/').append(node.getIndex());
            } else if (node.getKey() != null) {
                sb.append('/').append(node.getKey());
            }
            if (node.getName() != null && !node.getName().startsWith("<")) {
                sb.append('/').append(node.getName());
            }
        }
        return sb.length() == 0 ? "/" : sb.toString();
    }
}
