package io.billingnow.platform.providers.plugins;

import io.billingnow.platform.protection.egress.EgressHttpClient;
import io.billingnow.platform.protection.egress.EgressPolicy;
import io.billingnow.platform.protection.egress.EgressRefusedException;
import io.billingnow.platform.protection.monitoring.SecurityEvent;
import io.billingnow.platform.protection.monitoring.SecurityEventKind;
import io.billingnow.platform.protection.monitoring.SecurityEvents;
import io.billingnow.sdk.PaymentProvider;
import io.billingnow.sdk.PaymentProviderFactory;
import io.billingnow.sdk.ProviderContext;
import io.billingnow.sdk.ProviderDescriptor;
import io.billingnow.sdk.ProviderException;
import io.billingnow.sdk.TenantContext;
import io.billingnow.sdk.link.PaymentLink;
import io.billingnow.sdk.link.PaymentLinkCancellation;
import io.billingnow.sdk.link.PaymentLinkRequest;
import io.billingnow.sdk.webhook.VerifiedWebhook;
import io.billingnow.sdk.webhook.WebhookRejectedException;
import io.billingnow.sdk.webhook.WebhookRequest;
import io.dropwizard.lifecycle.Managed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.pf4j.PluginManager;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the payment-provider plugins and is the only way into them. Every call runs on a bounded pool with a
 * deadline, under the plugin's class loader, inside two bulkheads: the calling tenant's and the provider's
 * concurrency budgets, so one tenant (say, one whose provider account points at a slow server) spends its own budget
 * and not the threads other tenants need. A plugin that throws, hangs or answers garbage costs the request a 502
 * {@code provider-failed}, marks the plugin unhealthy and is a {@code plugin_failure} security event; a provider's
 * refusal or a slow or unreachable provider server is answered by kind ({@link ProviderProblems}) and is no plugin
 * fault. No call holds a request thread beyond the deadline.
 * Each plugin contributes exactly one provider, found by {@link PluginFactories}; the host closes it once when it stops.
 * Each provider gets its own {@link ProviderContext} whose HTTP transport enforces the {@link EgressPolicy} with the
 * provider's allowed hosts; a call whose request the policy refused answers 422 {@code egress-refused} (the account
 * points somewhere it must not: the tenant's configuration, not a plugin fault, so the plugin stays healthy).
 */
public final class PluginHost implements Managed {

    private static final Logger LOG = LoggerFactory.getLogger(PluginHost.class);

    private final PluginSettings settings;
    private final Clock clock;
    private final Duration timeout;
    private final Duration retryAfter;
    private final ThreadPoolExecutor executor;
    private final ConcurrencyBudget tenantBudgets;
    private final ConcurrencyBudget providerBudgets;
    private final SecurityEvents securityEvents;
    private final EgressHttpClient egress;
    private final Map<String, LoadedProvider> providers = new LinkedHashMap<>();
    private final Map<String, String> loadFailures = new LinkedHashMap<>();
    private PluginManager manager;

    public PluginHost(PluginSettings settings, Clock clock, SecurityEvents securityEvents) {
        this(settings, clock, securityEvents, new EgressPolicy(settings.getEgress()));
    }

