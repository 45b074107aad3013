package io.billingnow.platform.protection.limits;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Refuses request bodies above a fixed size with {@code 413} and a problem document, before any resource reads
 * them. A declared {@code Content-Length} is checked up front; a body without one (chunked) is read here up to the
 * limit and handed on from memory, so the limit also holds when the client does not say how much it will send.
 */
public final class RequestBodyLimitFilter implements Filter {

    private final long maxBytes;

    public RequestBodyLimitFilter(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        if (!(req instanceof HttpServletRequest request) || !(res instanceof HttpServletResponse response)) {
            chain.doFilter(req, res);
            return;
        }
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            refuse(request, response);
            return;
        }
        if (declared < 0 && request.getHeader("Transfer-Encoding") != null) {
            byte[] body = readAtMost(request.getInputStream(), maxBytes + 1);
            if (body.length > maxBytes) {
                refuse(request, response);
                return;
            }
            chain.doFilter(new BufferedBodyRequest(request, body), response);
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * Answers 413. The rest of the body is read and discarded first (up to {@link #drainLimit()}): closing a
     * connection with unread data makes the client's TCP stack see a reset, and the client never reads the answer
     * (a 2 MB upload saw "connection reset" instead of this 413). A client that asked {@code Expect: 100-continue}
     * has sent nothing yet and is answered at once.
     */
    private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getHeader("Expect") == null) {
            drain(request.getInputStream(), drainLimit());
        }
        byte[] body = Problems.body(413, "content-too-large", "Content Too Large",
                "Request body exceeds the limit of " + maxBytes + " bytes.");
        response.setStatus(413);
        response.setHeader("Connection", "close");
        response.setContentType(Problems.MEDIA_TYPE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** How much of an oversized body is read to deliver the 413: four times the limit, at least 16 MiB. */
    private long drainLimit() {
        return Math.max(16L * 1024 * 1024, 4 * maxBytes);
    }

    private static void drain(InputStream in, long limit) {
        byte[] buffer = new byte[16 * 1024];
        long total = 0;
        try {
            int read;
            while (total < limit && (read = in.read(buffer, 0, (int) Math.min(buffer.length, limit - total))) != -1) {
                total += read;
            }
        } catch (IOException e) {
            // The client gave up or broke the body: the 413 is still written, if the connection still takes it.
        }
    }

    private static byte[] readAtMost(InputStream in, long limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long total = 0;
        int read;
        while (total < limit && (read = in.read(buffer, 0, (int) Math.min(buffer.length, limit - total))) != -1) {
            out.write(buffer, 0, read);
            total += read;
        }
        return out.toByteArray();
    }

    private static final class BufferedBodyRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        BufferedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new IllegalStateException("buffered request body is read synchronously");
                }
            };
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public int getContentLength() {
            return body.length;
        }
    }
}
