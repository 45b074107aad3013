package io.billingnow.platform.identity.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.billingnow.platform.app.BillingNowApplication;
import io.billingnow.platform.admin.AdminTenantsResource;
import io.billingnow.platform.identity.apikeys.ApiKeysResource;
import io.billingnow.platform.openapi.OpenApiResource;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every resource method of the platform declares exactly one access rule. The scan covers the platform's own
 * compiled classes (not the test classes, which include a deliberately undeclared endpoint), whether or not the
 * resource is registered yet: a resource is caught the moment it is written, not when it is wired.
 */
class AccessDeclarationTest {

    private static final List<Class<? extends Annotation>> RULES =
            List.of(RequiresPermission.class, RequiresOperator.class, RequiresSignIn.class, PublicEndpoint.class);

    @Test
    void everyResourceMethodDeclaresExactlyOneAccessRule() throws Exception {
        List<Class<?>> resources = resourceClasses();
        List<String> offenders = new ArrayList<>();
        for (Class<?> resource : resources) {
            for (Method method : resource.getDeclaredMethods()) {
                if (method.isSynthetic() || method.isBridge() || httpMethod(method) == null) {
                    continue;
                }
                long declared = RULES.stream().filter(method::isAnnotationPresent).count();
                if (declared != 1) {
                    offenders.add(resource.getName() + "#" + method.getName() + " (" + httpMethod(method) + ") has "
                            + declared + " of @RequiresPermission, @RequiresOperator, @PublicEndpoint");
                }
            }
        }
        // Guards the scan itself: an empty or partial scan would pass vacuously.
        assertThat(resources).contains(ApiKeysResource.class, AdminTenantsResource.class, OpenApiResource.class);
        assertThat(offenders).as("resource methods without exactly one access declaration").isEmpty();
    }

    /** Classes under io.billingnow.platform in the platform's own output (a directory in the build, or its jar). */
    static List<Class<?>> resourceClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        java.nio.file.Path root = Paths.get(BillingNowApplication.class.getProtectionDomain().getCodeSource()
                .getLocation().toURI());
        List<String> names = new ArrayList<>();
        if (Files.isDirectory(root)) {
            try (Stream<java.nio.file.Path> files = Files.walk(root)) {
                files.map(f -> root.relativize(f).toString().replace('\\', '/')).forEach(names::add);
            }
        } else {
            try (JarFile jar = new JarFile(root.toFile())) {
                jar.stream().map(e -> e.getName()).forEach(names::add);
            }
        }
        List<Class<?>> resources = new ArrayList<>();
        ClassLoader loader = BillingNowApplication.class.getClassLoader();
        for (String name : names) {
            if (!name.startsWith("io/billingnow/platform/") || !name.endsWith(".class")) {
                continue;
            }
            Class<?> type = Class.forName(name.substring(0, name.length() - 6).replace('/', '.'), false, loader);
            if (type.isAnnotationPresent(Path.class)
                    || Arrays.stream(type.getDeclaredMethods()).anyMatch(m -> httpMethod(m) != null)) {
                resources.add(type);
            }
        }
        return resources;
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }
}
