package io.billingnow.platform.openapi;

import io.billingnow.platform.identity.auth.PublicEndpoint;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.HashSet;
import java.util.Set;

/** Serves the OpenAPI 3.1 document of the running API, generated once from the registered resource classes. */
@Path("/v1/openapi.json")
public final class OpenApiResource {

    private final OpenApiDocument document;
    private volatile byte[] cached;

    public OpenApiResource(OpenApiDocument document) {
        this.document = document;
    }

    /** Public so that clients and code generators can fetch it without a credential; it contains no tenant data. */
    @Operation(summary = "This OpenAPI document",
            description = "Public so that clients and code generators can fetch it without a credential; it "
            + "contains no tenant data.")
    @GET
    @PublicEndpoint
    @Produces(MediaType.APPLICATION_JSON)
    public byte[] get(@Context Application application) {
        byte[] json = cached;
        if (json == null) {
            // The set of resources is fixed once the server runs, so generating twice in a race is merely wasteful.
            json = document.render(resourceClasses(application));
            cached = json;
        }
        return json;
    }

    private static Set<Class<?>> resourceClasses(Application application) {
        Set<Class<?>> classes = new HashSet<>();
        for (Class<?> type : application.getClasses()) {
            if (type.isAnnotationPresent(Path.class)) {
                classes.add(type);
            }
        }
        for (Object instance : application.getSingletons()) {
            if (instance.getClass().isAnnotationPresent(Path.class)) {
                classes.add(instance.getClass());
            }
        }
        return classes;
    }
}
