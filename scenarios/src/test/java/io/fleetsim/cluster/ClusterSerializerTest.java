package io.fleetsim.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetsim.metrics.AgentState;
import io.fleetsim.metrics.FleetMetrics;
import io.fleetsim.metrics.Latencies;
import io.fleetsim.scenario.RunReport;
import java.io.NotSerializableException;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class ClusterSerializerTest {
  private static final ActorTestKit KIT = ActorTestKit.create();
  private final ClusterSerializer serializer =
      new ClusterSerializer(
          (org.apache.pekko.actor.ExtendedActorSystem) Adapter.toClassic(KIT.system()));

  @AfterAll
  static void stop() {
    KIT.shutdownTestKit();
  }

  @Test
  void everyMessage_comesBackEqual() throws Exception {
    TestProbe<WorkerProtocol.WorkerInfo> probe = KIT.createTestProbe();
    TestProbe<WorkerProtocol.Event> events = KIT.createTestProbe();
    for (Object m :
        new Object[] {
          new WorkerProtocol.Describe(probe.getRef()),
          new WorkerProtocol.WorkerInfo("w1", "10.0.0.2", 4242, Partitioner.UNLIMITED),
          new WorkerProtocol.Assign(
              7,
              "scenario { x = \"" + "é".repeat(40_000) + "\" }",
              "a.conf",
              900,
              new AgentRange(300, 300),
              1_020,
              true,
              events.getRef()),
          new WorkerProtocol.Start(7, 1_764_900_000_000L),
          new WorkerProtocol.Finish(7),
          new WorkerProtocol.Abort(7, "the coordinator ended the run"),
          new WorkerProtocol.Ready(7, "w1"),
          new WorkerProtocol.Failed(7, "w1", "too many open files"),
          tick()
        }) {
      byte[] bytes = serializer.toBinary(m);
      assertThat(serializer.fromBinary(bytes, serializer.manifest(m))).isEqualTo(m);
    }
  }

  /** A Tick with every field set: counters, two latencies' histograms, sizes and a rollout. */
  private static WorkerProtocol.Tick tick() {
    FleetMetrics m = new FleetMetrics();
    m.moved(null, AgentState.ONLINE);
    m.connected(1_500_000);
    m.stats().dropped("bad record", "x");
    m.stats().message("GET", true);
    m.stats().firmware(null, "2.0");
    m.connectFailed("refused", "d", "a");
    Histogram get = new Histogram(1, Latencies.HIGHEST_MICROS, 3);
    for (long v = 1; v < 5_000_000; v = v * 3 + 1) {
      get.recordValueWithCount(v, v % 7 + 1);
    }
    return new WorkerProtocol.Tick(
        7,
        "w1",
        3,
        true,
        m.counters(),
        Map.of("Get", get, "connect", m.latencies().interval("connect")),
        Map.of("Get", get),
        new WorkerProtocol.Sizes(100, 120, 5, 1, 100, 0, 1_586, 41_250, 830, 9_100),
        Map.of("oversized", 2L),
        List.of(new RunReport.Rollout(100, 90, 5, Map.of("download", 5L), 12.5)));
  }

  @Test
  void aCorruptTick_isRefusedWithoutAllocatingWhatItClaims() throws Exception {
    byte[] bytes = serializer.toBinary(tick());
    // the first map size after runId, worker, seq, last and three counters: claim 2^31 - 1 entries
    int at = 8 + 2 + 2 + 8 + 1 + 24;
    bytes[at] = 0x7f;
    bytes[at + 1] = (byte) 0xff;
    assertThatThrownBy(() -> serializer.fromBinary(bytes, "T"))
        .isInstanceOf(NotSerializableException.class)
        .hasMessageContaining("entries");
  }

  @Test
  void anUnknownManifestOrTruncatedBytes_areRefusedAsNotSerializable() {
    assertThatThrownBy(() -> serializer.fromBinary(new byte[0], "Z"))
        .isInstanceOf(NotSerializableException.class);
    assertThatThrownBy(() -> serializer.fromBinary(new byte[] {0, 5, 'a'}, "I"))
        .isInstanceOf(NotSerializableException.class);
  }
}
