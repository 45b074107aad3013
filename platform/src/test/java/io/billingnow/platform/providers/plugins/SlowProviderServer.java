package io.billingnow.platform.providers.plugins;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A provider server on loopback that takes every request and then sleeps: it answers (503) only once released or
 * after a minute, so whatever calls it waits until its own timeout. The part a tenant plays when it points its
 * provider account at a slow server. Each request has its own thread, so many can hang at once.
 */
public final class SlowProviderServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final CountDownLatch released = new CountDownLatch(1);
    private final AtomicInteger arrived = new AtomicInteger();

    private SlowProviderServer(HttpServer server) {
        this.server = server;
    }

    public static SlowProviderServer start() {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            SlowProviderServer slow = new SlowProviderServer(http);
            http.setExecutor(slow.threads);
            http.createContext("/", exchange -> {
                try (exchange; InputStream in = exchange.getRequestBody()) {
                    in.readAllBytes();
                    synchronized (slow.arrived) {
                        slow.arrived.incrementAndGet();
                        slow.arrived.notifyAll();
                    }
                    slow.released.await(60, TimeUnit.SECONDS);
                    exchange.sendResponseHeaders(503, -1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            http.start();
            return slow;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Requests received so far (each of them is still hanging unless released). */
    public int arrived() {
        return arrived.get();
    }

    /** Waits until at least {@code count} requests have arrived; false if they did not within the timeout. */
    public boolean awaitArrivals(int count, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        synchronized (arrived) {
            while (arrived.get() < count) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    return false;
                }
                arrived.wait(left);
            }
            return true;
        }
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
