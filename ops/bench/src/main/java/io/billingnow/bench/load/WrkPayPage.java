package io.billingnow.bench.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pay page again, driven by wrk (C, event loop) instead of our Java client, when wrk is installed
 * ({@code apt-get install wrk}). The Java client's TLS and HTTP work competes with the server for the same two cores;
 * wrk needs far less, so the difference between the two runs is what the load generator costs. Each request opens
 * a random link of the same set as the Java scenario.
 */
final class WrkPayPage {

    private static final Pattern LATENCY = Pattern.compile("^\\s+(50|75|90|99)%\\s+([\\d.]+)(us|ms|s)\\s*$");
    private static final Pattern RATE = Pattern.compile("^Requests/sec:\\s+([\\d.]+)");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");
    private static final Pattern SOCKET_ERRORS = Pattern.compile("Socket errors: (.*)$");

    private WrkPayPage() {
    }

    static boolean available() {
        try {
            Process p = new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Warm-up then the recorded run, both with {@code clients} connections on two threads. */
    static Map<String, Object> run(String base, List<String> paths, int clients, int warmup, int seconds)
            throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("wrk-pay");
        Path list = dir.resolve("paths.txt");
        Files.write(list, paths, StandardCharsets.UTF_8);
        Path script = dir.resolve("pay.lua");
        Files.writeString(script, """
                local paths = {}
                for line in io.lines("%s") do paths[#paths + 1] = line end
                math.randomseed(os.time())
                request = function()
                  return wrk.format("GET", paths[math.random(#paths)])
                end
                """.formatted(list.toAbsolutePath()));
        try {
            if (warmup > 0) {
                wrk(base, script, clients, warmup);
            }
            return parse(wrk(base, script, clients, seconds), clients, seconds);
        } finally {
            Files.deleteIfExists(list);
            Files.deleteIfExists(script);
            Files.deleteIfExists(dir);
        }
    }

    private static String wrk(String base, Path script, int clients, int seconds)
            throws IOException, InterruptedException {
        Process p = new ProcessBuilder("wrk", "-t2", "-c" + clients, "-d" + seconds + "s", "--latency",
                "-s", script.toString(), base).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(seconds + 60L, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("wrk failed: " + output);
        }
        return output;
    }

    static Map<String, Object> parse(String output, int clients, int seconds) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("client", "wrk -t2 -c" + clients);
        long errors = 0;
        for (String line : output.split("\n")) {
            Matcher latency = LATENCY.matcher(line);
            if (latency.matches()) {
                double value = Double.parseDouble(latency.group(2));
                double ms = switch (latency.group(3)) {
                    case "us" -> value / 1000;
                    case "s" -> value * 1000;
                    default -> value;
                };
                out.put("p" + latency.group(1) + "Ms", Latencies.round(ms));
            }
            Matcher rate = RATE.matcher(line);
            if (rate.find()) {
                out.put("perSecond", Latencies.round(Double.parseDouble(rate.group(1))));
            }
            Matcher non2xx = NON_2XX.matcher(line);
            if (non2xx.find()) {
                errors += Long.parseLong(non2xx.group(1));
            }
            Matcher socket = SOCKET_ERRORS.matcher(line);
            if (socket.find()) {
                out.put("socketErrors", socket.group(1).trim());
            }
        }
        out.put("errors", errors);
        out.put("seconds", seconds);
        return out;
    }
}
