package io.billingnow.platform.providers.plugins;

import io.billingnow.sdk.http.HttpRequest;
import io.billingnow.sdk.http.HttpResponse;
import io.billingnow.sdk.http.HttpTransport;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Wraps the host's transport to note, for the plugin call running on the current thread, whether it is waiting on
 * the provider's server right now. When a call overruns its deadline this tells the host whose fault it is: waiting
 * on a remote (which a tenant may have configured) is the remote's slowness, anything else is the plugin hanging.
 */
final class RemoteWaitTracking implements HttpTransport {

    /** The state of one plugin call, shared by the thread running it and the thread waiting for it. */
    static final class CallState {
        private final AtomicInteger remoteWaits = new AtomicInteger();

        boolean waitingOnRemote() {
            return remoteWaits.get() > 0;
        }
    }

    private static final ThreadLocal<CallState> CURRENT = new ThreadLocal<>();

    private final HttpTransport transport;

    RemoteWaitTracking(HttpTransport transport) {
        this.transport = transport;
    }

    /** Runs on the plugin-call thread around the call; a plugin's own threads are not tracked. */
    static void enter(CallState state) {
        CURRENT.set(state);
    }

    static void exit() {
        CURRENT.remove();
    }

    @Override
    public HttpResponse send(HttpRequest request) throws IOException {
        CallState state = CURRENT.get();
        if (state == null) {
            return transport.send(request);
        }
        state.remoteWaits.incrementAndGet();
        try {
            return transport.send(request);
        } finally {
            state.remoteWaits.decrementAndGet();
        }
    }
}
