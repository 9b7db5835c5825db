package io.fleetsim.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsim.controller.ReferenceController;
import io.fleetsim.datamodel.DeviceModel;
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
 * A Controller that restarts finds its agents provisioned already: its first-contact Add fails on
 * the subscriptions' unique key, and it recognises them (counted as provisioned, not rebooted)
 * instead of reporting "provisioned 0".
 */
class ControllerRestartIT {
  private static final int AGENTS = 40;

  @Test
  void aRestartedController_recognisesTheAgentsItProvisioned() throws Exception {
    DeviceModel model =
        TestModels.gateway(
            4,
            Map.of(TestModels.WEBSOCKET_PARAMS + "SessionRetryMinimumWaitInterval.default", "1"));
    try (Transports t = Transports.create(2)) {
      ReferenceController first = TestFleets.controller(t, false);
      int port = first.address().getPort();
      try (TestFleet fleet = TestFleets.webSocket(model, t, first, AGENTS, 1)) {
        fleet.start();
        Await.until(() -> first.provisioned() == AGENTS, Duration.ofSeconds(30));
        assertThat(first.recognised()).isZero();
        first.close();
        Await.until(() -> fleet.connected() == 0, Duration.ofSeconds(10));
        try (ReferenceController second =
            ReferenceController.start(
                t, new InetSocketAddress("127.0.0.1", port), "/usp", TestFleets.CONTROLLER, true)) {
          Await.until(() -> second.provisioned() == AGENTS, Duration.ofSeconds(30));
          assertThat(second.recognised()).isEqualTo(AGENTS);
          // recognised, not rebooted: nobody announces a Boot! to the second Controller
          assertThat(second.boots()).isZero();
        }
      }
    }
  }
}
