package io.billingnow.platform.identity.signin;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An impostor in front of the real "google" issuer: its discovery document copies the real issuer, authorization
 * endpoint and key set, but names itself as token endpoint, where it answers with an ID token that is right in every
 * claim yet signed with a key the issuer never published. Its very first discovery request fails, as a briefly
 * unreachable provider would.
 */
final class ForgingProvider {

    static final String CLIENT_ID = "forged-client";

    private final HttpServer server;
    private final KeyPair key;
    private final AtomicBoolean failedOnce = new AtomicBoolean();
    volatile String nonce;
    volatile String subject = "forged-victim";

    ForgingProvider() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            key = generator.generateKeyPair();
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/.well-known/openid-configuration", this::discovery);
        server.createContext("/token", this::token);
        server.start();
    }

    String discoveryUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/.well-known/openid-configuration";
    }

    private void discovery(HttpExchange exchange) throws IOException {
        if (failedOnce.compareAndSet(false, true)) {
            respond(exchange, 503, "{}");
            return;
        }
        var oidc = SignInFixture.OIDC;
        String body = """
                {"issuer":"%s","authorization_endpoint":"%s","token_endpoint":"http://127.0.0.1:%d/token",
                 "jwks_uri":"%s","response_types_supported":["code"],"subject_types_supported":["public"],
                 "id_token_signing_alg_values_supported":["RS256"],"code_challenge_methods_supported":["S256"]}"""
                .formatted(oidc.issuerUrl("google"), oidc.authorizationEndpointUrl("google"),
                        server.getAddress().getPort(), oidc.jwksUrl("google"));
        respond(exchange, 200, body);
    }

    private void token(HttpExchange exchange) throws IOException {
        try {
            String realKeyId = JWKSet.load(new URL(SignInFixture.OIDC.jwksUrl("google").toString())).getKeys().get(0)
                    .getKeyID();
            JWTClaimsSet claims = new JWTClaimsSet.Builder()
                    .issuer(SignInFixture.OIDC.issuerUrl("google").toString())
                    .audience(List.of(CLIENT_ID))
                    .subject(subject)
                    .claim("nonce", nonce)
                    .claim("email", "victim@example.com")
                    .claim("email_verified", true)
                    .issueTime(new Date())
                    .expirationTime(new Date(System.currentTimeMillis() + 3_600_000))
                    .build();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(realKeyId)
                    .type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner((RSAPrivateKey) key.getPrivate()));
            respond(exchange, 200, "{\"access_token\":\"forged\",\"token_type\":\"Bearer\",\"expires_in\":3600,"
                    + "\"id_token\":\"" + jwt.serialize() + "\"}");
        } catch (Exception e) {
            respond(exchange, 500, "{}");
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
