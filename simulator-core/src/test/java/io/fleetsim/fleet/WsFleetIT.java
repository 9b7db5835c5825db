package io.fleetsim.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsim.controller.ReferenceController;
import io.fleetsim.datamodel.DeviceModel;
import io.fleetsim.mtp.Transports;
import io.fleetsim.testing.Await;
import io.fleetsim.testing.SerialGet;
import io.fleetsim.testing.TestFleet;
import io.fleetsim.testing.TestFleets;
import io.fleetsim.testing.TestModels;
import io.fleetsim.usp.proto.UspMsg.Header.MsgType;
import io.fleetsim.usp.proto.UspMsg.Msg;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * 1,000 agents over the USP WebSocket MTP to the embedded Controller on loopback: all connect with
 * a WebSocketConnectRecord, get their subscriptions, reboot on the Controller's Operate and
 * announce the new boot with Boot!, and answer a Get. Bounded in count and time; stops by itself.
 */
class WsFleetIT {
  private static final int AGENTS = 1_000;

  @Test
  void thousandAgents_connect_boot_getSubscriptions_andAnswerAGet() throws Exception {
    DeviceModel model = TestModels.gateway(7, Map.of("profile.agent.reboot-time", "500ms"));
    try (Transports transports = Transports.create(2);
        ReferenceController controller = TestFleets.controller(transports, true);
        TestFleet fleet = TestFleets.webSocket(model, transports, controller, AGENTS, 4)) {
      fleet.start();
      Await.until(() -> controller.provisioned() == AGENTS, Duration.ofSeconds(60));
      // each agent reboots on the Controller's Operate, reconnects, and announces Boot!
      Await.until(() -> controller.boots() == AGENTS, Duration.ofSeconds(60));
      Await.until(() -> controller.connectedAgents().size() == AGENTS, Duration.ofSeconds(30));
      assertThat(controller.connectRecords()).isGreaterThanOrEqualTo(2L * AGENTS);

      List<CompletableFuture<Msg>> answers = new ArrayList<>();
      for (String eid : fleet.endpointIds()) {
        answers.add(controller.request(eid, MsgType.GET, SerialGet.request()));
      }
      CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
      for (int i = 0; i < AGENTS; i++) {
        Msg m = answers.get(i).get();
        assertThat(SerialGet.of(m)).isEqualTo(SerialGet.expected(i));
      }
      assertThat(controller.dropped()).isZero();
      assertThat(fleet.stats().drops()).isEmpty();
    }
  }
}
