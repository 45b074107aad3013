package io.billingnow.platform.tenancy.settings;

import io.billingnow.platform.core.tx.TenantHandle;

/** What other features read of a business's logo (the page header shows it): its description, never its table. */
public final class Logos {

    private Logos() {
    }

    /** The logo's description in the transaction's tenant, or null when it has none. */
    public static LogoInfo info(TenantHandle tx) {
        return tx.dao(LogoDao.class).info(tx.tenant().value()).orElse(null);
    }
}
