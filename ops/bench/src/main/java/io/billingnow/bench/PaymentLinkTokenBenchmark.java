package io.billingnow.bench;

import io.billingnow.platform.identity.auth.SecretTokens;
import io.billingnow.platform.core.TenantId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Payment-link token lookup as {@code GET /pay/{token}} starts it: SHA-256 of the token alone, and the hash plus the
 * {@code billingnow_resolve_payment_link} SECURITY DEFINER function joined to {@code tenants}, the same SQL as
 * {@code PaymentLinkService.resolve}, over a pooled connection to an embedded PostgreSQL (fsync off) holding
 * 10,000 links of 1,000 tenants.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class PaymentLinkTokenBenchmark {

    static final int TENANTS = 1_000;
    static final int LINKS = 10_000;

    @State(Scope.Benchmark)
    public static class Tokens {
        final String token = SecretTokens.generate("pl_");
    }

    @State(Scope.Benchmark)
    public static class Links {
        BenchDatabase db;
        String[] tokens;

        @Setup(Level.Trial)
        public void links() throws Exception {
            db = new BenchDatabase();
            List<TenantId> tenants = db.tenants(TENANTS);
            tokens = new String[LINKS];
            for (int i = 0; i < LINKS; i++) {
                tokens[i] = SecretTokens.generate("pl_");
            }
            db.seedPaymentLinks(tenants, tokens);
        }

        @TearDown(Level.Trial)
        public void close() throws Exception {
            db.close();
        }
    }

    @Benchmark
    public byte[] hashOnly(Tokens tokens) {
        return SecretTokens.hash(tokens.token);
    }

    @Benchmark
    public UUID hashAndResolve(Links links) {
        String token = links.tokens[ThreadLocalRandom.current().nextInt(LINKS)];
        byte[] hash = SecretTokens.hash(token);
        return links.db.platform.inTransaction(h -> h.createQuery("""
                        SELECT r.tenant_id, r.link_id, t.slug, t.name, t.status
                        FROM billingnow_resolve_payment_link(:hash) r JOIN tenants t ON t.id = r.tenant_id""")
                .bind("hash", hash)
                .map((rs, ctx) -> rs.getObject("link_id", UUID.class))
                .one());
    }
}
