package io.fleetsim.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.NotSerializableException;
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
    for (Object m :
        new Object[] {
          new WorkerProtocol.Describe(probe.getRef()),
          new WorkerProtocol.WorkerInfo("w1", "10.0.0.2", 4242, Partitioner.UNLIMITED)
        }) {
      byte[] bytes = serializer.toBinary(m);
      assertThat(serializer.fromBinary(bytes, serializer.manifest(m))).isEqualTo(m);
    }
  }

  @Test
  void anUnknownManifestOrTruncatedBytes_areRefusedAsNotSerializable() {
    assertThatThrownBy(() -> serializer.fromBinary(new byte[0], "Z"))
        .isInstanceOf(NotSerializableException.class);
    assertThatThrownBy(() -> serializer.fromBinary(new byte[] {0, 5, 'a'}, "I"))
        .isInstanceOf(NotSerializableException.class);
  }
}
