package io.billingnow.plugin.gocardless;

import io.billingnow.sdk.testkit.PluginZipContract;

class GoCardlessPluginZipIT extends PluginZipContract {

    @Override
    protected String expectedProviderId() {
        return "gocardless";
    }
}
