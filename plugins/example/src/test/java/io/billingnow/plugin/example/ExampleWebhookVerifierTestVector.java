package io.billingnow.plugin.example;

/** The README's test vector, computed once with an independent tool (openssl) and pinned here. */
final class ExampleWebhookVerifierTestVector {

    static final String EXPECTED_HEX = "2c74da198691f312dc892ff51498fab8b1d45ba3e51368510399b2a9cf471cb8";

    private ExampleWebhookVerifierTestVector() {
    }
}
