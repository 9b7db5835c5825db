package io.fleetsim.mtp.connect;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsim.mtp.Connector;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpreadConnectorTest {
  /** A target that only counts the agents sent to it. */
  private static final class Counting implements Connector {
    final List<String> eids = new ArrayList<>();

    @Override
    public void connect(
        io.fleetsim.identity.DeviceId device,
        String controllerId,
        io.fleetsim.mtp.MtpListener listener,
        io.netty.channel.EventLoop loop,
        java.net.InetSocketAddress localAddress) {
      eids.add(device.eid());
    }
  }

  @Test
  void agentsSpreadEvenly_andEachAlwaysToTheSameTarget() {
    List<Counting> targets =
        List.of(new Counting(), new Counting(), new Counting(), new Counting(), new Counting());
    SpreadConnector spread = new SpreadConnector(List.copyOf(targets));
    for (int i = 0; i < 90_000; i++) {
      spread.connect(String.format("os::00D09E-FSIM%07d", i), "c", null, null, null);
    }
    for (Counting t : targets) {
      // 18,000 each, within 2 %: a share that fits one process's sockets when split five ways
      assertThat(t.eids.size()).isBetween(17_640, 18_360);
    }
    String eid = "os::00D09E-FSIM0004711";
    int first = spread.targetOf(eid);
    spread.connect(eid, "c", null, null, null);
    assertThat(targets.get(first).eids).contains(eid);
    assertThat(spread.targetOf(eid)).isEqualTo(first);
  }
}
