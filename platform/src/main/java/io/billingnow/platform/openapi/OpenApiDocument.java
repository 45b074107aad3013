package io.billingnow.platform.openapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.billingnow.platform.identity.auth.PublicEndpoint;
import io.billingnow.platform.identity.auth.RequiresOperator;
import io.billingnow.platform.identity.auth.RequiresPermission;
import io.billingnow.platform.identity.auth.RequiresSignIn;
import io.billingnow.platform.http.Problem;
import io.billingnow.platform.http.RequestIdFilter;
import io.billingnow.platform.idempotency.IdempotencyFilter;
import io.billingnow.platform.identity.sessions.CsrfGuard;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.jaxrs2.Reader;
import io.swagger.v3.oas.integration.SwaggerConfiguration;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Builds the OpenAPI 3.1 document: swagger-core reads the JAX-RS resources, and this class adds what it cannot know
 * from JAX-RS alone: which credential each operation needs (from our access annotations), the problem+json error
 * schema, the {@code Idempotency-Key} header of tenant POSTs and the {@code Request-Id} header of every response.
 */
public final class OpenApiDocument {

    public static final String API_KEY_SCHEME = "apiKey";
    public static final String OPERATOR_SCHEME = "operatorToken";
    private static final String PROBLEM_REF = "#/components/schemas/Problem";

    private final URI publicBaseUrl;
    private final String version;

    /** {@code version} is the build's version; null (running from an IDE or the test classpath) reads "dev". */
    public OpenApiDocument(URI publicBaseUrl, String version) {
        this.publicBaseUrl = publicBaseUrl;
        this.version = version == null ? "dev" : version;
    }

    public byte[] render(Set<Class<?>> resourceClasses) {
        try {
            return Json31.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(build(resourceClasses))
                    .getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the OpenAPI document cannot be serialised", e);
        }
    }

    public OpenAPI build(Set<Class<?>> resourceClasses) {
        OpenAPI base = new OpenAPI()
                .openapi("3.1.0")
                .info(new Info().title("BillingNow API").version(version)
                        .description("Multi-tenant invoicing. Conventions (money, errors, idempotency, ETags, "
                                + "pagination, request ids): docs/api-conventions.md.")
                        .license(new License().name("Apache-2.0").identifier("Apache-2.0")))
                .addServersItem(new Server().url(publicBaseUrl.toString()))
                .components(components());
        Reader reader = new Reader(new SwaggerConfiguration().openAPI(base).openAPI31(true).sortOutput(true));
        OpenAPI api = reader.read(sorted(resourceClasses));
        api.openapi("3.1.0");
        for (Class<?> type : resourceClasses) {
            for (Method method : type.getMethods()) {
                String httpMethod = httpMethod(method);
                if (httpMethod != null) {
                    describe(api, path(type, method), httpMethod, method);
                }
            }
        }
        return api;
    }

    private Components components() {
        Components components = new Components()
                .addSecuritySchemes(API_KEY_SCHEME, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                        .scheme("bearer").description("A tenant API key (bnk_…); its role decides what it may do"))
                .addSecuritySchemes(OPERATOR_SCHEME, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                        .scheme("bearer").description("A platform operator token (bno_…) for /admin endpoints"))
                .addParameters("IdempotencyKey", new HeaderParameter().name(IdempotencyFilter.HEADER).required(false)
                        .description("Strongly recommended: makes the POST safe to retry for 24 hours. 1-255 "
                                + "characters, no control characters, unique per request (a UUID is ideal).")
                        .schema(new StringSchema().maxLength(IdempotencyFilter.MAX_KEY_LENGTH)))
                .addHeaders("RequestId", new Header().description("This request's id, also in problem bodies as "
                        + "requestId; quote it when reporting a problem").schema(new StringSchema()));
        for (Map.Entry<String, Schema> schema : ModelConverters.getInstance().readAll(Problem.class).entrySet()) {
            components.addSchemas(schema.getKey(), schema.getValue());
        }
        return components;
    }

