package io.billingnow.platform.testing;

import io.billingnow.platform.app.BillingNowApplication;
import io.billingnow.platform.config.BillingNowConfiguration;
import io.billingnow.platform.identity.auth.Permission;
import io.billingnow.platform.identity.auth.PublicEndpoint;
import io.billingnow.platform.identity.auth.RequiresPermission;
import io.dropwizard.core.setup.Environment;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The platform plus a few endpoints that misbehave on purpose: one with no access declaration, one that throws, one
 * that fails a set number of times, one that waits for the test. Test code only: it never ships.
 */
public class ConventionsTestApplication extends BillingNowApplication {

    /** How many more times {@code POST /v1/test/flaky} answers 500 before it succeeds. */
    public static final AtomicInteger FLAKY_FAILURES = new AtomicInteger();
    /** How many times {@code POST /v1/test/flaky} and {@code /v1/test/slow} actually did their work. */
    public static final AtomicInteger EXECUTIONS = new AtomicInteger();
    public static volatile CountDownLatch slowEntered = new CountDownLatch(1);
    public static volatile CountDownLatch slowRelease = new CountDownLatch(0);

    @Override
    public void run(BillingNowConfiguration config, Environment environment) throws Exception {
        super.run(config, environment);
        environment.jersey().register(new MisbehavingResource());
    }

    @Path("/v1/test")
    @Produces(MediaType.APPLICATION_JSON)
    public static final class MisbehavingResource {

        /** Forgot its access declaration: the deny-by-default filter must refuse it. */
        @GET
        @Path("/undeclared")
        public Map<String, String> undeclared() {
            return Map.of("leaked", "this must never be returned");
        }

        @GET
        @Path("/boom")
        @PublicEndpoint
        public Map<String, String> boom() {
            throw new IllegalStateException("internal detail that must not reach the client");
        }

        @POST
        @Path("/flaky")
        @RequiresPermission(Permission.CUSTOMERS_WRITE)
        public Response flaky(String body) {
            if (FLAKY_FAILURES.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new IllegalStateException("simulated outage");
            }
            EXECUTIONS.incrementAndGet();
            return Response.status(201).entity(Map.of("id", UUID.randomUUID().toString())).build();
        }

        /** Signals {@link #slowEntered}, then holds the request until the test counts down {@link #slowRelease}. */
        @POST
        @Path("/slow")
        @RequiresPermission(Permission.CUSTOMERS_WRITE)
        public Response slow(String body) throws InterruptedException {
            slowEntered.countDown();
            if (!slowRelease.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never released the slow request");
            }
            EXECUTIONS.incrementAndGet();
            return Response.status(201).entity(Map.of("id", UUID.randomUUID().toString())).build();
        }
    }
}
