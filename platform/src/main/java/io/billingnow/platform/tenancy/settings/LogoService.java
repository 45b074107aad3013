package io.billingnow.platform.tenancy.settings;

import io.billingnow.platform.audit.AuditEvent;
import io.billingnow.platform.audit.AuditLog;
import io.billingnow.platform.core.errors.DomainException;
import io.billingnow.platform.core.tx.TenantHandle;
import io.billingnow.platform.identity.auth.Caller;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A business's logo: set (checked and re-encoded by {@link LogoImages}), read, removed; each change audited in the
 * tenant's trail (the logo's description, never its bytes).
 */
public final class LogoService {

    private final AuditLog audit;
    private final Clock clock;

    public LogoService(AuditLog audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    /** The logo's description, or null when the business has none. */
    public LogoInfo info(TenantHandle tx) {
        return Logos.info(tx);
    }

    public Optional<Logo> get(TenantHandle tx) {
        LogoDao dao = tx.dao(LogoDao.class);
        return dao.info(tx.tenant().value())
                .flatMap(info -> dao.image(tx.tenant().value()).map(image -> new Logo(info, image)));
    }

    /**
     * Replaces the logo by {@code upload}, whatever type the request declared: refused with 413 {@code logo-too-large}
     * or 422 {@code invalid-logo} unless it is a PNG or JPEG within the limits.
     */
    public LogoInfo put(TenantHandle tx, byte[] upload, Caller actor) {
        LogoImages.Checked checked = LogoImages.check(upload);
        LogoDao dao = tx.dao(LogoDao.class);
        LogoInfo before = dao.info(tx.tenant().value()).orElse(null);
        dao.put(tx.tenant().value(), checked.contentType(), checked.image(), checked.width(), checked.height(),
                sha256(checked.image()), clock.instant());
        LogoInfo after = dao.info(tx.tenant().value()).orElseThrow();
        audit.append(tx, new AuditEvent(actor.actorType(), actor.actorId(), "tenant", tx.tenant().toString(),
                "tenant.logo_updated", before, after));
        return after;
    }

    public void remove(TenantHandle tx, Caller actor) {
        LogoDao dao = tx.dao(LogoDao.class);
        LogoInfo before = dao.info(tx.tenant().value()).orElseThrow(() -> DomainException.notFound("Logo"));
        dao.delete(tx.tenant().value());
        audit.append(tx, new AuditEvent(actor.actorType(), actor.actorId(), "tenant", tx.tenant().toString(),
                "tenant.logo_removed", before, null));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
