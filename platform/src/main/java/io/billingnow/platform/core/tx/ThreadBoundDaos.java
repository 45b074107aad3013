package io.billingnow.platform.core.tx;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.extension.ExtensionContext;
import org.jdbi.v3.core.extension.ExtensionFactory;
import org.jdbi.v3.core.extension.Extensions;
import org.jdbi.v3.core.extension.HandleSupplier;

/**
 * SqlObject DAOs attached once per type and run on the transaction open on the calling thread.
 *
 * <p>Why: {@code Handle.attach} builds a handler for every method of the DAO, each with its own copy of the Jdbi
 * configuration, and caches the type's metadata only in the handle's own configuration copy, so attaching per
 * transaction rebuilt it all every time. The load benchmark's profile put a third of the server's CPU there
 * (docs/performance.md). Here each DAO type is attached once, to a handle supplier that routes every call to the
 * innermost transaction this class has bound on the calling thread; a call with no transaction bound fails.
 *
 * <p>The handlers Jdbi builds at attach time hold only configuration, which is read, never written, while a statement
 * runs (every statement takes its own copy), so one attached DAO may serve many threads.
 */
final class ThreadBoundDaos {

    /** The innermost transaction is on top; a nested transaction on the same handle pushes it again. */
    private static final ThreadLocal<Deque<Bound>> BOUND = ThreadLocal.withInitial(ArrayDeque::new);

    private final Jdbi jdbi;
    private final ConcurrentMap<Class<?>, Object> daos = new ConcurrentHashMap<>();
    private final HandleSupplier routing = new RoutingHandleSupplier();

    ThreadBoundDaos(Jdbi jdbi) {
        this.jdbi = jdbi;
        Extensions extensions = jdbi.getConfig(Extensions.class);
        if (!extensions.hasExtensionFor(HandleSupplier.class)) {
            extensions.register(new HandleSupplierExtension());
        }
    }

    /** Runs work with {@code handle} as the calling thread's current transaction. */
    <R> R bind(Handle handle, Supplier<R> work) {
        Deque<Bound> stack = BOUND.get();
        stack.push(new Bound(handle, handle.attach(HandleSupplier.class)));
        try {
            return work.get();
        } finally {
            stack.pop();
        }
    }

    /** The shared DAO of this type; only while {@code handle} is the calling thread's current transaction. */
    <T> T dao(Handle handle, Class<T> daoType) {
        Bound top = BOUND.get().peek();
        if (top == null || top.handle() != handle) {
            throw new IllegalStateException("a DAO can only be obtained inside its own transaction");
        }
        return daoType.cast(daos.computeIfAbsent(daoType, type -> jdbi.getConfig(Extensions.class)
                .findFor(type, routing)
                .orElseThrow(() -> new IllegalArgumentException("not a Jdbi extension: " + type.getName()))));
    }

    private record Bound(Handle handle, HandleSupplier supplier) {
    }

    private Bound current() {
        Bound top = BOUND.get().peek();
        if (top == null || top.handle().getJdbi() != jdbi) {
            throw new IllegalStateException("DAO called outside a transaction of its database");
        }
        return top;
    }

    /** Routes a shared DAO's calls to the handle bound on the calling thread. */
    private final class RoutingHandleSupplier implements HandleSupplier {

        @Override
        public Handle getHandle() {
            return current().handle();
        }

        @Override
        public Jdbi getJdbi() {
            return jdbi;
        }

        /** Only read when a DAO is attached, to derive its per-method configuration. */
        @Override
        public ConfigRegistry getConfig() {
            return jdbi.getConfig();
        }

        /** The handle's own supplier sets the method's configuration on that handle for the call. */
        @Override
        public <V> V invokeInContext(ExtensionContext extensionContext, Callable<V> task) throws Exception {
            return current().supplier().invokeInContext(extensionContext, task);
        }
    }

    /**
     * Hands out the handle's own {@link HandleSupplier} through {@code handle.attach(HandleSupplier.class)}: Jdbi
     * keeps its constructor private, and only that supplier may switch the handle's extension context.
     */
    private static final class HandleSupplierExtension implements ExtensionFactory {

        @Override
        public boolean accepts(Class<?> extensionType) {
            return extensionType == HandleSupplier.class;
        }

        @Override
        public <E> E attach(Class<E> extensionType, HandleSupplier handleSupplier) {
            return extensionType.cast(handleSupplier);
        }

        @Override
        public Set<FactoryFlag> getFactoryFlags() {
            return EnumSet.of(FactoryFlag.DONT_USE_PROXY);
        }
    }
}
