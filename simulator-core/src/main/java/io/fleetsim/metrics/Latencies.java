package io.fleetsim.metrics;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.HdrHistogram.Recorder;

/**
 * HdrHistogram {@link Recorder}s per named latency (for example {@code Get} or {@code
 * firmware-download}): a few stripes shared by the recording threads, merged when read, and never
 * one per agent (a Recorder holds two ~185 KiB histograms). Values are kept in microseconds from 1
 * µs to 1 h with 3 significant digits; a longer latency is recorded as 1 h rather than lost.
 * Callers that pace work pass the latency from the moment a request was due, not from when it was
 * sent, so a stalled target is not hidden by coordinated omission.
 */
public final class Latencies {
  /** The highest latency a histogram tracks, in microseconds. */
  public static final long HIGHEST_MICROS = TimeUnit.HOURS.toMicros(1);

  /** Recorder stripes per metric: a power of two, twice the cores (4 on this 2-core box). */
  private static final int STRIPES =
      Integer.highestOneBit(Math.max(1, Runtime.getRuntime().availableProcessors()) * 2 - 1) * 2;

  private static final AtomicInteger NEXT_STRIPE = new AtomicInteger();

  /** Each thread's stripe, handed out round-robin so that the busy threads spread. */
  private static final ThreadLocal<Integer> STRIPE =
      ThreadLocal.withInitial(() -> NEXT_STRIPE.getAndIncrement() & (STRIPES - 1));

  private final Map<String, Metric> metrics = new ConcurrentHashMap<>();

  /** Records one latency of {@code nanos} under {@code name}; lock-free, wait-free per value. */
  public void record(String name, long nanos) {
    long micros = Math.min(HIGHEST_MICROS, Math.max(0, nanos / 1000));
    metrics.computeIfAbsent(name, n -> new Metric()).record(micros);
  }

  /**
   * Adds every value of {@code h}, recorded elsewhere with the same range and precision (a cluster
   * worker's interval), as if recorded here: exact, no bucket rounding beyond the histogram's own.
   */
  public void add(String name, Histogram h) {
    Metric m = metrics.computeIfAbsent(name, n -> new Metric());
    for (HistogramIterationValue v : h.recordedValues()) {
      m.record(Math.min(HIGHEST_MICROS, v.getValueIteratedTo()), v.getCountAtValueIteratedTo());
    }
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

  /**
   * {@link #interval} of every name that recorded a value since its previous interval, by name: one
   * second's latencies, for the run's log or a cluster worker's Tick.
   */
  public Map<String, Histogram> intervals() {
    Map<String, Histogram> out = new TreeMap<>();
    for (String name : names()) {
      Histogram h = interval(name);
      if (h.getTotalCount() > 0) {
        out.put(name, h);
      }
    }
    return out;
  }

  /** Everything recorded under {@code name} since the start (an empty histogram when unknown). */
  public Histogram total(String name) {
    Metric m = metrics.get(name);
    return m == null ? empty() : m.total();
  }

  /**
   * Everything recorded under {@code name} up to the last {@link #interval} call, without draining
   * the recorders: a reader that is not the interval log (a Prometheus scrape, a live page) must
   * not take values away from the log's next interval. The run's log drains every second, so this
   * lags by at most that.
   */
  public Histogram settled(String name) {
    Metric m = metrics.get(name);
    return m == null ? empty() : m.settled();
  }

  private static Histogram empty() {
    return new Histogram(1, HIGHEST_MICROS, 3);
  }

  /**
   * One metric as a few striped Recorders: each recording thread keeps to one stripe, so two cores
   * recording the same metric do not bounce one cache line (a single Recorder's phaser counter):
   * 355 ns per value with two threads on one Recorder against 27 ns alone (MetricsRecordBenchmark).
   * Stripes are created on first use, so a metric recorded from one thread holds one Recorder.
   */
  private static final class Metric {
    private final AtomicReferenceArray<Recorder> stripes = new AtomicReferenceArray<>(STRIPES);
    private final Histogram total = empty();

    void record(long micros) {
      stripe().recordValue(micros);
    }

    void record(long micros, long count) {
      stripe().recordValueWithCount(micros, count);
    }

    /** This thread's Recorder, created on its first value. */
    private Recorder stripe() {
      int i = STRIPE.get();
      Recorder r = stripes.get(i);
      if (r == null) {
        stripes.compareAndSet(i, null, new Recorder(1, HIGHEST_MICROS, 3));
        r = stripes.get(i);
      }
      return r;
    }

    /** What every stripe recorded since the last call. */
    private Histogram drain() {
      Histogram out = empty();
      for (int i = 0; i < STRIPES; i++) {
        Recorder r = stripes.get(i);
        if (r != null) {
          out.add(r.getIntervalHistogram());
        }
      }
      return out;
    }

    synchronized Histogram interval() {
      Histogram interval = drain();
      total.add(interval);
      return interval;
    }

    synchronized Histogram settled() {
      return total.copy();
    }

    synchronized Histogram total() {
      total.add(drain());
      return total.copy();
    }
  }
}
