package io.billingnow.platform.web.shell;

import io.billingnow.platform.identity.auth.PublicEndpoint;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Properties;

/**
 * The web app's static files, served by the platform itself: our stylesheet, our small script and htmx from its
 * WebJar. Each path
 * carries a version (our files' content hash, htmx's release), so a browser may keep them forever
 * ({@code immutable}) and a new release is a new URL. Nothing here is secret or differs per tenant.
 */
@Path("/assets/web")
public final class WebAssets {

    private static final String IMMUTABLE = "public, max-age=31536000, immutable";
    private static final String HTMX_POM = "/META-INF/maven/org.webjars.npm/htmx.org/pom.properties";

    private final byte[] css;
    private final String cssVersion;
    private final byte[] htmx;
    private final String htmxVersion;
    private final byte[] script;
    private final String scriptVersion;

    public WebAssets() {
        this.css = read("/" + MustacheRenderer.TEMPLATES.replace("/templates", "") + "/app.css");
        this.cssVersion = HexFormat.of().formatHex(sha256(css), 0, 6);
        this.script = read("/" + MustacheRenderer.TEMPLATES.replace("/templates", "") + "/app.js");
        this.scriptVersion = HexFormat.of().formatHex(sha256(script), 0, 6);
        Properties pom = new Properties();
        try (InputStream in = WebAssets.class.getResourceAsStream(HTMX_POM)) {
            if (in == null) {
                throw new IllegalStateException("the htmx WebJar is missing from the classpath");
            }
            pom.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.htmxVersion = pom.getProperty("version");
        this.htmx = read("/META-INF/resources/webjars/htmx.org/" + htmxVersion + "/dist/htmx.min.js");
    }

    /** Where pages link the stylesheet. */
    public String stylesheetPath() {
        return "/assets/web/app-" + cssVersion + ".css";
    }

    /** Where pages load our own small script from (copy buttons). */
    public String scriptPath() {
        return "/assets/web/app-" + scriptVersion + ".js";
    }

    /** Where pages load htmx from. */
    public String htmxPath() {
        return "/assets/web/htmx-" + htmxVersion + ".min.js";
    }

    @GET
    @Hidden
    @Path("/app-{version: [0-9a-f]{12}}.css")
    @Produces("text/css; charset=utf-8")
    @PublicEndpoint
    public Response stylesheet(@PathParam("version") String version) {
        return versioned(version.equals(cssVersion), css);
    }

    @GET
    @Hidden
    @Path("/app-{version: [0-9a-f]{12}}.js")
    @Produces("text/javascript; charset=utf-8")
    @PublicEndpoint
    public Response script(@PathParam("version") String version) {
        return versioned(version.equals(scriptVersion), script);
    }

    @GET
    @Hidden
    @Path("/htmx-{version: [0-9A-Za-z.-]{1,32}}.min.js")
    @Produces("text/javascript; charset=utf-8")
    @PublicEndpoint
    public Response htmx(@PathParam("version") String version) {
        return versioned(version.equals(htmxVersion), htmx);
    }

    /** An old version's URL answers 404 rather than today's file under a name that promises another. */
    private static Response versioned(boolean current, byte[] body) {
        if (!current) {
            throw new NotFoundException();
        }
        return Response.ok(body).header("Cache-Control", IMMUTABLE).build();
    }

    private static byte[] read(String resource) {
        try (InputStream in = WebAssets.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the platform jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
