package io.billingnow.platform.core.tx;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;

/**
 * Transactions on platform-level tables (the tenant registry, operators) that belong to no tenant. No tenant is set,
 * so row-level security hides every tenant row from this path: it cannot read tenant data even by mistake.
 */
public final class PlatformTransactions {

    private final Jdbi jdbi;
    private final ThreadBoundDaos daos;

    public PlatformTransactions(Jdbi jdbi) {
        this.jdbi = jdbi;
        this.daos = new ThreadBoundDaos(jdbi);
    }

    public <R> R inTransaction(HandleCallback<R, RuntimeException> work) {
        return jdbi.inTransaction(work);
    }

    /**
     * One read of one statement on a connection in autocommit mode: PostgreSQL runs it as a transaction of its own,
     * which saves the BEGIN and COMMIT round trips of {@link #inTransaction}. Hot lookups (credentials, public
     * tokens) use it; anything of more than one statement belongs in {@link #inTransaction}.
     */
    public <R> R lookup(HandleCallback<R, RuntimeException> statement) {
        return jdbi.withHandle(statement);
    }

    /**
     * {@link #lookup} through a DAO: the same autocommit single statement, with the DAO attached once per Jdbi and
     * shared (a DAO attached to a fresh handle would rebuild its metadata on every call of a hot path).
     */
    public <T, R> R lookup(Class<T> daoType, java.util.function.Function<T, R> statement) {
        return jdbi.withHandle(handle -> daos.bind(handle, () -> statement.apply(daos.dao(handle, daoType))));
    }

    /** One statement that writes, in autocommit like {@link #lookup(Class, java.util.function.Function)}. */
    public <T> void autocommit(Class<T> daoType, java.util.function.Consumer<T> statement) {
        jdbi.useHandle(handle -> daos.bind(handle, () -> {
            statement.accept(daos.dao(handle, daoType));
            return null;
        }));
    }

    public <T, R> R withDao(Class<T> daoType, java.util.function.Function<T, R> work) {
        return jdbi.inTransaction(handle -> daos.bind(handle, () -> work.apply(daos.dao(handle, daoType))));
    }

    /** Opens a handle for use by code that manages its own transaction (health checks, for instance). */
    public Handle open() {
        return jdbi.open();
    }
}
