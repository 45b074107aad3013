package io.billingnow.platform.cli;

import io.billingnow.platform.core.CommandFailure;
import io.billingnow.platform.core.errors.DomainException;
import io.billingnow.platform.identity.members.FirstOwnerInvitations;
import io.billingnow.platform.identity.members.Invitations;
import io.billingnow.platform.identity.members.MemberService;
import io.billingnow.platform.config.BillingNowConfiguration;
import io.billingnow.platform.audit.AuditLog;
import io.billingnow.platform.identity.auth.OperatorCaller;
import io.billingnow.platform.core.tx.PlatformTransactions;
import io.billingnow.platform.core.tx.TenantTransactions;
import io.billingnow.platform.tenancy.Tenant;
import io.billingnow.platform.tenancy.Tenants;
import io.dropwizard.core.setup.Bootstrap;
import java.io.PrintStream;
import java.time.Clock;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code billingnow tenants invite-owner [CONFIG.yml] --tenant SLUG --email ADDRESS}: the command-line twin of
 * {@code POST /admin/v1/tenants/{id}/owner-invitations} ({@link FirstOwnerInvitations}), for an operator at the
 * server. Prints the invitation, never a token.
 */
public final class InviteOwnerCommand extends PlatformCommand {

    private final PrintStream out;

    public InviteOwnerCommand() {
        this(System.out);
    }

    public InviteOwnerCommand(PrintStream out) {
        super("invite-owner", "Invite the first owner of a tenant by email address");
        this.out = out;
    }

    @Override
    public void configure(Subparser subparser) {
        super.configure(subparser);
        subparser.addArgument("--tenant").required(true).metavar("SLUG").help("the tenant");
        subparser.addArgument("--email").required(true).metavar("ADDRESS")
                .help("the address the owner will sign in with (their identity provider must verify it)");
    }

    @Override
    protected void run(Bootstrap<BillingNowConfiguration> bootstrap, Namespace namespace,
                       BillingNowConfiguration configuration) throws Exception {
        try (CommandDatabase database = new CommandDatabase(configuration.getDatabase())) {
            Clock clock = Clock.systemUTC();
            String slug = namespace.getString("tenant");
            Tenant tenant = Tenants.bySlug(new PlatformTransactions(database.jdbi()), slug)
                    .orElseThrow(() -> new CommandFailure("no tenant with slug " + slug));
            FirstOwnerInvitations invitations = new FirstOwnerInvitations(new Invitations(new AuditLog(bootstrap.getObjectMapper(), clock), clock,
                            configuration.getSignIn().getInvitationLifetime()));
            MemberService.Invitation invitation;
            try {
                OperatorCaller operator = new OperatorCaller("cli:" + System.getProperty("user.name"), false);
                invitation = new TenantTransactions(database.jdbi()).write(tenant.id(),
                        tx -> invitations.invite(tx, operator, namespace.getString("email")));
            } catch (DomainException e) {
                throw new CommandFailure(e.getMessage());
            }
            out.println("Invited " + invitation.email() + " as the first owner of " + tenant.slug()
                    + " (invitation " + invitation.id() + ", open until " + invitation.expiresAt() + ").");
            out.println("No email is sent: ask them to sign in at " + configuration.getPlatform().getPublicBaseUrl()
                    + " with that address and accept it (GET /v1/me/invitations, then"
                    + " POST /v1/me/invitations/{id}/accept).");
            out.flush();
        }
    }
}
