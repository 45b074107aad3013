package io.billingnow.platform.http;

import io.billingnow.platform.core.errors.DomainException;
import io.billingnow.platform.core.errors.FieldError;
import io.billingnow.platform.identity.auth.PublicEndpoint;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Query parameters are as strict as body fields: a parameter the matched resource method does not declare
 * ({@code @QueryParam}) is refused, not ignored (a typo such as {@code ?stauts=paid} would otherwise list everything),
 * and so is a parameter given twice or with a control character in its value. Public endpoints (sign-in callbacks,
 * webhooks, pay pages) are exempt: browsers and providers add parameters of their own there.
 */
@Priority(Priorities.USER)
public final class StrictQueryParameters implements ContainerRequestFilter {

    private final Map<Method, Set<String>> declared = new ConcurrentHashMap<>();

    @Context
    private ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resource.getResourceMethod();
        if (method == null || method.isAnnotationPresent(PublicEndpoint.class)) {
            return;
        }
        Set<String> allowed = declared.computeIfAbsent(method, StrictQueryParameters::queryParameters);
        List<FieldError> errors = new ArrayList<>();
        for (Map.Entry<String, List<String>> parameter : request.getUriInfo().getQueryParameters().entrySet()) {
            String name = parameter.getKey();
            if (!allowed.contains(name)) {
                errors.add(new FieldError(Parameters.pointer(name), "unknown query parameter"));
            } else if (parameter.getValue().size() > 1) {
                errors.add(new FieldError(Parameters.pointer(name), "given more than once"));
            } else if (parameter.getValue().get(0).chars().anyMatch(Character::isISOControl)) {
                errors.add(new FieldError(Parameters.pointer(name), "must not contain control characters"));
            }
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
    }

    private static Set<String> queryParameters(Method method) {
        Set<String> names = new HashSet<>();
        for (Annotation[] annotations : method.getParameterAnnotations()) {
            for (Annotation annotation : annotations) {
                if (annotation instanceof QueryParam query) {
                    names.add(query.value());
                }
            }
        }
        return Set.copyOf(names);
    }
}
