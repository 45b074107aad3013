package io.billingnow.platform.dev;

import io.billingnow.platform.core.CommandFailure;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * What a previous run left in the dev cluster's directory. The embedded PostgreSQL runs as its own process, so a
 * {@code kill -9} of the platform leaves it running with its {@code postmaster.pid}, and the next start would fail.
 * The JVM that owns the cluster holds a file lock on zonky's {@code epg-lock} in the same directory; the operating
 * system releases it when that JVM dies. So: lock free and our postgres still running → an orphan, stopped here;
 * pid file of a process that is gone (or is no postgres of this directory) → stale, removed.
 */
public final class StaleCluster {

    static final String PID_FILE = "postmaster.pid";
    static final String OWNER_LOCK = "epg-lock";
    private static final long STOP_SECONDS = 60;

    private StaleCluster() {
    }

    /** The postmaster recorded in the cluster's pid file, if there is one. */
    record Postmaster(long pid, Path dataDirectory, int port) {

        Optional<ProcessHandle> process() {
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        }

        /** A live process that is a postgres and whose pid file names our directory. */
        boolean runningFor(Path cluster) {
            return process().flatMap(p -> p.info().command())
                    .map(command -> Path.of(command).getFileName().toString().equals("postgres"))
                    .orElse(false)
                    && dataDirectory.equals(cluster.toAbsolutePath().normalize());
        }
    }

    static Optional<Postmaster> read(Path cluster) throws IOException {
        Path pidFile = cluster.resolve(PID_FILE);
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        // Layout of postmaster.pid (PostgreSQL's miscadmin.h): pid, data directory, start time, port, …
        List<String> lines = Files.readAllLines(pidFile);
        try {
            return Optional.of(new Postmaster(Long.parseLong(lines.get(0).trim()),
                    Path.of(lines.get(1).trim()).toAbsolutePath().normalize(),
                    lines.size() > 3 && !lines.get(3).isBlank() ? Integer.parseInt(lines.get(3).trim()) : -1));
        } catch (RuntimeException e) {
            // Half written (a crash during startup): nothing can be running from it.
            return Optional.of(new Postmaster(-1, cluster.toAbsolutePath().normalize(), -1));
        }
    }

    /** True while another live JVM (a running {@code billingnow dev}, say) owns the cluster. */
    static boolean ownedByAnotherProcess(Path cluster) throws IOException {
        Path lockFile = cluster.resolve(OWNER_LOCK);
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            // This JVM holds it itself: not another process, but not an orphan either.
            return true;
        }
    }

    /**
     * Makes the directory startable: stops our orphaned postmaster or removes a stale pid file. Refuses with one line
     * when a live process still owns the cluster.
     */
    static void clear(Path cluster, PrintStream out) throws IOException {
        Optional<Postmaster> recorded = read(cluster);
        if (recorded.isEmpty()) {
            return;
        }
        Postmaster postmaster = recorded.get();
        if (ownedByAnotherProcess(cluster)) {
            throw new CommandFailure(cluster + " is in use by another running `billingnow dev` (PostgreSQL pid "
                    + postmaster.pid() + "); stop that one first (Ctrl-C in its terminal).");
        }
        if (postmaster.runningFor(cluster)) {
            out.println("Stopping the PostgreSQL left running by an earlier run (pid " + postmaster.pid() + ")…");
            stop(postmaster, cluster);
        } else {
            Files.deleteIfExists(cluster.resolve(PID_FILE));
        }
    }

    /**
     * SIGTERM, PostgreSQL's "smart" shutdown: it finishes the sessions still open (the killed platform's are gone
     * with it), writes a checkpoint and removes its pid file. A signal rather than {@code pg_ctl stop}, which refuses
     * to run as root (zonky then runs the cluster as another user).
     */
    private static void stop(Postmaster postmaster, Path cluster) throws IOException {
        ProcessHandle process = postmaster.process().orElseThrow();
        process.destroy();
        Path pidFile = cluster.resolve(PID_FILE);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STOP_SECONDS);
        try {
            while (process.isAlive() && Files.exists(pidFile)) {
                if (System.nanoTime() > deadline) {
                    throw new CommandFailure("The PostgreSQL left running in " + cluster + " (pid " + postmaster.pid()
                            + ") did not stop within " + STOP_SECONDS + " s (a session still open?); stop it with "
                            + "`kill " + postmaster.pid() + "` and start again.");
                }
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandFailure("Interrupted while stopping PostgreSQL pid " + postmaster.pid());
        }
    }
}