    /** With a given egress policy (tests give it a fake name service). */
    public PluginHost(PluginSettings settings, Clock clock, SecurityEvents securityEvents, EgressPolicy egressPolicy) {
        this.settings = settings;
        this.egress = new EgressHttpClient(egressPolicy,
                Duration.ofMillis(settings.getHttpTimeout().toMilliseconds()));
        this.clock = clock;
        this.securityEvents = securityEvents;
        this.timeout = Duration.ofMillis(settings.getCallTimeout().toMilliseconds());
        this.retryAfter = Duration.ofMillis(settings.getRetryAfter().toMilliseconds());
        this.tenantBudgets = new ConcurrencyBudget(settings.getMaxConcurrentCallsPerTenant());
        this.providerBudgets = new ConcurrencyBudget(settings.getMaxConcurrentCallsPerProvider());
        AtomicInteger threads = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(settings.getMaxConcurrentCalls(), settings.getMaxConcurrentCalls(),
                60, TimeUnit.SECONDS,
                settings.getCallQueue() == 0 ? new SynchronousQueue<>() : new ArrayBlockingQueue<>(settings.getCallQueue()),
                r -> {
                    Thread t = new Thread(r, "plugin-call-" + threads.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        executor.allowCoreThreadTimeOut(true);
    }

    /** A view of one plugin for the admin console. */
    public record PluginView(String id, String version, String state, String requires, String error,
                             List<ProviderView> providers) {
    }

    public record ProviderView(ProviderDescriptor descriptor, PluginHealth health) {
    }

    /** The egress policy plugin requests are held to; the same one checks the URLs tenants save. */
    public EgressPolicy egressPolicy() {
        return egress.policy();
    }

    /** The hosts this provider's requests may reach: declared by its plugin plus those the operator added. */
    public EgressPolicy.AllowedHosts allowedHosts(LoadedProvider provider) {
        return egress.policy().hostsFor(provider.id(), provider.descriptor().egressHosts());
    }

    @Override
    public synchronized void start() {
        try {
            egress.start();
        } catch (Exception e) {
            throw new IllegalStateException("the egress HTTP client did not start", e);
        }
        if (settings.getDirectory() == null) {
            LOG.info("No plugins directory configured: no payment providers are available");
            return;
        }
        Path directory = Paths.get(settings.getDirectory()).toAbsolutePath();
        if (!Files.isDirectory(directory)) {
            throw new IllegalStateException("plugins.directory is not a directory: " + directory);
        }
        manager = new IsolatingPluginManager(directory);
        manager.loadPlugins();
        manager.startPlugins();
        for (PluginWrapper plugin : manager.getPlugins()) {
            if (plugin.getPluginState() != PluginState.STARTED) {
                LOG.warn("Plugin {} {} is {}: its providers are not offered", plugin.getPluginId(),
                        plugin.getDescriptor().getVersion(), plugin.getPluginState());
                continue;
            }
            try {
                register(plugin);
            } catch (RuntimeException e) {
                loadFailures.put(plugin.getPluginId(), e.getMessage());
                // A refusal says all there is to say; anything else gets its stack trace.
                LOG.error("Plugin {} is refused, it offers no provider: {}", plugin.getPluginId(), e.getMessage(),
                        e instanceof PluginFactories.Refused ? null : e);
            }
        }
    }

    private void register(PluginWrapper plugin) {
        ClassLoader loader = plugin.getPluginClassLoader();
        PaymentProviderFactory factory = onPluginThread(loader, () -> PluginFactories.theOneFactoryOf(loader));
        ProviderDescriptor descriptor = onPluginThread(loader, factory::descriptor);
        if (descriptor == null) {
            throw new IllegalStateException("the plugin's factory answered null");
        }
        if (providers.containsKey(descriptor.id())) {
            throw new IllegalStateException("provider id " + descriptor.id() + " is already taken by plugin "
                    + providers.get(descriptor.id()).pluginId());
        }
        ProviderContext context = new ProviderContext(new RemoteWaitTracking(new HostHttpTransport(egress,
                egress.policy().hostsFor(descriptor.id(), descriptor.egressHosts()))), clock);
        PaymentProvider provider = onPluginThread(loader, () -> factory.create(context));
        if (provider == null) {
            throw new IllegalStateException("the plugin's factory answered null");
        }
        providers.put(descriptor.id(), new LoadedProvider(plugin.getPluginId(), descriptor, provider, loader));
        LOG.info("Payment provider {} loaded from plugin {} {}", descriptor.id(), plugin.getPluginId(),
                plugin.getDescriptor().getVersion());
    }

    /** Loading-time calls (descriptor, create) run bounded too, with the longer load deadline (class loading). */
    private <T> T onPluginThread(ClassLoader loader, Callable<T> work) {
        long deadline = settings.getLoadTimeout().toMilliseconds();
        Future<T> future = executor.submit(withLoader(loader, work));
        try {
            return future.get(deadline, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new IllegalStateException("the plugin did not answer within " + deadline + " ms");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof PluginFactories.Refused refused) {
                throw refused;
            }
            throw new IllegalStateException("the plugin failed: " + e.getCause().getClass().getName(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading the plugin");
        }
    }

    @Override
    public synchronized void stop() {
        // Providers first, while the plugin threads still run: each is closed once, then never called again.
        for (LoadedProvider provider : List.copyOf(providers.values())) {
            close(provider);
        }
        providers.clear();
        executor.shutdownNow();
        try {
            egress.stop();
        } catch (Exception e) {
            LOG.warn("The egress HTTP client did not stop cleanly", e);
        }
        if (manager != null) {
            // One by one over a copy: PF4J 3.15's stopPlugins() modifies the list it iterates.
            for (PluginWrapper plugin : List.copyOf(manager.getPlugins())) {
                try {
                    manager.unloadPlugin(plugin.getPluginId());
                } catch (RuntimeException e) {
                    LOG.warn("Plugin {} did not unload cleanly", plugin.getPluginId(), e);
                }
            }
        }
    }

    /** {@link PaymentProvider#close()}, bounded like loading; a failure is logged and the shutdown goes on. */
    private void close(LoadedProvider provider) {
        try {
            onPluginThread(provider.classLoader(), () -> {
                provider.instance().close();
                return null;
            });
        } catch (RuntimeException e) {
            LOG.warn("Payment provider {} of plugin {} did not close cleanly: {}", provider.id(),
                    provider.pluginId(), e.getMessage());
        }
    }

    public synchronized Optional<LoadedProvider> provider(String providerId) {
        return Optional.ofNullable(providers.get(providerId));
    }

    public synchronized Collection<LoadedProvider> providers() {
        return List.copyOf(providers.values());
    }

    /** The class loader of a started plugin, for tests and diagnostics. */
    public synchronized Optional<ClassLoader> classLoader(String pluginId) {
        return manager == null ? Optional.empty() : Optional.ofNullable(manager.getPlugin(pluginId))
                .filter(p -> p.getPluginState() == PluginState.STARTED).map(PluginWrapper::getPluginClassLoader);
    }

    public synchronized List<PluginView> plugins() {
        List<PluginView> views = new ArrayList<>();
        if (manager == null) {
            return views;
        }
        for (PluginWrapper plugin : manager.getPlugins()) {
            List<ProviderView> offered = providers.values().stream()
                    .filter(p -> p.pluginId().equals(plugin.getPluginId()))
                    .map(p -> new ProviderView(p.descriptor(), p.health()))
                    .toList();
            String error = loadFailures.get(plugin.getPluginId());
            if (error == null && plugin.getPluginState() == PluginState.DISABLED) {
                error = "not started: requires SDK " + plugin.getDescriptor().getRequires() + ", host has "
                        + manager.getSystemVersion();
            }
            views.add(new PluginView(plugin.getPluginId(), plugin.getDescriptor().getVersion(),
                    plugin.getPluginState().toString().toLowerCase(Locale.ROOT),
                    plugin.getDescriptor().getRequires(), error, offered));
        }
        return views;
    }

    /**
     * Verifies a webhook. A rejection is the plugin's legitimate answer and is passed on; anything else is a 502.
     * The call counts against the tenant's and the provider's budgets (503 {@code provider-busy} when spent).
     */
    public VerifiedWebhook verifyWebhook(LoadedProvider provider, WebhookRequest request)
            throws WebhookRejectedException {
        Object outcome = call(provider, request.tenant(), "webhook verification", () -> {
            try {
                return provider.instance().verifyWebhook(request);
            } catch (WebhookRejectedException e) {
                return e;
            }
        });
        if (outcome instanceof WebhookRejectedException rejected) {
            provider.succeeded();
            throw rejected;
        }
        if (!(outcome instanceof VerifiedWebhook verified) || verified.events().stream().anyMatch(e -> e == null)) {
            throw garbage(provider, request.tenant(), "webhook verification answered no result");
        }
        provider.succeeded();
        return verified;
    }

    /**
     * Issues a provider checkout. The answer is checked: present, an absolute http(s) URL, and expiring after now but
     * not after the requested expiry. The provider's refusal (a {@link ProviderException}) becomes the problem
     * {@link ProviderProblems} maps its kind to; it is the provider's answer, not a plugin fault.
     */
    public PaymentLink createPaymentLink(LoadedProvider provider, PaymentLinkRequest request) {
        Object outcome = call(provider, request.tenant(), "payment link", () -> {
            try {
                return provider.instance().createPaymentLink(request);
            } catch (ProviderException e) {
                return e;
            }
        });
        if (outcome instanceof ProviderException refused) {
            provider.succeeded();
            if (refused.kind() == ProviderException.Kind.UNEXPECTED_RESPONSE) {
                LOG.warn("Payment provider {}: the provider's answer to a payment link was not understood",
                        provider.id());
            }
            throw ProviderProblems.of(provider.id(), refused, retryAfter);
        }
        if (!(outcome instanceof PaymentLink link)) {
            throw garbage(provider, request.tenant(), "answered no payment link");
        }
        String scheme = link.url().getScheme() == null ? "" : link.url().getScheme().toLowerCase(Locale.ROOT);
        if (!link.url().isAbsolute() || !(scheme.equals("https") || scheme.equals("http"))
                || link.url().getHost() == null) {
            throw garbage(provider, request.tenant(), "answered a payment link that is not an http(s) URL");
        }
        if (link.expiresAt().isAfter(request.expiresAt())) {
            throw garbage(provider, request.tenant(), "answered a payment link expiring after the requested expiry");
        }
        if (!link.expiresAt().isAfter(clock.instant())) {
            throw garbage(provider, request.tenant(), "answered a payment link that has already expired");
        }
        provider.succeeded();
        return link;
    }

    /**
     * Asks the provider to close the checkout it opened for a revoked payment link, bounded and with the deadline like
     * every call. A {@link ProviderException} (the provider refused or could not be reached) is passed on.
     */
    public void cancelPaymentLink(LoadedProvider provider, PaymentLinkCancellation request) throws ProviderException {
        Object outcome = call(provider, request.tenant(), "payment link cancellation", () -> {
            try {
                provider.instance().cancelPaymentLink(request);
                return request;
            } catch (ProviderException e) {
                return e;
            }
        });
        provider.succeeded();
        if (outcome instanceof ProviderException refused) {
            throw refused;
        }
    }

    /** Records that the plugin answered something unusable and builds the 502 to throw. */
    public ProviderFailedException garbage(LoadedProvider provider, String what) {
        return garbage(provider, null, what);
    }

    private ProviderFailedException garbage(LoadedProvider provider, TenantContext tenant, String what) {
        pluginFault(provider, tenant, what);
        return new ProviderFailedException(provider.id(), "gave an invalid answer");
    }

    /**
     * Runs one call into a plugin inside its bulkheads: the tenant's and the provider's budgets are taken before the
     * call is queued (a spent budget is a 503 {@code provider-busy} at once, for that tenant or provider only) and
     * given back when the plugin's thread is done with it, not when the caller stops waiting, so a call abandoned at
     * its deadline still counts until it has really ended.
     */
    private Object call(LoadedProvider provider, TenantContext tenant, String operation, Callable<Object> work) {
        Optional<ConcurrencyBudget.Permit> tenantPermit = tenantBudgets.tryAcquire(tenant.tenantId());
        if (tenantPermit.isEmpty()) {
            LOG.info("Payment provider {}: {} for tenant {} refused, the tenant's {} calls are in flight",
                    provider.id(), operation, tenant.tenantId(), settings.getMaxConcurrentCallsPerTenant());
            throw ProviderProblems.busy(provider.id(), "this seller", retryAfter);
        }
        Optional<ConcurrencyBudget.Permit> providerPermit = providerBudgets.tryAcquire(provider.id());
        if (providerPermit.isEmpty()) {
            tenantPermit.get().release();
            LOG.warn("Payment provider {}: {} refused, the provider's {} calls are in flight", provider.id(),
                    operation, settings.getMaxConcurrentCallsPerProvider());
            throw ProviderProblems.busy(provider.id(), "all sellers", retryAfter);
        }
        PluginCall call = new PluginCall(provider.classLoader(), noticingEgressRefusals(work), () -> {
            providerPermit.get().release();
            tenantPermit.get().release();
        });
        Future<Object> future;
        try {
            future = executor.submit(call);
        } catch (RejectedExecutionException e) {
            call.abandonIfNotStarted();
            LOG.warn("Payment provider {}: {} refused, all plugin threads busy", provider.id(), operation);
            throw ProviderProblems.busy(provider.id(), "all sellers", retryAfter);
        }
        try {
            Object outcome = future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (outcome instanceof EgressRefusal refusal) {
                LOG.warn("Payment provider {}: {} refused by the egress policy: {}", provider.id(), operation,
                        refusal.cause().getMessage());
                throw new EgressRefusedProblem(provider.id());
            }
            return outcome;
        } catch (TimeoutException e) {
            // Read before cancelling: the interrupt ends the wait on the remote at once.
            boolean waitingOnRemote = call.state().waitingOnRemote();
            future.cancel(true);
            if (call.abandonIfNotStarted()) {
                LOG.warn("Payment provider {}: {} waited {} ms for a plugin thread", provider.id(), operation,
                        timeout.toMillis());
                throw ProviderProblems.busy(provider.id(), "all sellers", retryAfter);
            }
            if (waitingOnRemote) {
                // The provider's server (perhaps one this tenant configured) is slow: the tenant's problem, not the
                // plugin's, so the plugin stays healthy for everybody.
                LOG.info("Payment provider {}: {} for tenant {} still waiting on the provider after {} ms",
                        provider.id(), operation, tenant.tenantId(), timeout.toMillis());
                throw ProviderProblems.unavailable(provider.id(), retryAfter);
            }
            pluginFault(provider, tenant, operation + " did not answer within " + timeout.toMillis() + " ms");
            throw new ProviderFailedException(provider.id(), "did not answer in time");
        } catch (ExecutionException e) {
            // The class name only: a plugin's message may carry request data.
            pluginFault(provider, tenant, operation + " threw " + e.getCause().getClass().getName());
            throw new ProviderFailedException(provider.id(), "failed");
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new ProviderFailedException(provider.id(), "call was interrupted");
        }
    }

    /**
     * The plugin itself misbehaved (threw, hung, answered garbage): it is unhealthy until a later call succeeds and
     * the fault is a {@code plugin_failure} security event. A provider's refusal or a slow remote never gets here.
     */
    private void pluginFault(LoadedProvider provider, TenantContext tenant, String what) {
        provider.failed(what, clock.instant());
        LOG.warn("Payment provider {}: {}", provider.id(), what);
        recordPluginFailure(provider, tenant, what);
    }

    /** The one call into the security-event stream. A plugin belongs to the platform, so no tenant audit log. */
    private void recordPluginFailure(LoadedProvider provider, TenantContext tenant, String what) {
        securityEvents.record(new SecurityEvent(SecurityEventKind.PLUGIN_FAILURE, null, null, null,
                "provider:" + provider.id(), what + (tenant == null ? "" : " (tenant " + tenant.tenantId() + ")")));
    }

    /**
     * One call as the plugin thread runs it: under the plugin's class loader, with its remote waits tracked, its
     * budgets released when it ends. Whoever claims it first decides: the thread that starts it, or the caller that
     * abandons it before it started (then it never runs and the caller releases the budgets).
     */
    private static final class PluginCall implements Callable<Object> {
        private final ClassLoader loader;
        private final Callable<Object> work;
        private final Runnable release;
        private final RemoteWaitTracking.CallState state = new RemoteWaitTracking.CallState();
        private final AtomicBoolean claimed = new AtomicBoolean();

        PluginCall(ClassLoader loader, Callable<Object> work, Runnable release) {
            this.loader = loader;
            this.work = work;
            this.release = release;
        }

        RemoteWaitTracking.CallState state() {
            return state;
        }

        /** True if the call had not started and now never will; its budgets are released. */
        boolean abandonIfNotStarted() {
            if (claimed.compareAndSet(false, true)) {
                release.run();
                return true;
            }
            return false;
        }

        @Override
        public Object call() throws Exception {
            if (!claimed.compareAndSet(false, true)) {
                return null;
            }
            RemoteWaitTracking.enter(state);
            try {
                return withLoader(loader, work).call();
            } finally {
                RemoteWaitTracking.exit();
                release.run();
            }
        }
    }

    /** What a plugin call answers when the egress policy refused one of its requests, whatever the plugin did then. */
    private record EgressRefusal(EgressRefusedException cause) {
    }

    private static Callable<Object> noticingEgressRefusals(Callable<Object> work) {
        return () -> {
            EgressRefusals.take();
            Object outcome;
            try {
                outcome = work.call();
            } catch (Exception | Error e) {
                EgressRefusedException refused = EgressRefusals.take();
                if (refused != null) {
                    return new EgressRefusal(refused);
                }
                throw e;
            }
            EgressRefusedException refused = EgressRefusals.take();
            return refused != null ? new EgressRefusal(refused) : outcome;
        };
    }

    private static <T> Callable<T> withLoader(ClassLoader loader, Callable<T> work) {
        return () -> {
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(loader);
            try {
                return work.call();
            } finally {
                thread.setContextClassLoader(previous);
            }
        };
    }

    /** Whether every loaded provider is healthy, with the unhealthy ones named. */
    public synchronized Map<String, PluginHealth> unhealthy() {
        Map<String, PluginHealth> bad = new LinkedHashMap<>();
        providers.forEach((id, p) -> {
            if (!p.health().healthy()) {
                bad.put(id, p.health());
            }
        });
        return bad;
    }
}