    private static void describe(OpenAPI api, String path, String httpMethod, Method method) {
        PathItem item = api.getPaths() == null ? null : api.getPaths().get(path);
        Operation operation = item == null ? null
                : item.readOperationsMap().get(PathItem.HttpMethod.valueOf(httpMethod));
        if (operation == null) {
            return;
        }
        // What every operation of a kind shares is said here, once; the resource's @Operation says the rest.
        if (method.isAnnotationPresent(RequiresPermission.class)) {
            operation.addSecurityItem(new SecurityRequirement().addList(API_KEY_SCHEME));
            String permission = method.getAnnotation(RequiresPermission.class).value().name();
            operation.setDescription(join(operation.getDescription(), "Requires the " + permission + " permission."));
            if (httpMethod.equals(HttpMethod.POST)) {
                operation.addParametersItem(new Parameter().$ref("#/components/parameters/IdempotencyKey"));
                operation.setDescription(join(operation.getDescription(), "Send an Idempotency-Key to make a retry "
                        + "safe: the same key and body answer the first response again instead of running twice."));
            }
        } else if (method.isAnnotationPresent(RequiresOperator.class)) {
            operation.addSecurityItem(new SecurityRequirement().addList(OPERATOR_SCHEME));
            operation.setDescription(join(operation.getDescription(),
                    method.getAnnotation(RequiresOperator.class).readOnly()
                            ? "Requires a platform operator or auditor." : "Requires a platform operator."));
        } else if (method.isAnnotationPresent(RequiresSignIn.class)) {
            operation.setDescription(join(operation.getDescription(),
                    "Requires a signed-in browser session (cookie); a state change also needs the "
                            + CsrfGuard.HEADER + " header."));
        } else if (method.isAnnotationPresent(PublicEndpoint.class)) {
            operation.setDescription(join(operation.getDescription(), "Public: no credential needed."));
        }
        if (takesIfMatch(method)) {
            operation.setDescription(join(operation.getDescription(), "Needs If-Match with the ETag of the version "
                    + "being changed: 428 precondition-required without it, 412 precondition-failed if it is stale."));
        }
        // swagger-core files the method's return type under "default"; that is the success case, and "default"
        // belongs to the problem document every operation may answer with instead.
        ApiResponse success = operation.getResponses().remove("default");
        if (success != null) {
            if ("default response".equals(success.getDescription())) {
                success.setDescription("Success");
            }
            operation.getResponses().addApiResponse(
                    method.getReturnType() == jakarta.ws.rs.core.Response.class ? "2XX" : "200", success);
        }
        operation.getResponses().forEach((status, response) -> response.addHeaderObject(RequestIdFilter.HEADER,
                new Header().$ref("#/components/headers/RequestId")));
        operation.getResponses().addApiResponse("default", new ApiResponse()
                .description("A problem (RFC 9457); see docs/api-conventions.md for the types")
                .addHeaderObject(RequestIdFilter.HEADER, new Header().$ref("#/components/headers/RequestId"))
                .content(new Content().addMediaType(Problem.MEDIA_TYPE,
                        new MediaType().schema(new Schema<>().$ref(PROBLEM_REF)))));
    }

    private static boolean takesIfMatch(Method method) {
        for (Annotation[] annotations : method.getParameterAnnotations()) {
            for (Annotation annotation : annotations) {
                if (annotation instanceof HeaderParam header
                        && header.value().equalsIgnoreCase(HttpHeaders.IF_MATCH)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String join(String description, String addition) {
        return description == null || description.isBlank() ? addition : description + "\n\n" + addition;
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value().toUpperCase(Locale.ROOT);
            }
        }
        return null;
    }

    /** The path as swagger-core writes it: class and method paths joined, one leading slash, none trailing. */
    static String path(Class<?> type, Method method) {
        StringBuilder path = new StringBuilder();
        for (Path part : new Path[] {type.getAnnotation(Path.class), method.getAnnotation(Path.class)}) {
            if (part != null) {
                for (String segment : part.value().split("/")) {
                    if (!segment.isEmpty()) {
                        path.append('/').append(segment);
                    }
                }
            }
        }
        return path.length() == 0 ? "/" : path.toString();
    }

    private static Set<Class<?>> sorted(Set<Class<?>> classes) {
        Set<Class<?>> sorted = new LinkedHashSet<>();
        classes.stream().sorted(java.util.Comparator.comparing(Class::getName)).forEach(sorted::add);
        return sorted;
    }
}
