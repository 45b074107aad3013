package io.billingnow.platform;

import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;

/**
 * Wires the platform together by hand: no container, every collaborator passed through a constructor.
 */
public class BillingNowApplication extends Application<BillingNowConfiguration> {

    public static void main(String[] args) throws Exception {
        new BillingNowApplication().run(args);
    }

    @Override
    public String getName() {
        return "billingnow";
    }

    @Override
    public void initialize(Bootstrap<BillingNowConfiguration> bootstrap) {
    }

    @Override
    public void run(BillingNowConfiguration configuration, Environment environment) {
    }
}
