package io.billingnow.platform.cli;

import io.billingnow.platform.core.CommandFailure;
import io.billingnow.platform.identity.operators.OperatorTokens;
import io.billingnow.platform.config.BillingNowConfiguration;
import io.billingnow.platform.core.tx.PlatformTransactions;
import io.dropwizard.core.setup.Bootstrap;
import java.io.PrintStream;
import java.time.Clock;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code billingnow operators create-token [CONFIG.yml] --name NAME --role operator|auditor [--expires-days N]}:
 * the way the first operator credential comes into being (the console cannot issue one without a credential already).
 * Prints the token once; only its hash is stored.
 */
public final class CreateOperatorTokenCommand extends PlatformCommand {

    private final PrintStream out;

    public CreateOperatorTokenCommand() {
        this(System.out);
    }

    /** Tests capture the token through their own stream. */
    public CreateOperatorTokenCommand(PrintStream out) {
        super("create-token", "Create an operator or auditor token for the admin console and print it once");
        this.out = out;
    }

    @Override
    public void configure(Subparser subparser) {
        super.configure(subparser);
        subparser.addArgument("--name").required(true).help("who or what the token is for");
        subparser.addArgument("--role").required(true).choices("operator", "auditor")
                .help("operator (read and change) or auditor (read only)");
        subparser.addArgument("--expires-days").dest("expiresDays").type(Integer.class).metavar("N")
                .help("days until the token expires (default: never)");
    }

    @Override
    protected void run(Bootstrap<BillingNowConfiguration> bootstrap, Namespace namespace,
                       BillingNowConfiguration configuration) throws Exception {
        try (CommandDatabase database = new CommandDatabase(configuration.getDatabase())) {
            OperatorTokens tokens = new OperatorTokens(new PlatformTransactions(database.jdbi()), Clock.systemUTC());
            OperatorTokens.Issued issued;
            try {
                issued = tokens.issue(namespace.getString("name"), namespace.getString("role"),
                        namespace.getInt("expiresDays"));
            } catch (IllegalArgumentException e) {
                throw new CommandFailure(e.getMessage());
            }
            out.println("Token id:   " + issued.token().id());
            out.println("Role:       " + issued.token().role());
            out.println("Expires at: " + (issued.token().expiresAt() == null ? "never" : issued.token().expiresAt()));
            out.println("Token (shown once, store it now):");
            out.println(issued.secret());
            out.flush();
        }
    }
}
