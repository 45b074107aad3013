package io.billingnow.platform.db;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;

/**
 * Transactions on platform-level tables (the tenant registry, operators) that belong to no tenant. No tenant is set,
 * so row-level security hides every tenant row from this path: it cannot read tenant data even by mistake.
 */
public final class PlatformTransactions {

    private final Jdbi jdbi;

    public PlatformTransactions(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public <R> R inTransaction(HandleCallback<R, RuntimeException> work) {
        return jdbi.inTransaction(work);
    }

    public <T, R> R withDao(Class<T> daoType, java.util.function.Function<T, R> work) {
        return jdbi.inTransaction(handle -> work.apply(handle.attach(daoType)));
    }

    /** Opens a handle for use by code that manages its own transaction (health checks, for instance). */
    public Handle open() {
        return jdbi.open();
    }
}
