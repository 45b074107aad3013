package io.billingnow.platform.protection.limits;

import io.billingnow.platform.core.RequestIds;
import com.fasterxml.jackson.core.io.JsonStringEncoder;

import io.billingnow.platform.http.Problem;
import java.nio.charset.StandardCharsets;

/** Minimal RFC 9457 problem documents for the security components, written without an ObjectMapper. */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";

    private Problems() {
    }

    /** The same document {@code http.ProblemResponses} renders: the problem type of {@code slug}, the request id. */
    public static byte[] body(int status, String slug, String title, String detail) {
        String requestId = RequestIds.current();
        String json = "{\"type\":\"" + escape(Problem.type(slug).toString()) + "\",\"title\":\"" + escape(title)
                + "\",\"status\":" + status + ",\"detail\":\"" + escape(detail) + "\""
                + (requestId == null ? "" : ",\"requestId\":\"" + escape(requestId) + "\"") + "}";
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private static String escape(String text) {
        return new String(JsonStringEncoder.getInstance().quoteAsString(text));
    }
}
