package io.fleetsim.metrics;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The metrics hot path as agents use it (issue [5/5] target: one latency recorded in at most 100
 * ns): a latency into its shared Recorder, a handled request (counter plus handling-time latency),
 * and a message counted by type and direction. Shared state, as in a fleet; the {@code Contended}
 * variants run on both cores of this box at once.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class MetricsRecordBenchmark {
  private final Latencies latencies = new Latencies();
  private final CountingAgentStats stats = new CountingAgentStats();

  /** Each thread's own stream of values, spread over 1 µs to ~1 ms (not one bucket only). */
  @State(Scope.Thread)
  public static class Values {
    private long nanos = 1_000;

    long next() {
      long n = nanos;
      nanos = n >= 1_000_000 ? 1_000 : n + 7_919;
      return n;
    }
  }

  @Benchmark
  public void recordLatency(Values v) {
    latencies.record("Notify Boot!", v.next());
  }

  @Benchmark
  @Threads(2)
  public void recordLatencyContended(Values v) {
    latencies.record("Notify Boot!", v.next());
  }

  @Benchmark
  public void handledRequest(Values v) {
    stats.handled("GET", v.next());
  }

  @Benchmark
  public void countMessage() {
    stats.message("NOTIFY", false);
  }

  @Benchmark
  @Threads(2)
  public void countMessageContended() {
    stats.message("NOTIFY", false);
  }
}
