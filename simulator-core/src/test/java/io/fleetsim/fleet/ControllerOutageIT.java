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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * The Controller goes away for 3 s and comes back on the same port: every agent reconnects, spread
 * over time by the TR-369 retry wait (SessionRetryMinimumWaitInterval 1 s, multiplier 2000: the
 * first retry 1-2 s after the drop, the second 2-4 s later), not all at the same instant.
 */
class ControllerOutageIT {
  private static final String CONTROLLER = "self::fleetsim-controller";
  private static final int AGENTS = 300;

  @Test
  void outage_everyAgentReconnects_spreadByTheRetryAlgorithm() throws Exception {
    String ws = TestModels.WEBSOCKET_PARAMS;
    DeviceModel model =
        TestModels.gateway(3, Map.of(ws + "SessionRetryMinimumWaitInterval.default", "1"));
    try (Transports transports = Transports.create(2)) {
      ReferenceController first =
          ReferenceController.start(
              transports, new InetSocketAddress("127.0.0.1", 0), "/usp", CONTROLLER, false);
      int port = first.address().getPort();
      try (TestFleet fleet = TestFleets.webSocket(model, transports, first, AGENTS, 2)) {
        fleet.start();
        Await.until(() -> first.connectedAgents().size() == AGENTS, Duration.ofMillis(30_000));

        long down = System.nanoTime();
        first.close();
        Await.until(() -> fleet.connected() == 0, Duration.ofMillis(10_000));
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(3_000));
        try (ReferenceController second =
            ReferenceController.start(
                transports, new InetSocketAddress("127.0.0.1", port), "/usp", CONTROLLER, false)) {
          long firstBack =
              Await.until(() -> second.connectedAgents().size() >= 1, Duration.ofMillis(20_000));
          long allBack =
              Await.until(
                  () -> second.connectedAgents().size() == AGENTS, Duration.ofMillis(20_000));
          double firstS = (firstBack - down) / 1e9;
          double allS = (allBack - down) / 1e9;
          System.out.printf(
              "controller outage of 3 s: first agent back after %.2f s, all %d back after %.2f s%n",
              firstS, AGENTS, allS);
          // nobody may retry before 1 s; the controller was down 3 s, so the last agents come
          // back on their second retry (1-2 s, then 2-4 s later: at most 6 s after the drop)
          assertThat(firstS).isGreaterThanOrEqualTo(3.0);
          assertThat(allS).isLessThan(6.5);
          assertThat(allS - firstS)
              .as("reconnects are spread, not a single burst")
              .isGreaterThan(0.5);
          // back online, so each agent started its retry count over
          assertThat(fleet.connected()).isEqualTo(AGENTS);
        }
      }
    }
  }
}
