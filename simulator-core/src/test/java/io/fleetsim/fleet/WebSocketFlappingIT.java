package io.fleetsim.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsim.controller.ReferenceController;
import io.fleetsim.datamodel.DeviceModel;
import io.fleetsim.metrics.AgentState;
import io.fleetsim.mtp.Transports;
import io.fleetsim.testing.Await;
import io.fleetsim.testing.TestFleet;
import io.fleetsim.testing.TestFleets;
import io.fleetsim.testing.TestModels;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Links that flap over a real WebSocket: a dropped link ends without a Close frame (1006 is never
 * sent, RFC 6455 7.4.1), and each agent comes back by its retry wait, online with no Boot! owed.
 * The flapping incident used to crash the agents here: Netty refuses a Close frame with 1006.
 */
class WebSocketFlappingIT {
  private static final int AGENTS = 50;

  @Test
  void droppedLinks_closeWithoutAFrame_andEveryAgentComesBack() throws Exception {
    DeviceModel model =
        TestModels.gateway(
            7,
            Map.of(TestModels.WEBSOCKET_PARAMS + "SessionRetryMinimumWaitInterval.default", "1"));
    try (Transports transports = Transports.create(2);
        ReferenceController controller =
            ReferenceController.passive(
                transports, new InetSocketAddress("127.0.0.1", 0), "/usp", TestFleets.CONTROLLER);
        TestFleet fleet = TestFleets.webSocket(model, transports, controller, AGENTS, 2)) {
      fleet.start();
      Await.until(() -> controller.connectRecords() == AGENTS, Duration.ofSeconds(30));
      long before = AGENTS;
      for (int round = 0; round < 2; round++) {
        for (int i = 0; i < AGENTS; i += 2) {
          fleet.fleet().tell(i, AgentActor.Drop.INSTANCE);
        }
        long expected = before + (round + 1) * (AGENTS / 2);
        Await.until(() -> controller.connectRecords() == expected, Duration.ofSeconds(30));
        Await.until(() -> fleet.connected() == AGENTS, Duration.ofSeconds(10));
      }
      assertThat(fleet.metrics().states()).containsEntry(AgentState.ONLINE, (long) AGENTS);
      assertThat(controller.connectedAgents()).hasSize(AGENTS);
    }
  }
}
