package io.billingnow.platform.web.audit;

import io.billingnow.platform.audit.AuditChainVerifier;
import io.billingnow.platform.audit.AuditEventView;
import io.billingnow.platform.audit.AuditTrail;
import io.billingnow.platform.web.shell.FormErrors;
import io.billingnow.platform.web.shell.TenantPage;
import io.billingnow.platform.web.shell.TenantShell;
import io.billingnow.platform.web.shell.WebContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The audit page: the filter form, one page of events (who, what, which entity, the states before and after as the
 * JSON that was hashed), the link to the next page, and the chain verification's result when it was run.
 */
public final class AuditPage extends TenantPage {

    private final AuditPageResource.Filter filter;
    private final AuditTrail.Page events;
    private final AuditChainVerifier.Result verification;
    private final FormErrors errors;
    private final DateTimeFormatter times;

    AuditPage(WebContext context, TenantShell shell, AuditPageResource.Filter filter, AuditTrail.Page events,
              AuditChainVerifier.Result verification, FormErrors errors) {
        super("audit.mustache", context, shell, context.messages().all().get("audit_title"));
        this.filter = filter;
        this.events = events;
        this.verification = verification;
        this.errors = errors;
        this.times = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(context.locale());
    }

    public List<Map<String, String>> events() {
        return events.data().stream().map(event -> {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("seq", Long.toString(event.seq()));
            row.put("when", times.format(event.occurredAt().atZone(ZoneOffset.UTC).toLocalDateTime()) + " UTC");
            row.put("actor", party(event.actor()));
            row.put("entityType", event.entity().type());
            row.put("entityId", event.entity().id());
            row.put("entityHref", base() + "audit?entityType=" + encode(event.entity().type()) + "&entityId="
                    + encode(event.entity().id()));
            row.put("action", event.action());
            row.put("before", event.before() == null ? "" : event.before().toPrettyString());
            row.put("after", event.after() == null ? "" : event.after().toPrettyString());
            row.put("requestId", event.requestId() == null ? "" : event.requestId());
            row.put("hash", event.hash());
            return row;
        }).toList();
    }

    public boolean noEvents() {
        return events.data().isEmpty();
    }

    public String entityType() {
        return filter.entityType() == null ? "" : filter.entityType();
    }

    public String entityId() {
        return filter.entityId() == null ? "" : filter.entityId();
    }

    public boolean filtered() {
        return filter.entityType() != null || filter.entityId() != null || filter.cursor() != null;
    }

    /** The next page's address (the same filter, the API's cursor), or null on the last page. */
    public String nextPage() {
        if (events.nextCursor() == null) {
            return null;
        }
        StringBuilder query = new StringBuilder(base()).append("audit?cursor=").append(encode(events.nextCursor()));
        if (filter.entityType() != null && filter.entityId() != null) {
            query.append("&entityType=").append(encode(filter.entityType()))
                    .append("&entityId=").append(encode(filter.entityId()));
        }
        return query.toString();
    }

    public boolean verified() {
        return verification != null;
    }

    public boolean intact() {
        return verification != null && verification.intact();
    }

    /** "The chain is intact up to event N", or where it breaks and why (the verifier's own words). */
    public String verificationText() {
        if (verification == null) {
            return null;
        }
        if (verification.intact()) {
            return messages().format("audit_chain_intact", verification.entriesChecked());
        }
        return messages().format("audit_chain_broken", verification.entriesChecked(), verification.brokenSeq(),
                verification.problem());
    }

    public FormErrors errors() {
        return errors;
    }

    private String party(AuditEventView.Party party) {
        return party.id() == null ? party.type() : party.type() + " " + party.id();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
