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
}
