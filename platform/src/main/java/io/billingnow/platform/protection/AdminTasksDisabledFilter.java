package io.billingnow.platform.protection;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Switches off Dropwizard's admin tasks ({@code /tasks/gc}, {@code /tasks/log-level}, ...). They change the running
 * process (a log level set to OFF silences the security log) on an unauthenticated POST, so anything that can make
 * the host send a request to its own loopback admin port could use them; the platform registers no task and needs
 * none, so every request under {@code /tasks} is answered 404 before the task servlet sees it.
 */
final class AdminTasksDisabledFilter implements Filter {

    static final String PATH = "/tasks/*";

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException {
        ((HttpServletResponse) response).sendError(HttpServletResponse.SC_NOT_FOUND);
    }
}
