package io.fleetsim.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsim.agent.FileTransfers;
import io.fleetsim.controller.ReferenceController;
import io.fleetsim.datamodel.DeviceModel;
import io.fleetsim.metrics.FleetMetrics;
import io.fleetsim.mtp.Transports;
import io.fleetsim.testing.Await;
import io.fleetsim.testing.SerialGet;
import io.fleetsim.testing.TestFleets;
import io.fleetsim.testing.TestModels;
import io.fleetsim.usp.proto.UspMsg.Header.MsgType;
import io.fleetsim.usp.proto.UspMsg.Msg;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The Pekko fleet on the in-memory MTP against the embedded Controller: agents spawned in batches
 * connect, are provisioned, reboot on the Controller's Operate (offline → connecting → online →
 * rebooting → connecting → online), announce Boot! and answer a Get; an MTP outage sends every
 * agent through its retry wait; stop closes every session.
 */
class ActorFleetTest {
  private static final String WS = TestModels.WEBSOCKET_PARAMS;

  @Test
  void agentActors_bootRebootReconnect_andStop() throws Exception {
    DeviceModel model =
        TestModels.gateway(
            8,
            Map.of(
                "profile.agent.reboot-time",
                "200ms",
                WS + "SessionRetryMinimumWaitInterval.default",
                "1"));
    FleetMetrics metrics = new FleetMetrics();
    try (Transports t = Transports.create(2);
        ReferenceController controller =
            ReferenceController.inMemory(t, TestFleets.CONTROLLER, true, true)) {
      ActorFleet fleet =
          new ActorFleet(
              "fleet-test",
              new FleetShape(List.of(model, TestModels.gateway(8)), i -> i < 300 ? 0 : 1, 0, 500),
              controller.memoryMtp(),
              t.group(),
              TestFleets.CONTROLLER,
              FileTransfers.NONE,
              metrics,
              8,
              7); // a small connect gate: agents queue for it and all get through
      try {
        for (int i = 0; i < 5; i++) {
          fleet.spawn(100);
        }
        fleet.spawn(100); // beyond the fleet: ignored
        Await.until(() -> fleet.spawned() == 500);
        Await.until(() -> controller.boots() == 500, Duration.ofSeconds(30));
        Await.until(() -> metrics.connectedNow() == 500, Duration.ofSeconds(30));
        assertThat(fleet.total()).isEqualTo(500);
        assertThat(metrics.connects()).isEqualTo(1000); // first contact, then after the reboot
        assertThat(metrics.latencies().total("connect").getTotalCount()).isEqualTo(1000);
        assertThat(metrics.latencies().total("Notify Boot!").getTotalCount()).isEqualTo(500);
        String agent499 = "os::00D09E-FSIM00000499";
        Msg m =
            controller
                .request(agent499, MsgType.GET, SerialGet.request())
                .get(10, TimeUnit.SECONDS);
        assertThat(SerialGet.of(m)).isEqualTo(SerialGet.expected(499));

        controller.memoryMtp().down();
        Await.until(() -> metrics.connectedNow() == 0);
        controller.memoryMtp().up();
        Await.until(() -> metrics.connectedNow() == 500, Duration.ofSeconds(30));

        // provisioned agents ask for a tick when their subscriptions have something due (a daily
        // Periodic!, a channel change twice a day): a fleet tick now reaches the few due in the
        // seconds since (0.06 agents expected), not all 500
        Await.until(() -> fleet.ticksWaiting() >= 500);
        long rounds = fleet.tickRounds();
        fleet.tick();
        Await.until(() -> fleet.tickRounds() == rounds + 1);
        assertThat(fleet.ticksDelivered()).isLessThan(10);
        fleet.stop(Duration.ofMillis(500));
        Await.until(() -> controller.connectedAgents().isEmpty());
        assertThat(metrics.connectedNow()).isZero();
        assertThat(metrics.stats().drops()).isEmpty();
      } finally {
        fleet.close();
      }
    }
  }
}
