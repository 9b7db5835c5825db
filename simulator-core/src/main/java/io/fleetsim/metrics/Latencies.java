package io.fleetsim.metrics;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * One HdrHistogram {@link Recorder} per named latency (for example {@code Get} or {@code
 * firmware-download}), shared by every thread that records it and never one per agent (a Recorder
 * holds two ~185 KiB histograms). Values are kept in microseconds from 1 µs to 1 h with 3
 * significant digits; a longer latency is recorded as 1 h rather than lost. Callers that pace work
 * pass the latency from the moment a request was due, not from when it was sent, so a stalled
 * target is not hidden by coordinated omission.
 */
public final class Latencies {
  /** The highest latency a histogram tracks, in microseconds. */
  public static final long HIGHEST_MICROS = TimeUnit.HOURS.toMicros(1);

  private final Map<String, Metric> metrics = new ConcurrentHashMap<>();

  /** Records one latency of {@code nanos} under {@code name}; lock-free, wait-free per value. */
  public void record(String name, long nanos) {
    long micros = Math.min(HIGHEST_MICROS, Math.max(0, nanos / 1000));
    metrics.computeIfAbsent(name, n -> new Metric()).recorder.recordValue(micros);
  }

  /** The names recorded so far, sorted. */
  public Set<String> names() {
    return new TreeSet<>(metrics.keySet());
  }

  /**
   * What was recorded under {@code name} since the previous interval call (an empty histogram for
   * an unknown name). The values also go into the run's total.
   */
  public Histogram interval(String name) {
    Metric m = metrics.get(name);
    return m == null ? empty() : m.interval();
  }

  /** Everything recorded under {@code name} since the start (an empty histogram when unknown). */
  public Histogram total(String name) {
    Metric m = metrics.get(name);
    return m == null ? empty() : m.total();
  }

  private static Histogram empty() {
    return new Histogram(1, HIGHEST_MICROS, 3);
  }

  private static final class Metric {
    private final Recorder recorder = new Recorder(1, HIGHEST_MICROS, 3);
    private final Histogram total = empty();

    synchronized Histogram interval() {
      Histogram interval = recorder.getIntervalHistogram();
      total.add(interval);
      return interval;
    }

    synchronized Histogram total() {
      total.add(recorder.getIntervalHistogram());
      return total.copy();
    }
  }
}
