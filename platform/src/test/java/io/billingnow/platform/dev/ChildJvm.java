package io.billingnow.platform.dev;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Another JVM on the test classpath, for what only a separate process shows (file locks, kill -9, exit codes). */
final class ChildJvm {

    private ChildJvm() {
    }

    static ProcessBuilder java(Path workingDirectory, String mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(workingDirectory.toFile()).redirectErrorStream(true);
    }

    /** Starts {@link ClusterOwner} and waits for its READY line; returns the running process. */
    static Process clusterOwner(Path data) throws IOException {
        Process process = java(data.getParent(), ClusterOwner.class.getName(), data.toString()).start();
        BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        String line;
        while ((line = lines.readLine()) != null) {
            if (line.startsWith("READY ")) {
                return process;
            }
            seen.append(line).append('\n');
        }
        throw new IllegalStateException("cluster owner exited without READY:\n" + seen);
    }

    /** Runs to the end and returns exit code and everything printed. */
    static Result run(ProcessBuilder builder) throws IOException, InterruptedException {
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("child JVM did not finish:\n" + output);
        }
        return new Result(process.exitValue(), output);
    }

    record Result(int exitCode, String output) {
    }

    static void killHard(Process process) throws InterruptedException {
        process.destroyForcibly(); // SIGKILL: no shutdown hook runs, as with kill -9
        process.waitFor(30, TimeUnit.SECONDS);
    }
}
