package io.billingnow.platform.members;

import static org.assertj.core.api.Assertions.assertThat;

import io.billingnow.platform.auth.Permission;
import io.billingnow.platform.auth.RequiresPermission;
import io.billingnow.platform.auth.Role;
import io.billingnow.platform.tenancy.Tenant;
import io.billingnow.platform.testing.TestPlatform;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every tenant endpoint registered in the running application, discovered from Jersey's resource model, called by an
 * API key of every role: the answer is 403 exactly when the role lacks the endpoint's declared permission. Whatever
 * else a permitted call answers (400 for an empty body, 404 for a made-up id), it is never 403.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class RoleMatrixTest {

    static final TestPlatform platform = new TestPlatform();

    @RegisterExtension
    static final DropwizardAppExtension<?> APP = platform.app();

    static final Map<Role, String> KEYS = new EnumMap<>(Role.class);

    record Endpoint(String method, String path, Permission permission) {
    }

    @BeforeAll
    static void oneKeyPerRole() {
        Tenant tenant = platform.createTenant("matrix", "EUR");
        for (Role role : Role.values()) {
            KEYS.put(role, platform.apiKey(tenant, role));
        }
    }

    @Test
    void forbiddenExactlyWhenTheRoleLacksThePermission() {
        List<Endpoint> endpoints = endpoints();
        assertThat(endpoints).extracting(Endpoint::path)
                .contains("/v1/members", "/v1/members/invitations", "/v1/customers", "/v1/api-keys");
        List<String> violations = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            for (Role role : Role.values()) {
                int status = call(endpoint, KEYS.get(role));
                boolean forbidden = status == 403;
                if (forbidden == role.allows(endpoint.permission())) {
                    violations.add(role.wireName() + " " + endpoint.method() + " " + endpoint.path() + " -> " + status);
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    private static int call(Endpoint endpoint, String key) {
        String path = endpoint.path().replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
        var request = platform.request(path, key);
        Response response = switch (endpoint.method()) {
            case HttpMethod.GET -> request.get();
            case HttpMethod.DELETE -> request.delete();
            default -> request.method(endpoint.method(), Entity.json("{}"));
        };
        response.close();
        return response.getStatus();
    }

    private static List<Endpoint> endpoints() {
        List<Endpoint> found = new ArrayList<>();
        for (Resource resource : APP.getEnvironment().jersey().getResourceConfig().getResources()) {
            collect(resource, "", found);
        }
        for (Class<?> type : APP.getEnvironment().jersey().getResourceConfig().getClasses()) {
            if (type.isAnnotationPresent(jakarta.ws.rs.Path.class)) {
                collect(Resource.from(type), "", found);
            }
        }
        for (Object instance : APP.getEnvironment().jersey().getResourceConfig().getInstances()) {
            if (instance.getClass().isAnnotationPresent(jakarta.ws.rs.Path.class)) {
                collect(Resource.from(instance.getClass()), "", found);
            }
        }
        return found.stream().distinct().toList();
    }

    private static void collect(Resource resource, String prefix, List<Endpoint> found) {
        String path = join(prefix, resource.getPath());
        for (ResourceMethod method : resource.getResourceMethods()) {
            Method java = method.getInvocable().getDefinitionMethod();
            RequiresPermission permission = java.getAnnotation(RequiresPermission.class);
            if (permission != null) {
                found.add(new Endpoint(method.getHttpMethod(), path, permission.value()));
            }
        }
        for (Resource child : resource.getChildResources()) {
            collect(child, path, found);
        }
    }

    private static String join(String prefix, String path) {
        String p = path == null ? "" : path;
        String joined = (prefix + "/" + p).replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }
}
