package io.billingnow.sdk.testkit;

import io.billingnow.sdk.Headers;
import io.billingnow.sdk.http.HttpRequest;
import io.billingnow.sdk.http.HttpResponse;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TransportAndFakeServerTest {

    @Test
    void transportRoundTripsThroughTheFakeAndRecordsTheRequest() throws Exception {
        try (FakeHttpServer fake = FakeHttpServer.start(r -> FakeHttpServer.Reply.json(201, "{\"ok\":true}"))) {
            HttpResponse response = new LoopbackHttpTransport().send(HttpRequest.post(
                    fake.baseUri().resolve("/v1/things?x=1"), Headers.of("Authorization", "Bearer k",
                            "Content-Type", "application/json"), "{\"a\":1}"));
            assertThat(response.status()).isEqualTo(201);
            assertThat(response.bodyText()).isEqualTo("{\"ok\":true}");
            assertThat(response.headers().first("content-type")).contains("application/json");
            FakeHttpServer.Received received = fake.received().get(0);
            assertThat(received.method()).isEqualTo("POST");
            assertThat(received.path()).isEqualTo("/v1/things");
            assertThat(received.query()).isEqualTo("x=1");
            assertThat(received.headers().first("authorization")).contains("Bearer k");
            assertThat(received.bodyText()).isEqualTo("{\"a\":1}");
        }
    }

    @Test
    void transportRefusesNonLoopbackDestinations() {
        assertThatThrownBy(() -> new LoopbackHttpTransport().send(HttpRequest.get(
                URI.create("https://192.0.2.1/v1/balance"), Headers.EMPTY)))
                .isInstanceOf(IOException.class).hasMessageContaining("loopback");
    }
}
