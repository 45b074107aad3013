package io.billingnow.platform.dev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.billingnow.platform.core.CommandFailure;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dev cluster with real PostgreSQL processes: durable settings, and a restart after the platform was killed
 * hard (the embedded PostgreSQL is a process of its own and outlives a {@code kill -9} of the JVM).
 */
class EmbeddedDatabaseTest {

    @TempDir
    Path workdir;

    @Test
    void theDevClusterRunsWithFsyncAndSynchronousCommitOn() throws Exception {
        try (EmbeddedDatabase database = EmbeddedDatabase.start(workdir.resolve("data"))) {
            assertThat(show(database, "fsync")).isEqualTo("on");
            assertThat(show(database, "synchronous_commit")).isEqualTo("on");
        }
    }

    @Test
    void aClusterOrphanedByAKilledPlatformIsStoppedAndTheNextStartKeepsItsData() throws Exception {
        Path data = workdir.resolve("data");
        Process owner = ChildJvm.clusterOwner(data);
        ChildJvm.killHard(owner);
        StaleCluster.Postmaster orphan = StaleCluster.read(EmbeddedDatabase.cluster(data)).orElseThrow();
        assertThat(orphan.runningFor(EmbeddedDatabase.cluster(data))).as("PostgreSQL outlives the killed JVM").isTrue();

        ByteArrayOutputStream said = new ByteArrayOutputStream();
        try (EmbeddedDatabase database = EmbeddedDatabase.start(data,
                new PrintStream(said, true, StandardCharsets.UTF_8))) {
            // Stopped, not merely bypassed: its port is closed and the cluster's pid file names the new postmaster.
            assertThat(acceptsConnections(orphan.port())).isFalse();
            assertThat(StaleCluster.read(EmbeddedDatabase.cluster(data)).orElseThrow().pid())
                    .isNotEqualTo(orphan.pid());
            assertThat(said.toString(StandardCharsets.UTF_8)).contains("pid " + orphan.pid());
            try (Connection c = DriverManager.getConnection(database.jdbcUrl(), "postgres", "");
                 Statement s = c.createStatement();
                 ResultSet rows = s.executeQuery("SELECT note FROM survivor")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("written before the kill");
            }
        }
    }

    @Test
    void aPidFileOfAPostmasterThatIsGoneIsRemovedAndTheClusterStarts() throws Exception {
        Path data = workdir.resolve("data");
        EmbeddedDatabase.start(data).close();
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor(10, TimeUnit.SECONDS);
        Path cluster = EmbeddedDatabase.cluster(data);
        Files.writeString(cluster.resolve(StaleCluster.PID_FILE),
                gone.pid() + "\n" + cluster + "\n1700000000\n5999\n/tmp\nlocalhost\n  1 2\nready   \n");

        try (EmbeddedDatabase database = EmbeddedDatabase.start(data)) {
            assertThat(show(database, "fsync")).isEqualTo("on");
        }
    }

    @Test
    void aClusterAnotherRunningDevOwnsIsLeftAloneAndTheStartRefusedInOneLine() throws Exception {
        Path data = workdir.resolve("data");
        Process owner = ChildJvm.clusterOwner(data);
        try {
            int port = StaleCluster.read(EmbeddedDatabase.cluster(data)).orElseThrow().port();
            assertThatThrownBy(() -> EmbeddedDatabase.start(data))
                    .isInstanceOf(CommandFailure.class)
                    .hasMessageContaining("in use by another running `billingnow dev`")
                    .hasMessageNotContaining("\n");
            assertThat(acceptsConnections(port)).as("the other dev's PostgreSQL still runs").isTrue();
        } finally {
            ChildJvm.killHard(owner);
            EmbeddedDatabase.start(data).close(); // stops the orphan it leaves
        }
    }

    @Test
    void billingnowDevStartedTwiceOnTheSameDataSaysWhatToDoInOneLineInsteadOfAStackTrace() throws Exception {
        Path data = workdir.resolve("data");
        Process first = ChildJvm.clusterOwner(data);
        try {
            ChildJvm.Result second = ChildJvm.run(ChildJvm.java(workdir,
                    io.billingnow.platform.app.BillingNowApplication.class.getName(), "dev"));

            assertThat(second.exitCode()).isNotZero();
            assertThat(second.output()).contains("is in use by another running `billingnow dev`")
                    .doesNotContain("\tat ").doesNotContain("Exception");
        } finally {
            ChildJvm.killHard(first);
            EmbeddedDatabase.start(data).close(); // stops the orphan it leaves
        }
    }

    private static boolean acceptsConnections(int port) {
        try (Connection c = DriverManager.getConnection(EmbeddedDatabase.jdbcUrl(port), "postgres", "")) {
            return c.isValid(5);
        } catch (java.sql.SQLException e) {
            return false;
        }
    }

    private static String show(EmbeddedDatabase database, String setting) throws Exception {
        try (Connection c = DriverManager.getConnection(database.jdbcUrl(), "postgres", "");
             Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SHOW " + setting)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
