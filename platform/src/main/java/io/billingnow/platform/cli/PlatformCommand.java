package io.billingnow.platform.cli;

import io.billingnow.platform.config.BillingNowConfiguration;
import io.billingnow.platform.dev.DevDatabase;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import net.sourceforge.argparse4j.inf.Namespace;

/**
 * A one-shot command on the platform's configuration: {@code billingnow GROUP NAME [CONFIG.yml] …}. Without a
 * configuration file it runs on the dev configuration and database when {@code ./data} of {@code billingnow dev}
 * is here ({@link DevDatabase}); errors are reported the commands' way ({@link Commands#reportError}).
 */
public abstract class PlatformCommand extends ConfiguredCommand<BillingNowConfiguration> {

    protected PlatformCommand(String name, String description) {
        super(name, description);
    }

    @Override
    public void run(Bootstrap<?> bootstrap, Namespace namespace) throws Exception {
        try (AutoCloseable dev = DevDatabase.whenNoConfigurationFile(namespace, System.err)) {
            super.run(bootstrap, namespace);
        }
    }

    @Override
    public void onError(Cli cli, Namespace namespace, Throwable e) {
        Commands.reportError(cli, namespace, e);
    }
}
