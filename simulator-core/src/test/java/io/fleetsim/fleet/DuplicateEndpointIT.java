package io.fleetsim.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsim.controller.ReferenceController;
import io.fleetsim.datamodel.DeviceModel;
import io.fleetsim.mtp.Transports;
import io.fleetsim.mtp.websocket.WsClient;
import io.fleetsim.testing.Await;
import io.fleetsim.testing.SerialGet;
import io.fleetsim.testing.TestFleet;
import io.fleetsim.testing.TestFleets;
import io.fleetsim.testing.TestModels;
import io.fleetsim.usp.proto.UspMsg.Header.MsgType;
import io.fleetsim.usp.record.UspRecordCodec;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Two agent processes against one Controller: with the same EndpointIDs the second process's
 * sessions are refused (R-WS.4) and counted, and the first keeps every agent reachable even after
 * the second stops; with disjoint index ranges ({@code --first-index}) both are served.
 */
class DuplicateEndpointIT {
  private static final int AGENTS = 50;

  @Test
  void aSecondSessionForAConnectedEndpointId_isRefused_andTheFirstStaysReachable()
      throws Exception {
    DeviceModel model = TestModels.gateway(5);
    try (Transports t = Transports.create(2);
        ReferenceController controller = TestFleets.controller(t, false);
        TestFleet first = TestFleets.webSocket(model, t, controller, AGENTS, 1)) {
      first.start();
      Await.until(() -> controller.connectedAgents().size() == AGENTS, Duration.ofSeconds(20));

      try (TestFleet second = TestFleets.webSocket(model, t, controller, AGENTS, 1)) {
        second.start();
        Await.until(() -> controller.duplicateEndpoints() >= AGENTS, Duration.ofSeconds(20));
        assertThat(controller.connectedAgents()).hasSize(AGENTS);
      }
      // the second process is gone (its close waits while its agents say goodbye): the first
      // one's agents still answer
      for (int i = 0; i < AGENTS; i += 7) {
        assertThat(
                SerialGet.of(
                    controller
                        .request(first.endpointId(i), MsgType.GET, SerialGet.request())
                        .get(10, TimeUnit.SECONDS)))
            .isEqualTo(SerialGet.expected(i));
      }
    }
  }

  @Test
  void processesWithDisjointIndexRanges_areAllServed() throws Exception {
    DeviceModel model = TestModels.gateway(5);
    try (Transports t = Transports.create(2);
        ReferenceController controller = TestFleets.controller(t, false);
        TestFleet first = TestFleets.webSocket(model, t, controller, AGENTS, 1);
        TestFleet second =
            TestFleet.of(
                new FleetShape(java.util.List.of(model), i -> 0, AGENTS, AGENTS),
                t,
                new WsClient(
                    t,
                    URI.create("ws://127.0.0.1:" + controller.address().getPort() + "/usp"),
                    UspRecordCodec.DEFAULT_MAX_RECORD_BYTES,
                    60),
                controller.endpointId(),
                1)) {
      first.start();
      second.start();
      Await.until(() -> controller.connectedAgents().size() == 2 * AGENTS, Duration.ofSeconds(20));
      assertThat(second.endpointId(0)).isNotIn(first.endpointIds());
      assertThat(controller.duplicateEndpoints()).isZero();
    }
  }
}
