package io.fleetsim.metrics;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * The console table of a {@link Latencies}: one row per name with count and the percentiles that
 * matter for a capacity test (p50, p90, p99, p99.9, max), in milliseconds.
 */
public final class LatencyTable {
  private LatencyTable() {}

  /** The table of every name's total so far, or a one-line note when nothing was recorded. */
  public static String of(Latencies latencies) {
    Map<String, Histogram> totals = new LinkedHashMap<>();
    for (String name : latencies.names()) {
      totals.put(name, latencies.total(name));
    }
    return of(totals);
  }

  /** The table of {@code histograms} (name → microsecond histogram), in the map's order. */
  public static String of(Map<String, Histogram> histograms) {
    if (histograms.isEmpty()) {
      return "no latencies recorded\n";
    }
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            Locale.ROOT,
            "%-34s %10s %10s %10s %10s %10s %10s%n",
            "latency (ms)",
            "count",
            "p50",
            "p90",
            "p99",
            "p99.9",
            "max"));
    for (Map.Entry<String, Histogram> e : histograms.entrySet()) {
      Histogram h = e.getValue();
      b.append(
          String.format(
              Locale.ROOT,
              "%-34s %10d %10.3f %10.3f %10.3f %10.3f %10.3f%n",
              e.getKey(),
              h.getTotalCount(),
              millis(h.getValueAtPercentile(50)),
              millis(h.getValueAtPercentile(90)),
              millis(h.getValueAtPercentile(99)),
              millis(h.getValueAtPercentile(99.9)),
              millis(h.getMaxValue())));
    }
    return b.toString();
  }

  private static double millis(long micros) {
    return micros / 1000.0;
  }
}
