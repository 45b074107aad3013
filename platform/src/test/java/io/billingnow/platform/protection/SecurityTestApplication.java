package io.billingnow.platform.protection;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.core.Application;
import io.dropwizard.core.Configuration;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.LinkedHashMap;
import java.util.Map;

/** The smallest application that wires the security components the way BillingNowApplication is meant to. */
public class SecurityTestApplication extends Application<SecurityTestApplication.Config> {

    public static class Config extends Configuration {
        @Valid
        @NotNull
        private SecurityConfiguration security = new SecurityConfiguration();

        public SecurityConfiguration getSecurity() {
            return security;
        }

        public void setSecurity(SecurityConfiguration security) {
            this.security = security;
        }
    }

    @Override
    public void initialize(Bootstrap<Config> bootstrap) {
        bootstrap.addBundle(new SecurityBundle<>(Config::getSecurity));
    }

    @Override
    public void run(Config configuration, Environment environment) {
        environment.jersey().register(new Routes());
    }

    @Path("/")
    public static class Routes {

        @GET
        @Path("v1/ping")
        @Produces(MediaType.APPLICATION_JSON)
        public Map<String, String> ping() {
            return Map.of("status", "ok");
        }

        @GET
        @Path("public/ping")
        @Produces(MediaType.APPLICATION_JSON)
        public Map<String, String> publicPing() {
            return Map.of("status", "ok");
        }

        @POST
        @Path("v1/echo")
        @Consumes(MediaType.APPLICATION_JSON)
        @Produces(MediaType.APPLICATION_JSON)
        public Map<String, Integer> echo(JsonNode body) {
            return Map.of("size", body.size());
        }

        @GET
        @Path("v1/cacheable")
        @Produces(MediaType.APPLICATION_JSON)
        public Response cacheable() {
            return Response.ok(Map.of("status", "ok")).header("Cache-Control", "public, max-age=600").build();
        }

        @GET
        @Path("v1/boom")
        @Produces(MediaType.APPLICATION_JSON)
        public Map<String, String> boom() {
            throw new IllegalStateException("deliberate failure");
        }

        @GET
        @Path("v1/client")
        @Produces(MediaType.APPLICATION_JSON)
        public Map<String, Object> client(@Context HttpServletRequest request) {
            Map<String, Object> seen = new LinkedHashMap<>();
            seen.put("remoteAddr", request.getRemoteAddr());
            seen.put("secure", request.isSecure());
            seen.put("xForwardedFor", String.valueOf(request.getHeader("X-Forwarded-For")));
            seen.put("untrustedForwarding", String.valueOf(request.getAttribute(
                    io.billingnow.platform.protection.tls.TrustedForwardedRequestCustomizer.UNTRUSTED_FORWARDING)));
            return seen;
        }

        @GET
        @Path("page")
        @Produces(MediaType.TEXT_HTML)
        public String page() {
            return "<!doctype html><title>BillingNow</title><p>hello</p>";
        }

        @GET
        @Path("public/echo-header")
        @Produces(MediaType.TEXT_PLAIN)
        public Response echoHeader(@QueryParam("value") String value) {
            return Response.ok("echoed").header("X-Echo", value).build();
        }
    }
}
