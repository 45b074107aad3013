package io.billingnow.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.billingnow.platform.identity.apikeys.ApiKeyService;
import io.billingnow.platform.audit.AuditLog;
import io.billingnow.platform.identity.auth.OperatorCaller;
import io.billingnow.platform.identity.auth.Role;
import io.billingnow.platform.db.Databases;
import io.billingnow.platform.core.tx.TenantTransactions;
import io.billingnow.platform.core.TenantId;
import io.dropwizard.jackson.Jackson;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jdbi.v3.core.Jdbi;

/**
 * The end-to-end load benchmark's client (started by {@code ops/bench/load.sh}): provisions tenants through the admin
 * API (API keys through the platform's own {@link ApiKeyService}, since the admin API issues none), optionally
 * bulk-loads existing invoices, then drives {@code --clients} HTTPS keep-alive clients through three scenarios
 * and writes a JSON report. Each scenario runs {@code --warmup} seconds unrecorded, then {@code --seconds} recorded.
 */
public final class LoadBenchmark {

    record Tenant(String id, String apiKey) {
    }

    record Account(Tenant tenant, String id, String webhookPath, String secret) {
    }

    record OpenInvoice(Account account, String id) {
    }

    interface Step {
        void run(ThreadLocalRandom random, Recorder recorder) throws Exception;
    }

    private final Map<String, String> options;
    private final Api api;
    private final int clients;
    private final int warmup;
    private final int seconds;
    private final List<Tenant> tenants = new ArrayList<>();
    private final Map<String, Account> accounts = new ConcurrentHashMap<>();
    private final List<OpenInvoice> openInvoices = new CopyOnWriteArrayList<>();
    private final Map<String, Object> databaseByScenario = new LinkedHashMap<>();
    private final SecureRandom random = new SecureRandom();

    private LoadBenchmark(Map<String, String> options) throws Exception {
        this.options = options;
        this.api = new Api(URI.create(option("base", "https://localhost:18443")));
        this.clients = Integer.parseInt(option("clients", "32"));
        this.warmup = Integer.parseInt(option("warmup", "5"));
        this.seconds = Integer.parseInt(option("seconds", "20"));
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("jdk.internal.httpclient.disableHostnameVerification", "true");
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        new LoadBenchmark(options).run();
    }

