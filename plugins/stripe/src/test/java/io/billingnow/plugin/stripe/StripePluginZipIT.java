package io.billingnow.plugin.stripe;

import io.billingnow.sdk.testkit.PluginZipContract;

class StripePluginZipIT extends PluginZipContract {

    @Override
    protected String expectedProviderId() {
        return "stripe";
    }
}
