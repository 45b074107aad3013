package io.billingnow.platform.web.shell;

import io.billingnow.platform.identity.signin.SessionRequestAuthenticator;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.List;

/**
 * The web app names the business in the path ({@code /t/{slug}/...}); the API names it in the
 * {@code BillingNow-Tenant} header. This filter turns the first into the second, replacing whatever header the
 * browser sent, so a page is authorized by exactly the API's rule: the same membership lookup, the same role matrix
 * ({@code @RequiresPermission}), the same refusal for someone else's business. Pages accept the session only.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public final class TenantFromPath implements ContainerRequestFilter {

    public static final String PREFIX = "t/";

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath(true);
        if (path.startsWith("/")) {
            path = path.substring(1);
        }
        if (!path.startsWith(PREFIX)) {
            return;
        }
        String rest = path.substring(PREFIX.length());
        int slash = rest.indexOf('/');
        String tenant = slash < 0 ? rest : rest.substring(0, slash);
        request.getHeaders().put(SessionRequestAuthenticator.TENANT_HEADER, List.of(tenant));
        // Pages are the browser's: a bearer key names its own tenant, which could differ from the path's.
        request.getHeaders().remove(HttpHeaders.AUTHORIZATION);
    }
}