    private String option(String name, String fallback) {
        String v = options.get(name);
        if (v == null && fallback == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return v == null ? fallback : v;
    }

    private void run() throws Exception {
        Map<String, Object> report = new LinkedHashMap<>();
        int tenantCount = Integer.parseInt(option("tenants", "100"));
        int accountCount = Math.min(tenantCount, Integer.parseInt(option("accounts", "1000")));
        long bulk = Long.parseLong(option("bulk-invoices", "0"));
        Map<String, Object> setup = new LinkedHashMap<>();
        setup.put("tenants", tenantCount);
        setup.put("stripeAccounts", accountCount);
        setup.put("tenantsViaAdminApi", Math.min(tenantCount, Integer.parseInt(option("admin-tenants", "100"))));
        setup.put("existingInvoices", bulk);
        setup.put("clients", clients);
        setup.put("warmupSeconds", warmup);
        setup.put("seconds", seconds);
        report.put("setup", setup);
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cpus", Runtime.getRuntime().availableProcessors());
        machine.put("loadAverageAtStart", loadAverage());
        report.put("machine", machine);

        long t0 = System.nanoTime();
        provisionTenants(tenantCount);
        issueApiKeys();
        connectStripe(accountCount);
        setup.put("provisioningSeconds", Latencies.round((System.nanoTime() - t0) / 1e9));
        log("provisioned %d tenants, %d Stripe accounts in %s s", tenantCount, accountCount,
                setup.get("provisioningSeconds"));
        if (bulk > 0) {
            long b0 = System.nanoTime();
            bulkLoadInvoices(bulk);
            setup.put("bulkLoadSeconds", Latencies.round((System.nanoTime() - b0) / 1e9));
            log("bulk-loaded %d invoices in %s s", bulk, setup.get("bulkLoadSeconds"));
        }

        Map<String, Object> scenarios = new LinkedHashMap<>();
        report.put("scenarios", scenarios);
        scenarios.put("invoiceCreateFinalize", drive("invoiceCreateFinalize", "invoice create + finalize", "flow",
                this::createAndFinalize));
        ensureOpenInvoicePerAccount();
        scenarios.put("stripeWebhookPayment", drive("stripeWebhookPayment", "signed Stripe webhook paying an invoice",
                "webhook",
                this::payByWebhook));
        List<String> links = paymentLinks();
        scenarios.put("payPage", drive("payPage", "payment-link page", "page", (r, rec) -> {
            String path = links.get(r.nextInt(links.size()));
            rec.call("page", 200, () -> api.get(path, null));
        }));

        if (WrkPayPage.available() && Boolean.parseBoolean(option("wrk", "true"))) {
            log("payment-link page with wrk: %d connections, %d s warm-up, %d s measured", clients, warmup, seconds);
            Map<String, Object> wrk = WrkPayPage.run(option("base", "https://localhost:18443"), links, clients,
                    warmup, seconds);
            log("payment-link page with wrk: %s", wrk);
            report.put("payPageWrk", wrk);
        }
        machine.put("loadAverageAtEnd", loadAverage());
        if (!databaseByScenario.isEmpty()) {
            report.put("database", databaseByScenario);
        }
        String pgbenchTps = options.get("pgbench-tps");
        if (pgbenchTps != null && !pgbenchTps.isBlank()) {
            double tps = Double.parseDouble(pgbenchTps);
            Map<String, Object> pgbench = new LinkedHashMap<>();
            pgbench.put("tps", tps);
            pgbench.put("clients", Integer.parseInt(option("pgbench-clients", "32")));
            pgbench.put("seconds", Integer.parseInt(option("pgbench-seconds", "0")));
            String selectTps = options.get("pgbench-select-tps");
            if (selectTps != null && !selectTps.isBlank()) {
                pgbench.put("selectOnlyTps", Double.parseDouble(selectTps));
            }
            report.put("pgbench", pgbench);
            @SuppressWarnings("unchecked")
            Map<String, Object> finalized = (Map<String, Object>) ((Map<String, Object>)
                    scenarios.get("invoiceCreateFinalize")).get("flow");
            double perSecond = finalized == null ? 0 : ((Number) finalized.get("perSecond")).doubleValue();
            report.put("ratio", Map.of("invoicesFinalizedPerSecondOverPgbenchTps",
                    tps > 0 ? Latencies.round(perSecond / tps * 1000) / 1000 : 0));
        }
        if (options.containsKey("server-pid")) {
            report.put("serverMemory", serverMemory(options.get("server-pid")));
        }

        Path out = Path.of(option("out", "results/load.json"));
        Files.createDirectories(out.toAbsolutePath().getParent());
        Api.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), report);
        Files.writeString(Path.of(out.toString().replaceFirst("\\.json$", "") + ".md"), markdown(report));
        log("wrote %s", out);
    }

    // ------------------------------------------------------------------------------------------------ provisioning

    /**
     * The first {@code --admin-tenants} (default 100) tenants are provisioned through the admin API, as an operator
     * would; the rest are inserted in one SQL statement as the superuser (the admin API provisions about 5 to 10
     * tenants a second on this machine, too slow for 10,000). Both kinds get an API key the same way; per-tenant state
     * (audit chain head, counters, data keys) is created on first use in both cases.
     */
    private void provisionTenants(int count) throws Exception {
        String operator = option("operator-token", null);
        String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
        int viaApi = Math.min(count, Integer.parseInt(option("admin-tenants", "100")));
        Tenant[] created = new Tenant[viaApi];
        parallel(viaApi, i -> {
            JsonNode t = Api.expect(api.post("/admin/v1/tenants", operator, Map.of(
                    "slug", "bench-" + run + "-" + i, "name", "Bench tenant " + i, "country", "DE",
                    "currency", "EUR")), 201, "provision tenant");
            created[i] = new Tenant(t.get("id").asText(), null);
        });
        tenants.addAll(List.of(created));
        if (count > viaApi) {
            try (Connection c = DriverManager.getConnection(option("superuser-jdbc", null),
                    option("superuser", "postgres"), "");
                 java.sql.PreparedStatement s = c.prepareStatement("""
                         INSERT INTO tenants (id, slug, name, country, default_currency, status, created_at, updated_at)
                         SELECT gen_random_uuid(), 'bench-' || ? || '-' || g, 'Bench tenant ' || g, 'DE', 'EUR',
                                'active', now(), now()
                         FROM generate_series(?, ?) g
                         RETURNING id""")) {
                s.setString(1, run);
                s.setInt(2, viaApi);
                s.setInt(3, count - 1);
                try (java.sql.ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        tenants.add(new Tenant(rs.getString(1), null));
                    }
                }
            }
        }
    }

    private void issueApiKeys() throws Exception {
        org.apache.tomcat.jdbc.pool.DataSource pool = new org.apache.tomcat.jdbc.pool.DataSource();
        pool.setDriverClassName("org.postgresql.Driver");
        pool.setUrl(option("app-jdbc", null));
        pool.setUsername(option("app-user", "billingnow_app"));
        pool.setPassword(option("app-password", ""));
        pool.setMaxActive(8);
        pool.setInitialSize(1);
        pool.setMinIdle(1);
        pool.setMaxIdle(8);
        try {
            TenantTransactions transactions = new TenantTransactions(Databases.configure(Jdbi.create(pool)));
            ApiKeyService keys = new ApiKeyService(new AuditLog(Jackson.newObjectMapper(), Clock.systemUTC()),
                    Clock.systemUTC());
            OperatorCaller actor = new OperatorCaller("bench", false);
            parallel(tenants.size(), i -> {
                Tenant t = tenants.get(i);
                String secret = transactions.write(new TenantId(UUID.fromString(t.id())),
                        tx -> keys.issue(tx, "bench", Role.OWNER, null, actor).secret());
                tenants.set(i, new Tenant(t.id(), secret));
            });
        } finally {
            pool.close();
        }
    }

    private void connectStripe(int count) throws Exception {
        String operator = option("operator-token", null);
        parallel(count, i -> {
            Tenant t = tenants.get(i);
            Api.expect(api.patch("/admin/v1/tenants/" + t.id() + "/providers/stripe", operator,
                    Map.of("enabled", true)), 200, "enable stripe");
            byte[] bytes = new byte[24];
            random.nextBytes(bytes);
            String secret = "whsec_" + Base64.getEncoder().encodeToString(bytes);
            // The API base URL is never called: no scenario asks Stripe for a checkout.
            JsonNode account = Api.expect(api.post("/v1/provider-accounts", t.apiKey(), Map.of(
                    "providerId", "stripe", "displayName", "Stripe (bench)",
                    "credentials", Map.of("secret_key", "sk_test_51BenchKey0123456789abcdef",
                            "api_base_url", "https://127.0.0.1:9"),
                    "webhookSecret", secret)), 201, "create Stripe account");
            String path = URI.create(account.get("webhookUrl").asText()).getPath();
            accounts.put(t.id(), new Account(t, account.get("id").asText(), path, secret));
        });
    }

    /**
     * Existing invoices, written in a few statements as the database superuser (which bypasses row-level security)
     * with each row's tenant_id set to the tenant it belongs to: one customer per tenant, then {@code count} paid
     * invoices of one line each spread round-robin over the benchmark's tenants.
     */
    private void bulkLoadInvoices(long count) throws Exception {
        try (Connection c = DriverManager.getConnection(option("superuser-jdbc", null), option("superuser", "postgres"),
                "");
             Statement s = c.createStatement()) {
            s.execute("""
                    INSERT INTO customers (tenant_id, id, name, country, created_at, updated_at)
                    SELECT id, gen_random_uuid(), 'Bulk customer', 'DE', now(), now() FROM tenants""");
            s.execute("""
                    CREATE TEMP TABLE bulk_targets AS
                    SELECT (row_number() OVER (ORDER BY c.tenant_id) - 1) AS k, c.tenant_id, c.id AS customer_id
                    FROM customers c WHERE c.name = 'Bulk customer'""");
            s.execute("""
                    INSERT INTO invoices (tenant_id, id, customer_id, status, currency, tax_behavior, number,
                        issue_date, due_date, subtotal, net_total, tax_total, total, amount_paid, amount_due,
                        finalized_at, paid_at, created_at, updated_at)
                    SELECT b.tenant_id, gen_random_uuid(), b.customer_id, 'paid', 'EUR', 'exclusive', 'BULK-' || g,
                        current_date - 30, current_date - 16, 10000, 10000, 1900, 11900, 11900, 0,
                        now() - interval '30 days', now() - interval '20 days',
                        now() - interval '31 days' + g * interval '1 millisecond', now()
                    FROM generate_series(0, %d - 1) g
                    JOIN bulk_targets b ON b.k = g %% (SELECT count(*) FROM bulk_targets)""".formatted(count));
            s.execute("""
                    INSERT INTO invoice_lines (tenant_id, invoice_id, position, description, quantity, unit_amount,
                        tax_rates, amount, discount_amount, net_amount)
                    SELECT tenant_id, id, 0, 'Bulk line', 1, 10000, '[]', 10000, 0, 10000
                    FROM invoices WHERE number LIKE 'BULK-%'""");
            s.execute("ANALYZE");
        }
    }

    // ------------------------------------------------------------------------------------------------- scenarios

    private static final List<Map<String, Object>> THREE_LINES = List.of(
            line("Consulting", "3", 15_000, 19), line("Licence", "1", 49_900, 19), line("Books", "2.5", 1_999, 7));

    private static Map<String, Object> line(String description, String quantity, long unitAmount, int vat) {
        return Map.of("description", description, "quantity", quantity, "unitAmount", unitAmount,
                "taxRates", List.of(Map.of("name", "VAT " + vat + "%", "category", "S", "percent", vat)));
    }

    private void createAndFinalize(ThreadLocalRandom r, Recorder rec) throws Exception {
        Tenant t = tenants.get(r.nextInt(tenants.size()));
        long start = System.nanoTime();
        JsonNode customer = rec.call("customer", 201, () -> api.post("/v1/customers", t.apiKey(),
                Map.of("name", "Bench Customer", "email", "ap@bench.example", "country", "DE")));
        if (customer == null) {
            return;
        }
        JsonNode invoice = rec.call("draftInvoice", 201, () -> api.post("/v1/invoices", t.apiKey(), Map.of(
                "customerId", customer.get("id").asText(), "currency", "EUR", "lines", THREE_LINES)));
        if (invoice == null) {
            return;
        }
        String id = invoice.get("id").asText();
        if (rec.call("finalize", 200, () -> api.post("/v1/invoices/" + id + "/finalize", t.apiKey(), Map.of()))
                == null) {
            return;
        }
        rec.record("flow", System.nanoTime() - start);
        Account account = accounts.get(t.id());
        if (account != null && openInvoices.size() < 50_000) {
            openInvoices.add(new OpenInvoice(account, id));
        }
    }

    private void ensureOpenInvoicePerAccount() throws Exception {
        Map<String, Boolean> covered = new ConcurrentHashMap<>();
        openInvoices.forEach(i -> covered.put(i.account().id(), true));
        List<Account> missing = accounts.values().stream().filter(a -> !covered.containsKey(a.id())).toList();
        parallel(missing.size(), i -> {
            Account a = missing.get(i);
            String key = a.tenant().apiKey();
            String customer = Api.expect(api.post("/v1/customers", key, Map.of("name", "Bench Customer")), 201,
                    "customer").get("id").asText();
            String invoice = Api.expect(api.post("/v1/invoices", key, Map.of("customerId", customer,
                    "currency", "EUR", "lines", THREE_LINES)), 201, "invoice").get("id").asText();
            Api.expect(api.post("/v1/invoices/" + invoice + "/finalize", key, Map.of()), 200, "finalize");
            openInvoices.add(new OpenInvoice(a, invoice));
        });
    }

    /** A payment_intent.succeeded of 1.00 EUR: a partial payment, so every invoice stays open for the next one. */
    private void payByWebhook(ThreadLocalRandom r, Recorder rec) throws Exception {
        OpenInvoice invoice = openInvoices.get(r.nextInt(openInvoices.size()));
        long now = Instant.now().getEpochSecond();
        byte[] body = ("{\"id\":\"evt_" + UUID.randomUUID() + "\",\"object\":\"event\","
                + "\"type\":\"payment_intent.succeeded\",\"created\":" + now + ",\"data\":{\"object\":{\"id\":\"pi_"
                + UUID.randomUUID().toString().replace("-", "") + "\",\"object\":\"payment_intent\","
                + "\"amount_received\":100,\"currency\":\"eur\",\"metadata\":{\"invoice_reference\":\""
                + invoice.id() + "\"}}}}").getBytes(StandardCharsets.UTF_8);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(invoice.account().secret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((now + ".").getBytes(StandardCharsets.US_ASCII));
        String signature = "t=" + now + ",v1=" + HexFormat.of().formatHex(mac.doFinal(body));
        JsonNode answer = rec.call("webhook", 200, () -> api.postBytes(invoice.account().webhookPath(), null, body,
                "Stripe-Signature", signature));
        if (answer != null && !"payment_recorded".equals(answer.path("events").path(0).path("outcome").asText())) {
            rec.error("webhook", "outcome " + answer.path("events").path(0).path("outcome").asText());
        }
    }

    private List<String> paymentLinks() throws Exception {
        Map<String, OpenInvoice> onePerAccount = new LinkedHashMap<>();
        openInvoices.forEach(i -> onePerAccount.putIfAbsent(i.account().id(), i));
        List<OpenInvoice> invoices = List.copyOf(onePerAccount.values());
        List<String> paths = new CopyOnWriteArrayList<>();
        parallel(invoices.size(), i -> {
            OpenInvoice invoice = invoices.get(i);
            JsonNode link = Api.expect(api.post("/v1/invoices/" + invoice.id() + "/payment-links",
                    invoice.account().tenant().apiKey(), Map.of("providerAccountId", invoice.account().id())), 201,
                    "payment link");
            paths.add(URI.create(link.get("url").asText()).getPath());
        });
        return List.copyOf(paths);
    }

    // ---------------------------------------------------------------------------------------------------- driver

    /** One client thread's recordings; requests are recorded only once the warm-up is over. */
    static final class Recorder {
        final Map<String, Latencies> byKind = new LinkedHashMap<>();
        boolean recording;

        interface Call {
            Api.Answer send() throws Exception;
        }

        JsonNode call(String kind, int expected, Call call) {
            long start = System.nanoTime();
            try {
                Api.Answer answer = call.send();
                long elapsed = System.nanoTime() - start;
                if (answer.status() != expected) {
                    error(kind, "HTTP " + answer.status());
                    return null;
                }
                record(kind, elapsed);
                return answer.body().length == 0 || answer.body()[0] != '{' ? Api.JSON.nullNode() : answer.json();
            } catch (Exception e) {
                error(kind, e.getClass().getSimpleName());
                return null;
            }
        }

        void record(String kind, long nanos) {
            if (recording) {
                byKind.computeIfAbsent(kind, k -> new Latencies()).add(nanos);
            }
        }

        void error(String kind, String cause) {
            if (recording) {
                byKind.computeIfAbsent(kind, k -> new Latencies()).error(cause);
            }
        }
    }

    /**
     * Runs one scenario; {@code operation} names the request kind that counts as one completed operation when the
     * database's statements are divided up (see {@link StatementProfile}), which the report lists under "database".
     */
    private Map<String, Object> drive(String key, String name, String operation, Step step) throws Exception {
        log("%s: %d clients, %d s warm-up, %d s measured", name, clients, warmup, seconds);
        long warmupEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(warmup);
        long end = warmupEnd + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<Recorder>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            futures.add(pool.submit(() -> {
                Recorder rec = new Recorder();
                ThreadLocalRandom r = ThreadLocalRandom.current();
                long now;
                while ((now = System.nanoTime()) < end) {
                    rec.recording = now >= warmupEnd;
                    step.run(r, rec);
                }
                return rec;
            }));
        }
        StatementProfile statements = statementProfile();
        if (statements != null) {
            TimeUnit.NANOSECONDS.sleep(Math.max(0, warmupEnd - System.nanoTime()));
            statements.reset();
        }
        Map<String, Latencies> merged = new LinkedHashMap<>();
        for (Future<Recorder> f : futures) {
            f.get().byKind.forEach((k, v) -> merged.computeIfAbsent(k, x -> new Latencies()).merge(v));
        }
        pool.shutdown();
        Map<String, Object> out = new LinkedHashMap<>();
        merged.forEach((k, v) -> out.put(k, v.summary(seconds)));
        log("%s: %s", name, out);
        if (statements != null) {
            Latencies done = merged.get(operation);
            Map<String, Object> database = statements.since(done == null ? 0 : done.count());
            databaseByScenario.put(key, database);
            log("%s: %s statements per %s (%s explicit transactions, %s nested statements)", name,
                    database.get("statementsPerOperation"), operation,
                    database.get("explicitTransactionsPerOperation"), database.get("nestedStatementsPerOperation"));
        }
        return out;
    }

    /** Null when the database has no pg_stat_statements (load.sh always loads it). */
    private StatementProfile statementProfile() {
        String jdbc = options.get("superuser-jdbc");
        return jdbc == null || !Boolean.parseBoolean(option("statement-profile", "true")) ? null
                : new StatementProfile(jdbc, option("superuser", "postgres"));
    }

    interface Task {
        void run(int i) throws Exception;
    }

    /**
     * Runs {@code count} setup tasks on 8 threads. A task is tried three times (on a loaded machine the server's
     * minimum request data rate can refuse a request, see docs/performance.md); a third failure stops the benchmark.
     */
    private static void parallel(int count, Task task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> futures = new ArrayList<>();
        for (int w = 0; w < 8; w++) {
            futures.add(pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < count) {
                    for (int attempt = 1; ; attempt++) {
                        try {
                            task.run(i);
                            break;
                        } catch (IOException e) {
                            if (attempt == 3) {
                                throw e;
                            }
                        }
                    }
                }
                return null;
            }));
        }
        try {
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void log(String format, Object... args) {
        System.err.printf("[bench] " + format + "%n", args);
    }

    // ---------------------------------------------------------------------------------------- memory and report

    /** The server's heap (jcmd GC.heap_info, as found and after a full GC) and resident memory (VmRSS). */
    private Map<String, Object> serverMemory(String pid) {
        Map<String, Object> out = new LinkedHashMap<>();
        String jcmd = option("jcmd", "jcmd");
        try {
            out.put("heapUsedMb", heapUsedMb(command(jcmd, pid, "GC.heap_info")));
            command(jcmd, pid, "GC.run");
            out.put("heapUsedAfterFullGcMb", heapUsedMb(command(jcmd, pid, "GC.heap_info")));
            for (String line : Files.readAllLines(Path.of("/proc", pid, "status"))) {
                if (line.startsWith("VmRSS:")) {
                    out.put("rssMb", Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024);
                }
            }
        } catch (Exception e) {
            out.put("error", e.toString());
        }
        return out;
    }

    /** G1's heap_info line: " garbage-first heap   total 262144K, used 91234K [...]". */
    private static long heapUsedMb(String heapInfo) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("heap\\s+total\\s+\\d+K, used (\\d+)K")
                .matcher(heapInfo);
        return m.find() ? Long.parseLong(m.group(1)) / 1024 : -1;
    }

    /** The 1, 5 and 15 minute load averages: other work on the machine shows here. */
    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String command(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
        return output;
    }

    @SuppressWarnings("unchecked")
    private static String markdown(Map<String, Object> report) {
        StringBuilder md = new StringBuilder("# BillingNow load benchmark\n\n");
        md.append("Setup: `").append(report.get("setup")).append("`\n\n");
        md.append("| scenario | request | ok | errors | per second | p50 ms | p95 ms | p99 ms | max ms |\n");
        md.append("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        ((Map<String, Object>) report.get("scenarios")).forEach((scenario, kinds) ->
                ((Map<String, Map<String, Object>>) kinds).forEach((kind, v) -> md.append("| ").append(scenario)
                        .append(" | ").append(kind).append(" | ").append(v.get("ok")).append(" | ")
                        .append(v.get("errors")).append(" | ").append(v.get("perSecond")).append(" | ")
                        .append(v.get("p50Ms")).append(" | ").append(v.get("p95Ms")).append(" | ")
                        .append(v.get("p99Ms")).append(" | ").append(v.get("maxMs")).append(" |\n")));
        md.append("\n");
        if (report.get("database") instanceof Map<?, ?> database) {
            md.append("Database work per completed operation (pg_stat_statements, recorded window):\n\n");
            md.append("| scenario | statements sent / op | transactions / op | nested / op |"
                    + " most frequent statements sent (calls per op, mean ms in PostgreSQL) |\n");
            md.append("| --- | ---: | ---: | ---: | --- |\n");
            database.forEach((scenario, v) -> {
                Map<String, Object> d = (Map<String, Object>) v;
                StringBuilder top = new StringBuilder();
                for (Map<String, Object> row : (List<Map<String, Object>>) d.get("top")) {
                    top.append(top.isEmpty() ? "" : "<br>").append(row.get("perOperation")).append(" × (")
                            .append(row.get("meanMs")).append(" ms) `")
                            .append(String.valueOf(row.get("query")).replace("|", "\\|").replace("`", "'"))
                            .append('`');
                }
                md.append("| ").append(scenario).append(" | ").append(d.get("statementsPerOperation")).append(" | ")
                        .append(d.get("explicitTransactionsPerOperation")).append(" | ")
                        .append(d.get("nestedStatementsPerOperation")).append(" | ").append(top).append(" |\n");
            });
            md.append("\n");
        }
        for (String key : List.of("payPageWrk", "machine", "pgbench", "ratio", "serverMemory")) {
            if (report.containsKey(key)) {
                md.append("- ").append(key).append(": `").append(report.get(key)).append("`\n");
            }
        }
        return md.toString();
    }
}
