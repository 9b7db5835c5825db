package io.fleetsim.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class LatenciesTest {

  @Test
  void recordsInMicrosecondsPerName() {
    Latencies l = new Latencies();
    for (int i = 1; i <= 100; i++) {
      l.record("Get", TimeUnit.MILLISECONDS.toNanos(i));
    }
    l.record("Set", 5_000);

    Histogram get = l.total("Get");
    assertThat(get.getTotalCount()).isEqualTo(100);
    assertThat(get.getValueAtPercentile(50)).isBetween(49_900L, 50_100L);
    assertThat(get.getMaxValue()).isBetween(99_900L, 100_100L);
    assertThat(l.total("Set").getMaxValue()).isEqualTo(5);
    assertThat(l.names()).containsExactly("Get", "Set");
  }

  @Test
  void intervalsDrainIntoTheTotal() {
    Latencies l = new Latencies();
    l.record("Get", 1_000_000);
    l.record("Get", 2_000_000);

    assertThat(l.interval("Get").getTotalCount()).isEqualTo(2);
    l.record("Get", 3_000_000);
    Histogram second = l.interval("Get");

    assertThat(second.getTotalCount()).isEqualTo(1);
    assertThat(second.getMaxValue()).isBetween(2_995L, 3_005L);
    assertThat(l.total("Get").getTotalCount()).isEqualTo(3);
    assertThat(l.interval("Get").getTotalCount()).isZero();
  }

  @Test
  void settledReadsUpToTheLastIntervalWithoutTakingValuesFromTheNextOne() {
    Latencies l = new Latencies();
    l.record("Get", 1_000_000);
    l.interval("Get");
    l.record("Get", 2_000_000);

    assertThat(l.settled("Get").getTotalCount()).isEqualTo(1);
    assertThat(l.interval("Get").getTotalCount()).isEqualTo(1); // the scrape left it to the log
    assertThat(l.settled("Get").getTotalCount()).isEqualTo(2);
    assertThat(l.settled("nothing").getTotalCount()).isZero();
  }

  @Test
  void clampsWhatTheHistogramCannotHoldInsteadOfThrowing() {
    Latencies l = new Latencies();
    l.record("Boot", TimeUnit.HOURS.toNanos(5));
    l.record("Boot", -7);

    Histogram h = l.total("Boot");
    assertThat(h.getTotalCount()).isEqualTo(2);
    assertThat(h.getMinValue()).isZero();
    assertThat(h.getMaxValue()).isGreaterThanOrEqualTo(Latencies.HIGHEST_MICROS);
  }

  @Test
  void unknownNamesAreEmpty() {
    Latencies l = new Latencies();
    assertThat(l.total("nothing").getTotalCount()).isZero();
    assertThat(l.interval("nothing").getTotalCount()).isZero();
    assertThat(l.names()).isEmpty();
  }

  @Test
  void valuesFromManyThreads_allReachTheIntervalAndTheTotal() throws Exception {
    Latencies l = new Latencies();
    int threads = 9; // more threads than stripes: some share one
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(threads);
    java.util.List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
    for (int t = 0; t < threads; t++) {
      long micros = 10 + t;
      done.add(
          pool.submit(
              () -> {
                for (int i = 0; i < 1_000; i++) {
                  l.record("Get", micros * 1_000);
                }
              }));
    }
    for (java.util.concurrent.Future<?> f : done) {
      f.get();
    }
    pool.shutdown();

    org.HdrHistogram.Histogram interval = l.interval("Get");
    assertThat(interval.getTotalCount()).isEqualTo(9_000);
    assertThat(interval.getMinValue()).isEqualTo(10);
    assertThat(interval.getMaxValue()).isEqualTo(18);
    assertThat(l.interval("Get").getTotalCount()).isZero(); // drained
    assertThat(l.total("Get").getTotalCount()).isEqualTo(9_000);
  }
}
