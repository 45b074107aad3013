package io.billingnow.plugin.adyen;

import io.billingnow.sdk.testkit.PluginZipContract;

class AdyenPluginZipIT extends PluginZipContract {

    @Override
    protected String expectedProviderId() {
        return "adyen";
    }
}
