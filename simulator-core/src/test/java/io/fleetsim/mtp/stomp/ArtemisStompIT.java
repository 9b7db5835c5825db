package io.fleetsim.mtp.stomp;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsim.controller.ReferenceController;
import io.fleetsim.mtp.Transports;
import io.fleetsim.testing.Artemis;
import io.fleetsim.testing.Await;
import io.fleetsim.testing.SerialGet;
import io.fleetsim.testing.TestFleet;
import io.fleetsim.testing.TestModels;
import io.fleetsim.usp.proto.UspMsg.Header.MsgType;
import io.fleetsim.usp.proto.UspMsg.Msg;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The STOMP MTP through a real ActiveMQ Artemis broker: the embedded Controller on one broker
 * connection, a fleet of agents each on its own. Every agent connects (TP-469 6.2), announces
 * itself with a STOMPConnectRecord (6.12), is provisioned and rebooted, announces Boot!, and
 * answers the Controller at the reply-to-dest it gave.
 */
class ArtemisStompIT {
  static final String CONTROLLER = "self::fleetsim-controller";
  static final int AGENTS = 20;

  @Test
  void controllerOnArtemis_provisionsRebootsAndQueriesAFleet() throws Exception {
    try (Artemis broker = Artemis.start();
        Transports t = Transports.create(2);
        ReferenceController controller = controller(t, broker.port(), true);
        TestFleet fleet = fleet(t, StompConfig.agents("127.0.0.1", broker.port(), 1 << 20), 4)) {
      fleet.start();
      Await.until(
          () -> controller.provisioned() == AGENTS && controller.boots() == AGENTS,
          Duration.ofSeconds(60));
      assertThat(controller.connectedAgents()).hasSize(AGENTS);
      assertThat(controller.dropped()).isZero();
      for (int i = 0; i < AGENTS; i++) {
        Msg m =
            controller
                .request(fleet.endpointId(i), MsgType.GET, SerialGet.request())
                .get(10, TimeUnit.SECONDS);
        assertThat(SerialGet.of(m)).isEqualTo(SerialGet.expected(i));
      }
      assertThat(t.events().counts()).isEmpty();
    }
  }

  static ReferenceController controller(Transports t, int port, boolean reboot) {
    StompConfig c =
        StompConfig.agents("127.0.0.1", port, 1 << 20)
            .asController(StompConfig.CONTROLLER_DESTINATION);
    return ReferenceController.overBroker(
        t, new StompClient(t, c, null), "stomp://127.0.0.1:" + port, CONTROLLER, true, reboot);
  }

  static TestFleet fleet(Transports t, StompConfig agents, long seed) {
    return TestFleet.of(
        TestModels.gateway(seed), t, new StompClient(t, agents, null), CONTROLLER, AGENTS, 1);
  }
}
