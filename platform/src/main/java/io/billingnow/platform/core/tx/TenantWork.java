package io.billingnow.platform.core.tx;

/** Work done inside one tenant-scoped transaction. */
@FunctionalInterface
public interface TenantWork<R> {
    R run(TenantHandle tx);
}
