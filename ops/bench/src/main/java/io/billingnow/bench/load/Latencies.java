package io.billingnow.bench.load;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Latencies of one kind of request from one client thread, in nanoseconds; merged after the run. */
final class Latencies {

    private long[] values = new long[4096];
    private int count;
    long errors;
    final Map<String, Long> errorsByCause = new java.util.TreeMap<>();

    void error(String cause) {
        errors++;
        errorsByCause.merge(cause, 1L, Long::sum);
    }

    void add(long nanos) {
        if (count == values.length) {
            values = Arrays.copyOf(values, count * 2);
        }
        values[count++] = nanos;
    }

    void merge(Latencies other) {
        for (int i = 0; i < other.count; i++) {
            add(other.values[i]);
        }
        errors += other.errors;
        other.errorsByCause.forEach((k, v) -> errorsByCause.merge(k, v, Long::sum));
    }

    int count() {
        return count;
    }

    /** Count, errors, throughput over {@code seconds} and p50/p95/p99/max in milliseconds. */
    Map<String, Object> summary(double seconds) {
        long[] sorted = Arrays.copyOf(values, count);
        Arrays.sort(sorted);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ok", count);
        out.put("errors", errors);
        if (!errorsByCause.isEmpty()) {
            out.put("errorsByCause", errorsByCause);
        }
        out.put("perSecond", round(count / seconds));
        out.put("p50Ms", percentile(sorted, 0.50));
        out.put("p95Ms", percentile(sorted, 0.95));
        out.put("p99Ms", percentile(sorted, 0.99));
        out.put("maxMs", count == 0 ? 0 : round(sorted[count - 1] / 1e6));
        return out;
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return round(sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6);
    }

    static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
