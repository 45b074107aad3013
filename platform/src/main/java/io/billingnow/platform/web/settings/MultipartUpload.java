package io.billingnow.platform.web.settings;

import io.billingnow.platform.core.errors.DomainException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.ExecutionException;
import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.http.MultiPartFormData;
import org.eclipse.jetty.io.Content;

/**
 * The one file of a {@code multipart/form-data} body, parsed by Jetty's own parser from the bytes Jersey already
 * read (the platform's body limit capped them), in memory only: a bounded number of parts, nothing on disk.
 */
final class MultipartUpload {

    private static final int MAX_PARTS = 8;
    private static final long MAX_LENGTH = 8L * 1024 * 1024;

    private MultipartUpload() {
    }

    /** The content of the part named {@code field}; 400 with a pointer to it when the body has none. */
    static byte[] file(String contentType, byte[] body, String field) {
        String boundary = contentType == null ? null : MultiPart.extractBoundary(contentType);
        if (boundary == null || boundary.isEmpty()) {
            throw DomainException.invalid("/" + field, "send the file as multipart/form-data");
        }
        MultiPartFormData.Parser parser = new MultiPartFormData.Parser(boundary);
        parser.setMaxParts(MAX_PARTS);
        parser.setMaxLength(MAX_LENGTH);
        parser.setMaxMemoryFileSize(MAX_LENGTH);
        try (MultiPartFormData.Parts parts = parser.parse(Content.Source.from(ByteBuffer.wrap(body))).get()) {
            MultiPart.Part part = parts.getFirst(field);
            if (part == null) {
                throw DomainException.invalid("/" + field, "choose a file");
            }
            return Content.Source.asInputStream(part.getContentSource()).readAllBytes();
        } catch (ExecutionException | IOException e) {
            throw DomainException.invalid("/" + field, "not a readable upload");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw DomainException.invalid("/" + field, "not a readable upload");
        }
    }
}
