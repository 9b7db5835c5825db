package io.fleetsim.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsim.controller.ReferenceController;
import io.fleetsim.metrics.AgentState;
import io.fleetsim.mtp.Transports;
import io.fleetsim.testing.Await;
import io.fleetsim.testing.SerialGet;
import io.fleetsim.testing.TestFleet;
import io.fleetsim.testing.TestFleets;
import io.fleetsim.testing.TestModels;
import io.fleetsim.usp.proto.UspMsg.Header.MsgType;
import io.fleetsim.usp.proto.UspMsg.Msg;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Agents and the embedded Controller over the in-memory MTP: no socket, the same Records. All
 * agents connect with a WebSocketConnectRecord, are provisioned, reboot, announce Boot! and answer
 * a Get; an outage of the MTP drops every session and the agents come back by the retry wait.
 */
class InMemoryFleetTest {
  private static final int AGENTS = 200;
  private static final String WS = TestModels.WEBSOCKET_PARAMS;

  @Test
  void agentsTalkToTheControllerWithoutSockets_andSurviveAnOutage() throws Exception {
    try (Transports t = Transports.create(2);
        ReferenceController controller =
            ReferenceController.inMemory(t, TestFleets.CONTROLLER, true, true);
        TestFleet fleet =
            TestFleet.of(
                TestModels.gateway(
                    6,
                    Map.of(
                        "profile.agent.reboot-time",
                        "200ms",
                        WS + "SessionRetryMinimumWaitInterval.default",
                        "1",
                        "profile.objects.\"Device.LocalAgent.Controller.{i}.\""
                            + ".params.PeriodicNotifInterval.default",
                        "1")),
                t,
                controller.memoryMtp(),
                TestFleets.CONTROLLER,
                AGENTS,
                1)) {
      fleet.start();
      Await.until(() -> controller.boots() == AGENTS, Duration.ofSeconds(30));
      Await.until(() -> controller.connectedAgents().size() == AGENTS, Duration.ofSeconds(30));
      assertThat(controller.provisioned()).isEqualTo(AGENTS);
      assertThat(controller.memoryMtp().sessions()).isEqualTo(AGENTS);
      Msg m =
          controller
              .request(fleet.endpointId(9), MsgType.GET, SerialGet.request())
              .get(10, TimeUnit.SECONDS);
      assertThat(SerialGet.of(m)).isEqualTo(SerialGet.expected(9));
      // the Boot! went out with NotifRetry, so its round trip was measured by the agents
      assertThat(fleet.stats().latencies().total("Notify Boot!").getTotalCount()).isEqualTo(AGENTS);
      // the fleet tick drives Periodic! (every second here) to the provisioned subscription
      java.util.concurrent.atomic.AtomicInteger periodic =
          new java.util.concurrent.atomic.AtomicInteger();
      controller.onNotify(
          n -> {
            if (n.message().getEvent().getEventName().equals("Periodic!")) {
              periodic.incrementAndGet();
            }
          });
      Await.until(() -> periodic.get() >= 2 * AGENTS, Duration.ofSeconds(30));

      long before = controller.connectRecords();
      controller.memoryMtp().down();
      Await.until(() -> controller.connectedAgents().isEmpty());
      controller.memoryMtp().up();
      Await.until(() -> controller.connectRecords() == before + AGENTS, Duration.ofSeconds(30));
      assertThat(controller.connectedAgents()).hasSize(AGENTS);
      // a reconnect that is not a reboot owes no Boot!: every agent is online again, none booting
      Await.until(
          () -> fleet.metrics().states().getOrDefault(AgentState.ONLINE, 0L) == AGENTS,
          Duration.ofSeconds(10));
      assertThat(fleet.metrics().states().getOrDefault(AgentState.BOOTING, 0L)).isZero();
      assertThat(fleet.stats().drops()).isEmpty();
    }
  }
}
