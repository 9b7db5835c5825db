package io.fleetsim.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class FleetCountersTest {
  /**
   * Two workers' metrics, sent tick by tick as differences, add up to their sum at the receiver.
   */
  @Test
  void differencesAddedTickByTick_giveTheSumOfTheSenders() {
    FleetMetrics a = new FleetMetrics();
    FleetMetrics b = new FleetMetrics();
    FleetMetrics merged = new FleetMetrics();
    FleetCounters lastA = FleetCounters.ZERO;
    FleetCounters lastB = FleetCounters.ZERO;
    for (int tick = 0; tick < 3; tick++) {
      work(a, 10 + tick);
      work(b, 3);
      FleetCounters nowA = a.counters();
      FleetCounters nowB = b.counters();
      merged.add(nowA.minus(lastA));
      merged.add(nowB.minus(lastB));
      lastA = nowA;
      lastB = nowB;
    }
    assertThat(merged.counters()).isEqualTo(a.counters().plus(b.counters()));
    assertThat(merged.connectedNow()).isEqualTo(33 - 3 + 9 - 3);
    assertThat(merged.states()).containsEntry(AgentState.ONLINE, 33L + 9L - 6L);
    assertThat(merged.stats().drops()).containsEntry("bad record", 42L);
    assertThat(merged.stats().firmwareVersions()).isEqualTo(Map.of("2.0", 6L));
    assertThat(merged.connectFailures()).containsEntry("refused", 6L);
  }

  private static void work(FleetMetrics m, int agents) {
    for (int i = 0; i < agents; i++) {
      m.moved(null, AgentState.ONLINE);
      m.connected(1_000_000);
      m.stats().dropped("bad record", "x");
      m.stats().message("GET", true);
      m.stats().acknowledged("Boot!", 2_000_000);
    }
    m.moved(AgentState.ONLINE, null);
    m.disconnected();
    m.sessionLost();
    m.connectFailed("refused", "detail", "advice");
    m.stats().firmware(null, "2.0");
  }

  @Test
  void aGaugeThatFell_movesTheReceiverDown() {
    FleetCounters before = new FleetMetricsWith(5).counters();
    FleetCounters after = new FleetMetricsWith(2).counters();
    assertThat(after.minus(before).connectedNow()).isEqualTo(-3);
    assertThat(after.minus(before).states()).containsEntry(AgentState.ONLINE, -3L);
  }

  private static final class FleetMetricsWith {
    final FleetMetrics m = new FleetMetrics();

    FleetMetricsWith(int online) {
      for (int i = 0; i < online; i++) {
        m.moved(null, AgentState.ONLINE);
        m.connected(1);
      }
    }

    FleetCounters counters() {
      return m.counters();
    }
  }

  /**
   * Histograms added value by value: the same counts, percentiles and max as the senders' union.
   */
  @Test
  void addedHistograms_areExactlyTheUnion() {
    Latencies a = new Latencies();
    Latencies b = new Latencies();
    Latencies merged = new Latencies();
    Histogram union = new Histogram(1, Latencies.HIGHEST_MICROS, 3);
    ThreadLocalRandom r = ThreadLocalRandom.current();
    for (int i = 0; i < 20_000; i++) {
      long nanos = (long) (Math.exp(r.nextDouble(0, 20)) * 1000);
      (i % 3 == 0 ? a : b).record("Get", nanos);
      union.recordValue(Math.min(Latencies.HIGHEST_MICROS, nanos / 1000));
    }
    merged.add("Get", a.interval("Get"));
    merged.add("Get", b.interval("Get"));
    Histogram got = merged.total("Get");
    assertThat(got.getTotalCount()).isEqualTo(20_000);
    assertThat(got.getMaxValue()).isEqualTo(union.getMaxValue());
    for (double p : new double[] {50, 90, 99, 99.9, 100}) {
      assertThat(got.getValueAtPercentile(p)).isEqualTo(union.getValueAtPercentile(p));
    }
    assertThat(got).isEqualTo(union);
  }
}
