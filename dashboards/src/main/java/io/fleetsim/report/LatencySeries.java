package io.fleetsim.report;

import io.fleetsim.metrics.Latencies;
import io.fleetsim.usp.message.Json;
import java.io.FileNotFoundException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;

/**
 * Each latency metric over time, as the charts take it: per interval (one second in a run) its
 * count and p50/p90/p99/max, and the whole run's percentile distribution. Fed live from the
 * interval histograms a run writes to its {@code .hlog}, or read back from that log; both give the
 * same series. Holds a dozen numbers per metric and second plus one histogram per metric.
 */
public final class LatencySeries {
  /** The percentiles of the distribution chart: dense towards the tail, where latency lives. */
  static final double[] DISTRIBUTION = {
    0, 10, 25, 50, 75, 90, 95, 99, 99.5, 99.9, 99.95, 99.99, 99.999, 100
  };

  private final Map<String, Metric> metrics = new TreeMap<>();

  private static final class Metric {
    final List<Double> at = new ArrayList<>();
    final List<long[]> rows = new ArrayList<>(); // count, p50, p90, p99, max in µs
    final Histogram total = new Histogram(1, Latencies.HIGHEST_MICROS, 3);
  }

  /**
   * Adds one interval of {@code name} ending {@code atSeconds} after the start. Names are shown
   * with spaces: the log's tags have them as underscores ({@code Notify_Boot!}).
   */
  public synchronized void add(String name, double atSeconds, Histogram interval) {
    if (interval.getTotalCount() == 0) {
      return;
    }
    Metric m = metrics.computeIfAbsent(name.replace('_', ' '), k -> new Metric());
    m.at.add(atSeconds);
    m.rows.add(
        new long[] {
          interval.getTotalCount(),
          interval.getValueAtPercentile(50),
          interval.getValueAtPercentile(90),
          interval.getValueAtPercentile(99),
          interval.getMaxValue()
        });
    m.total.add(interval);
  }

  /** The series of an interval log written by a run ({@code latencies.hlog}). */
  public static LatencySeries read(Path hlog) {
    LatencySeries series = new LatencySeries();
    try {
      HistogramLogReader reader = new HistogramLogReader(hlog.toFile());
      EncodableHistogram h;
      while ((h = reader.nextIntervalHistogram()) != null) {
        if (h instanceof Histogram histogram && h.getTag() != null) {
          double end = h.getEndTimeStamp() / 1000.0 - reader.getStartTimeSec();
          series.add(h.getTag(), end, histogram);
        }
      }
      reader.close();
    } catch (FileNotFoundException e) {
      throw new UncheckedIOException(e);
    }
    return series;
  }

  /** The metrics' names, sorted. */
  public synchronized List<String> names() {
    return List.copyOf(metrics.keySet());
  }

  /**
   * As JSON, latencies in milliseconds: {@code {"connect": {"t": [...], "count": [...], "p50":
   * [...], "p90", "p99", "max", "distribution": {"percentile": [...], "ms": [...]}}}}.
   */
  public synchronized String json() {
    StringBuilder b = new StringBuilder("{");
    String sep = "";
    for (Map.Entry<String, Metric> e : metrics.entrySet()) {
      Metric m = e.getValue();
      b.append(sep).append(Json.quote(e.getKey())).append(": {\"t\": [");
      for (int i = 0; i < m.at.size(); i++) {
        long tenths = Math.round(m.at.get(i) * 10);
        b.append(i == 0 ? "" : ",").append(tenths / 10).append('.').append(tenths % 10);
      }
      b.append("], \"count\": [");
      for (int i = 0; i < m.rows.size(); i++) {
        b.append(i == 0 ? "" : ",").append(m.rows.get(i)[0]);
      }
      b.append(']');
      String[] names = {"p50", "p90", "p99", "max"};
      for (int c = 0; c < names.length; c++) {
        b.append(", \"").append(names[c]).append("\": [");
        for (int i = 0; i < m.rows.size(); i++) {
          millis(b.append(i == 0 ? "" : ","), m.rows.get(i)[c + 1]);
        }
        b.append(']');
      }
      b.append(", \"distribution\": {\"percentile\": [");
      for (int i = 0; i < DISTRIBUTION.length; i++) {
        b.append(i == 0 ? "" : ",").append(DISTRIBUTION[i]);
      }
      b.append("], \"ms\": [");
      for (int i = 0; i < DISTRIBUTION.length; i++) {
        millis(b.append(i == 0 ? "" : ","), m.total.getValueAtPercentile(DISTRIBUTION[i]));
      }
      b.append("]}}");
      sep = ", ";
    }
    return b.append('}').toString();
  }

  /**
   * Appends {@code micros} as milliseconds with three decimals. Not String.format: the live
   * dashboard renders every value of the run each second, and format costs a microsecond a value.
   */
  private static void millis(StringBuilder b, long micros) {
    long frac = micros % 1000;
    b.append(micros / 1000)
        .append('.')
        .append(frac < 100 ? (frac < 10 ? "00" : "0") : "")
        .append(frac);
  }
}
