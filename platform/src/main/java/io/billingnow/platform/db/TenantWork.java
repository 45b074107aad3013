package io.billingnow.platform.db;

/** Work done inside one tenant-scoped transaction. */
@FunctionalInterface
public interface TenantWork<R> {
    R run(TenantHandle tx);
}
