package io.billingnow.platform.identity.operators;

import static io.billingnow.platform.testing.Responses.status;
import static org.assertj.core.api.Assertions.assertThat;

import io.billingnow.platform.identity.auth.SecretTokens;
import io.billingnow.platform.testing.CommandLine;
import io.billingnow.platform.testing.TestPlatform;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.core.Response;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(DropwizardExtensionsSupport.class)
class OperatorTokensTest {

    private static final Pattern TOKEN = Pattern.compile("^(bno_[A-Za-z0-9_-]{43})$", Pattern.MULTILINE);
    private static final Pattern TOKEN_ID = Pattern.compile("Token id: +([0-9a-f-]{36})");

    static final TestPlatform platform = new TestPlatform();

    @RegisterExtension
    static final DropwizardAppExtension<?> APP = platform.app();

    @TempDir
    static Path temp;

    @Test
    void aTokenFromTheCommandOpensTheConsoleAndOnlyItsHashIsStored() throws SQLException {
        CommandLine.Outcome outcome = createToken("--name", "alice", "--role", "operator");

        assertThat(outcome.succeeded()).isTrue();
        String token = token(outcome);
        assertThat(status(platform.get("/admin/v1/tenants", token))).isEqualTo(200);
        try (Connection c = platform.database().superuserConnection();
             PreparedStatement ps = c.prepareStatement("SELECT token_hash, role, expires_at FROM operator_tokens "
                     + "WHERE id = ?")) {
            ps.setObject(1, UUID.fromString(tokenId(outcome)));
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getBytes("token_hash")).isEqualTo(SecretTokens.hash(token));
                assertThat(rs.getString("role")).isEqualTo("operator");
                assertThat(rs.getObject("expires_at")).isNull();
            }
        }
    }

    @Test
    void anAuditorTokenCanReadTenantsButNotManageTokens() {
        String auditor = token(createToken("--name", "external auditor", "--role", "auditor"));

        assertThat(status(platform.get("/admin/v1/tenants", auditor))).isEqualTo(200);
        assertThat(status(platform.get("/admin/v1/operator-tokens", auditor))).isEqualTo(403);
        assertThat(status(platform.request("/admin/v1/operator-tokens/" + UUID.randomUUID(), auditor).delete()))
                .isEqualTo(403);
    }

    @Test
    void anExpiringTokenRecordsItsExpiry() {
        CommandLine.Outcome outcome = createToken("--name", "temporary", "--role", "operator", "--expires-days", "7");
        String id = tokenId(outcome);

        Map<String, Object> listed = listed(platform.operatorToken(false), id);

        Instant expiresAt = Instant.parse((String) listed.get("expiresAt"));
        assertThat(Duration.between(Instant.now(), expiresAt)).isBetween(Duration.ofDays(7).minusMinutes(5),
                Duration.ofDays(7));
    }

    @Test
    void theListShowsNamesAndRolesButNoSecret() {
        CommandLine.Outcome outcome = createToken("--name", "bob", "--role", "auditor");

        Map<String, Object> listed = listed(platform.operatorToken(false), tokenId(outcome));

        assertThat(listed).containsEntry("name", "bob").containsEntry("role", "auditor")
                .containsOnlyKeys("id", "name", "role", "createdAt");
        assertThat(listed.toString()).doesNotContain(token(outcome));
    }

    @Test
    void aRevokedTokenStopsWorkingAtOnce() {
        CommandLine.Outcome outcome = createToken("--name", "leaving", "--role", "operator");
        String leaving = token(outcome);
        String admin = platform.operatorToken(false);
        assertThat(status(platform.get("/admin/v1/tenants", leaving))).isEqualTo(200);

        Response revoked = platform.request("/admin/v1/operator-tokens/" + tokenId(outcome), admin).delete();

        assertThat(revoked.getStatus()).isEqualTo(200);
        assertThat(revoked.readEntity(Map.class).get("revokedAt")).isNotNull();
        assertThat(status(platform.get("/admin/v1/tenants", leaving))).isEqualTo(401);
        assertThat(listed(admin, tokenId(outcome))).containsKey("revokedAt");
    }

    @Test
    void revokingAnUnknownTokenAnswers404() {
        Response response = platform.request("/admin/v1/operator-tokens/" + UUID.randomUUID(),
                platform.operatorToken(false)).delete();
        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(response.readEntity(Map.class)).containsEntry("status", 404);
    }

    @Test
    void theCommandRefusesAnUnknownRoleOrAnImpossibleExpiry() {
        assertThat(createToken("--name", "x", "--role", "superuser").succeeded()).isFalse();
        CommandLine.Outcome expiry = createToken("--name", "x", "--role", "operator", "--expires-days", "0");
        assertThat(expiry.succeeded()).isFalse();
        assertThat(expiry.err()).contains("--expires-days must be between 1 and 3650");
        assertThat(expiry.out()).doesNotContain("bno_");
    }

    private static CommandLine.Outcome createToken(String... options) {
        String[] args = new String[3 + options.length];
        args[0] = "operators";
        args[1] = "create-token";
        args[2] = CommandLine.configFile(platform.database(), temp).toString();
        System.arraycopy(options, 0, args, 3, options.length);
        return CommandLine.run(args);
    }

    private static String token(CommandLine.Outcome outcome) {
        Matcher m = TOKEN.matcher(outcome.out());
        assertThat(m.find()).as("a token in: %s", outcome.out()).isTrue();
        return m.group(1);
    }

    private static String tokenId(CommandLine.Outcome outcome) {
        Matcher m = TOKEN_ID.matcher(outcome.out());
        assertThat(m.find()).as("a token id in: %s", outcome.out()).isTrue();
        return m.group(1);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> listed(String operator, String id) {
        Response response = platform.get("/admin/v1/operator-tokens", operator);
        assertThat(response.getStatus()).isEqualTo(200);
        List<Map<String, Object>> data = (List<Map<String, Object>>) response.readEntity(Map.class).get("data");
        return data.stream().filter(t -> id.equals(t.get("id"))).findFirst().orElseThrow();
    }
}
