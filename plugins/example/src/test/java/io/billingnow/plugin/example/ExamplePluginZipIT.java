package io.billingnow.plugin.example;

import io.billingnow.sdk.testkit.PluginZipContract;

/** Loads the packaged zip with PF4J exactly as the host will, after `package`. */
class ExamplePluginZipIT extends PluginZipContract {

    @Override
    protected String expectedProviderId() {
        return "example-bank-transfer";
    }
}
