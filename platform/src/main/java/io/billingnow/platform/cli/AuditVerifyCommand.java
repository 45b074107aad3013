package io.billingnow.platform.cli;

import io.billingnow.platform.tenancy.Tenants;
import io.billingnow.platform.core.CommandFailure;
import io.billingnow.platform.audit.AuditChainVerifier;
import io.billingnow.platform.config.BillingNowConfiguration;
import io.billingnow.platform.core.tx.PlatformTransactions;
import io.billingnow.platform.core.tx.TenantTransactions;
import io.billingnow.platform.tenancy.Tenant;
import io.dropwizard.core.setup.Bootstrap;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import net.sourceforge.argparse4j.impl.Arguments;
import net.sourceforge.argparse4j.inf.MutuallyExclusiveGroup;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code billingnow audit verify [CONFIG.yml] --tenant SLUG | --all}: recomputes each tenant's hash chain and prints the
 * entries checked and "intact", or the first broken link. Exits non-zero when any chain is broken.
 */
public final class AuditVerifyCommand extends PlatformCommand {

    private static final int PAGE = 200;

    private final PrintStream out;

    public AuditVerifyCommand() {
        this(System.out);
    }

    /** Tests capture the report through their own stream. */
    public AuditVerifyCommand(PrintStream out) {
        super("verify", "Verify the audit hash chain of one tenant or of all tenants");
        this.out = out;
    }

    @Override
    public void configure(Subparser subparser) {
        super.configure(subparser);
        MutuallyExclusiveGroup which = subparser.addMutuallyExclusiveGroup("tenants").required(true);
        which.addArgument("--tenant").metavar("SLUG").help("the tenant to verify");
        which.addArgument("--all").action(Arguments.storeTrue()).help("verify every tenant");
    }

    @Override
    protected void run(Bootstrap<BillingNowConfiguration> bootstrap, Namespace namespace,
                       BillingNowConfiguration configuration) throws Exception {
        try (CommandDatabase database = new CommandDatabase(configuration.getDatabase())) {
            PlatformTransactions platform = new PlatformTransactions(database.jdbi());
            AuditChainVerifier verifier = new AuditChainVerifier(new TenantTransactions(database.jdbi()));
            List<Tenant> tenants = namespace.getBoolean("all") ? allTenants(platform)
                    : List.of(oneTenant(platform, namespace.getString("tenant")));
            int broken = 0;
            for (Tenant tenant : tenants) {
                AuditChainVerifier.Result result = verifier.verify(tenant.id());
                if (result.intact()) {
                    out.printf("%s: %d entries checked, intact%n", tenant.slug(), result.entriesChecked());
                } else {
                    broken++;
                    out.printf("%s: %d entries checked, BROKEN at seq %d: %s%n", tenant.slug(),
                            result.entriesChecked(), result.brokenSeq(), result.problem());
                }
            }
            out.flush();
            if (broken > 0) {
                throw new CommandFailure("audit chain broken for " + broken + " of " + tenants.size() + " tenant(s)");
            }
        }
    }

    private static Tenant oneTenant(PlatformTransactions platform, String slug) {
        return Tenants.bySlug(platform, slug)
                .orElseThrow(() -> new CommandFailure("no tenant with slug " + slug));
    }

    private static List<Tenant> allTenants(PlatformTransactions platform) {
        List<Tenant> all = new ArrayList<>();
        String after = "";
        while (true) {
            String from = after;
            List<Tenant> page = Tenants.page(platform, from, PAGE);
            all.addAll(page);
            if (page.size() < PAGE) {
                return all;
            }
            after = page.get(page.size() - 1).slug();
        }
    }
}
