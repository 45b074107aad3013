package io.billingnow.platform.testing;

import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;

/**
 * Every resource method a running app serves, read from Jersey's resource model (registered resources, classes and
 * instances, sub-resources included), so tests that must cover every endpoint find new ones by themselves.
 */
public final class ResourceMethods {

    /** One HTTP method on one path template, with the Java method that declares it. */
    public record Served(String httpMethod, String path, Method declaration) {
    }

    private ResourceMethods() {
    }

    public static List<Served> of(ResourceConfig config) {
        List<Served> found = new ArrayList<>();
        config.getResources().forEach(resource -> collect(resource, "", found));
        Stream.concat(config.getClasses().stream(), config.getInstances().stream().map(Object::getClass))
                .filter(type -> type.isAnnotationPresent(Path.class))
                .forEach(type -> collect(Resource.from(type), "", found));
        return found.stream().distinct().toList();
    }

    private static void collect(Resource resource, String prefix, List<Served> found) {
        String path = join(prefix, resource.getPath());
        for (ResourceMethod method : resource.getResourceMethods()) {
            found.add(new Served(method.getHttpMethod(), path, method.getInvocable().getDefinitionMethod()));
        }
        for (Resource child : resource.getChildResources()) {
            collect(child, path, found);
        }
    }

    private static String join(String prefix, String path) {
        String joined = (prefix + "/" + (path == null ? "" : path)).replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }
}
