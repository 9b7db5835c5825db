package io.fleetsim.metrics;

import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * The console table of a {@link Latencies}: one row per name with count and the percentiles that
 * matter for a capacity test (p50, p90, p99, p99.9, max), in milliseconds.
 */
public final class LatencyTable {
  private LatencyTable() {}

  /** The table of every name's total so far, or a one-line note when nothing was recorded. */
  public static String of(Latencies latencies) {
    if (latencies.names().isEmpty()) {
      return "no latencies recorded\n";
    }
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            Locale.ROOT,
            "%-22s %10s %10s %10s %10s %10s %10s%n",
            "latency (ms)",
            "count",
            "p50",
            "p90",
            "p99",
            "p99.9",
            "max"));
    for (String name : latencies.names()) {
      Histogram h = latencies.total(name);
      b.append(
          String.format(
              Locale.ROOT,
              "%-22s %10d %10.3f %10.3f %10.3f %10.3f %10.3f%n",
              name,
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
