package io.billingnow.platform.cli;

import io.billingnow.platform.core.CommandFailure;
import io.billingnow.platform.protection.monitoring.Lockouts;
import io.billingnow.platform.protection.monitoring.SecurityEvent;
import io.billingnow.platform.protection.monitoring.SecurityEventKind;
import io.billingnow.platform.protection.monitoring.SecurityEvents;
import io.billingnow.platform.config.BillingNowConfiguration;
import io.billingnow.platform.core.tx.PlatformTransactions;
import io.billingnow.platform.protection.ratelimit.RouteClass;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code billingnow security lockouts list CONFIG.yml} and
 * {@code billingnow security lockouts lift CONFIG.yml [--route-class C] [--target T]}: the operator's way to see and
 * lift lockouts without any HTTP credential (for instance when every operator token is refused). Works on the shared
 * {@code security_lockouts} table, so a lift takes effect on every node at once.
 */
public final class LockoutsCommand extends ConfiguredCommand<BillingNowConfiguration> {

    private final boolean lift;
    private final PrintStream out;

    private LockoutsCommand(String name, String description, boolean lift, PrintStream out) {
        super(name, description);
        this.lift = lift;
        this.out = out;
    }

    public static LockoutsCommand list() {
        return new LockoutsCommand("list", "List the lockouts in force", false, System.out);
    }

    public static LockoutsCommand lift() {
        return new LockoutsCommand("lift", "Lift lockouts: all of them, or those of a route class and/or target",
                true, System.out);
    }

    @Override
    public void configure(Subparser subparser) {
        super.configure(subparser);
        if (lift) {
            subparser.addArgument("--route-class").dest("routeClass")
                    .choices(Arrays.stream(RouteClass.values()).map(RouteClass::wireName).toList())
                    .help("only lockouts on this route class");
            subparser.addArgument("--target").dest("target")
                    .help("only this target, e.g. address:203.0.113.7 or credential:<fingerprint>");
        }
    }

    @Override
    protected void run(Bootstrap<BillingNowConfiguration> bootstrap, Namespace namespace,
                       BillingNowConfiguration configuration) throws Exception {
        try (CommandDatabase database = new CommandDatabase(configuration.getDatabase())) {
            Lockouts lockouts = new Lockouts(new PlatformTransactions(database.jdbi()), Clock.systemUTC());
            if (!lift) {
                for (Lockouts.Lockout l : lockouts.list()) {
                    out.println(l.routeClass() + "\t" + l.target() + "\tuntil " + l.until() + "\t" + l.reason());
                }
                out.flush();
                return;
            }
            String target = namespace.getString("target");
            if (target != null && (target.isBlank() || target.length() > 200)) {
                throw new CommandFailure("--target must be 1 to 200 characters");
            }
            int lifted = lockouts.lift(namespace.getString("routeClass"), target);
            // No server here to record through: the lift goes straight into the platform's list of events.
            SecurityEvents.insert(new PlatformTransactions(database.jdbi()), new SecurityEvent(
                    SecurityEventKind.LOCKOUT_LIFTED, null, null, null, target,
                    lifted + " lifted from the command line"), Instant.now(), null);
            out.println("Lifted " + lifted + " lockout" + (lifted == 1 ? "" : "s"));
            out.flush();
        }
    }

    @Override
    public void onError(Cli cli, Namespace namespace, Throwable e) {
        Commands.reportError(cli, namespace, e);
    }
}
