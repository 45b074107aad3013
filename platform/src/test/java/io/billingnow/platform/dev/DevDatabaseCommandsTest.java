package io.billingnow.platform.dev;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.billingnow.platform.app.BillingNowApplication;
import io.billingnow.platform.audit.AuditLog;
import io.billingnow.platform.identity.auth.OperatorCaller;
import io.billingnow.platform.db.DatabaseRoles;
import io.billingnow.platform.db.Databases;
import io.billingnow.platform.db.SchemaMigrator;
import io.billingnow.platform.core.tx.TenantTransactions;
import io.billingnow.platform.json.JsonConventions;
import io.billingnow.platform.tenancy.TenantDefinition;
import io.billingnow.platform.tenancy.TenantService;
import io.billingnow.platform.core.TenantId;
import io.billingnow.platform.tenancy.TenantSettings;
import io.dropwizard.jackson.Jackson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code billingnow audit verify} and {@code operators create-token} run as the launcher runs them (their own JVM, in
 * the directory of {@code ./data}) with no configuration file: on the dev database, whether {@code billingnow dev}
 * is running or not.
 */
class DevDatabaseCommandsTest {

    private static final ObjectMapper JSON = JsonConventions.apply(Jackson.newObjectMapper());

    @TempDir
    Path workdir;

    @Test
    void commandsUseTheDevDatabaseWithoutAConfigurationFileWhetherDevRunsOrNot() throws Exception {
        Path data = workdir.resolve("data");
        try (EmbeddedDatabase running = EmbeddedDatabase.start(data)) {
            aMigratedDatabaseWithOneTenant(running.jdbcUrl());

            // While "billingnow dev" (here: this JVM) owns the cluster, the command uses it and leaves it running.
            ChildJvm.Result attached = billingnow("audit", "verify", "--all");
            assertThat(attached.exitCode()).as(attached.output()).isZero();
            assertThat(attached.output()).contains("devshop: 1 entries checked, intact");
            assertThat(StaleCluster.read(EmbeddedDatabase.cluster(data)).orElseThrow().port())
                    .isEqualTo(running.port());
        }

        // Nothing running: the command starts the dev cluster for itself and stops it again.
        ChildJvm.Result own = billingnow("audit", "verify", "--tenant", "devshop");
        assertThat(own.exitCode()).as(own.output()).isZero();
        assertThat(own.output()).contains("devshop: 1 entries checked, intact");
        ChildJvm.Result token = billingnow("operators", "create-token", "--name", "ops", "--role", "auditor");
        assertThat(token.exitCode()).as(token.output()).isZero();
        assertThat(token.output()).contains("Role:       auditor").containsPattern("bno_|Token \\(shown once");
        assertThat(Files.exists(EmbeddedDatabase.cluster(data).resolve(StaleCluster.PID_FILE)))
                .as("the cluster a command started is stopped after it").isFalse();
    }

    @Test
    void withoutAConfigurationFileOrDevDataTheCommandSaysWhatToDoInOneLine() throws Exception {
        ChildJvm.Result result = billingnow("audit", "verify", "--all");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("No configuration file given and no ./data of `billingnow dev` here")
                .doesNotContain("Exception").doesNotContain("\tat ");
    }

    private ChildJvm.Result billingnow(String... args) throws Exception {
        return ChildJvm.run(ChildJvm.java(workdir, BillingNowApplication.class.getName(), args));
    }

    private static void aMigratedDatabaseWithOneTenant(String jdbcUrl) throws Exception {
        try (Connection owner = DriverManager.getConnection(jdbcUrl, DatabaseRoles.OWNER, "")) {
            SchemaMigrator.migrate(owner);
        }
        Jdbi jdbi = Databases.configure(Jdbi.create(jdbcUrl, DatabaseRoles.APP, ""));
        TenantService tenants = new TenantService(new AuditLog(JSON, Clock.systemUTC()), Clock.systemUTC());
        new TenantTransactions(jdbi).write(TenantId.random(), tx -> tenants.provision(tx,
                new TenantDefinition("devshop", "Dev Shop", "DE", "EUR", TenantSettings.defaults()),
                new OperatorCaller("test", false)));
    }
}
