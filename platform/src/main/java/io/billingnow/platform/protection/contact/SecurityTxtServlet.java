package io.billingnow.platform.protection.contact;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Serves {@code /.well-known/security.txt}. A servlet rather than a Jersey resource so that it stays at the
 * well-known path whatever Jersey's root path is.
 */
public final class SecurityTxtServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final byte[] body;

    public SecurityTxtServlet(String text) {
        this.body = text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("text/plain; charset=utf-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
