package io.billingnow.platform.protection.monitoring;

import com.codahale.metrics.Counting;
import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Snapshot;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The metric registry in the Prometheus text exposition format (version 0.0.4), on the admin listener. Counters and
 * meters become counters ({@code _total}), numeric gauges gauges, histograms and timers summaries (timers in seconds).
 * Hand-written because neither Prometheus client's Dropwizard bridge converges with our dependency set.
 */
public final class PrometheusServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Pattern INVALID = Pattern.compile("[^a-zA-Z0-9_:]");
    private static final double[] QUANTILES = {0.5, 0.75, 0.95, 0.99};

    private final transient MetricRegistry registry;

    public PrometheusServlet(MetricRegistry registry) {
        this.registry = registry;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain; version=0.0.4; charset=utf-8");
        PrintWriter out = response.getWriter();
        registry.getCounters().forEach((name, counter) -> counter(out, name, counter));
        registry.getMeters().forEach((name, meter) -> counter(out, name, meter));
        registry.getGauges().forEach((name, gauge) -> gauge(out, name, gauge));
        registry.getHistograms().forEach((name, h) -> summary(out, name, h.getSnapshot(), h.getCount(), 1.0));
        registry.getTimers().forEach((name, t) -> summary(out, name + "_seconds", t.getSnapshot(), t.getCount(),
                1.0 / TimeUnit.SECONDS.toNanos(1)));
        out.flush();
    }

    static String sanitize(String name) {
        String clean = INVALID.matcher(name).replaceAll("_");
        return Character.isDigit(clean.charAt(0)) ? "_" + clean : clean;
    }

    private static void counter(PrintWriter out, String name, Counting counting) {
        String metric = sanitize(name) + "_total";
        out.append("# TYPE ").append(metric).append(" counter\n")
                .append(metric).append(' ').append(Long.toString(counting.getCount())).append('\n');
    }

    private static void gauge(PrintWriter out, String name, Gauge<?> gauge) {
        Object value;
        try {
            value = gauge.getValue();
        } catch (RuntimeException e) {
            return;
        }
        double number;
        if (value instanceof Number n) {
            number = n.doubleValue();
        } else if (value instanceof Boolean b) {
            number = b ? 1 : 0;
        } else {
            return;
        }
        String metric = sanitize(name);
        out.append("# TYPE ").append(metric).append(" gauge\n")
                .append(metric).append(' ').append(format(number)).append('\n');
    }

    private static void summary(PrintWriter out, String name, Snapshot snapshot, long count, double factor) {
        String metric = sanitize(name);
        out.append("# TYPE ").append(metric).append(" summary\n");
        for (double q : QUANTILES) {
            out.append(metric).append("{quantile=\"").append(Double.toString(q)).append("\"} ")
                    .append(format(snapshot.getValue(q) * factor)).append('\n');
        }
        out.append(metric).append("_count ").append(Long.toString(count)).append('\n');
    }

    private static String format(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "+Inf" : "-Inf";
        }
        return Double.toString(value);
    }
}
