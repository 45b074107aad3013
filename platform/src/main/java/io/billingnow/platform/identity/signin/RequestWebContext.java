package io.billingnow.platform.identity.signin;

import java.net.URI;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.pac4j.core.context.Cookie;
import org.pac4j.core.context.WebContext;

/**
 * What pac4j may see of a JAX-RS request: its parameters (query and form), headers and URL. pac4j never writes the
 * response here; our resource builds it from pac4j's answer, so response methods only record.
 */
final class RequestWebContext implements WebContext {

    private final String method;
    private final URI url;
    private final Map<String, String[]> parameters;
    private final Function<String, String> headers;
    private final Map<String, Object> attributes = new HashMap<>();
    private final Map<String, String> responseHeaders = new HashMap<>();

    RequestWebContext(String method, URI url, Map<String, List<String>> parameters, Function<String, String> headers) {
        this.method = method;
        this.url = url;
        this.parameters = new LinkedHashMap<>();
        parameters.forEach((name, values) -> this.parameters.put(name, values.toArray(String[]::new)));
        this.headers = headers;
    }

    @Override
    public Optional<String> getRequestParameter(String name) {
        String[] values = parameters.get(name);
        return values == null || values.length == 0 ? Optional.empty() : Optional.ofNullable(values[0]);
    }

    @Override
    public Map<String, String[]> getRequestParameters() {
        return Map.copyOf(parameters);
    }

    @Override
    public Optional<Object> getRequestAttribute(String name) {
        return Optional.ofNullable(attributes.get(name));
    }

    @Override
    public void setRequestAttribute(String name, Object value) {
        attributes.put(name, value);
    }

    @Override
    public Optional<String> getRequestHeader(String name) {
        return Optional.ofNullable(headers.apply(name));
    }

    @Override
    public String getRequestMethod() {
        return method;
    }

    @Override
    public String getRemoteAddr() {
        return "";
    }

    @Override
    public void setResponseHeader(String name, String value) {
        responseHeaders.put(name, value);
    }

    @Override
    public Optional<String> getResponseHeader(String name) {
        return Optional.ofNullable(responseHeaders.get(name));
    }

    @Override
    public void setResponseContentType(String content) {
        responseHeaders.put("Content-Type", content);
    }

    @Override
    public String getServerName() {
        return url.getHost();
    }

    @Override
    public int getServerPort() {
        return url.getPort();
    }

    @Override
    public String getScheme() {
        return url.getScheme();
    }

    @Override
    public boolean isSecure() {
        return "https".equals(url.getScheme());
    }

    @Override
    public String getFullRequestURL() {
        return url.toString();
    }

    @Override
    public Collection<Cookie> getRequestCookies() {
        return List.of();
    }

    @Override
    public void addResponseCookie(Cookie cookie) {
        // Cookies are ours to set; pac4j's session lives in the pending sign-in, not in a cookie of its own.
    }

    @Override
    public String getPath() {
        return url.getPath();
    }
}
