package io.fleetsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsim.metrics.FleetMetrics;
import io.fleetsim.testing.Await;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The curves a cluster coordinator follows for incidents its workers run: after a power outage the
 * fleet back and the affected agents' Boot! acknowledged, after a network outage the fleet back, on
 * the merged counts.
 */
class RunCurvesTest {
  @TempDir Path dir;

  @Test
  void powerAndNetworkOutages_runElsewhere_areFollowedOnTheMergedCounts() throws Exception {
    Path f =
        Files.writeString(
            dir.resolve("s.conf"),
            "scenario { duration = 60s, fleet.agents = 10, target.controller ="
                + " \"ws://127.0.0.1:9/usp\"\n incidents = [ { at = 0s, power-outage = 50, within"
                + " = 0s }, { at = 0s, network-outage = 1ms } ] }");
    Scenario s = ScenarioLoader.load(f, Map.of());
    FleetMetrics merged = new FleetMetrics();
    for (int i = 0; i < 10; i++) {
      merged.connected(1_000);
    }
    RunCurves curves = RunCurves.of(s);
    ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
    try {
      curves.followOutages(s, clock, System.nanoTime(), () -> merged);
      Await.until(() -> curves.milestones().size() == 5, Duration.ofSeconds(5));
    } finally {
      clock.shutdownNow();
    }
    for (int i = 0; i < 5; i++) { // the 5 agents that lost power announce Boot! again
      merged.stats().acknowledged("Boot!", 1_000_000);
    }
    curves.sample(100, merged);
    Map<String, Map<String, Double>> reached = new java.util.HashMap<>();
    curves.milestones().forEach(m -> reached.put(m.what(), m.reached()));
    assertThat(reached.get("Boot! acknowledged after the power outage at 0 s")).containsKey("100%");
    assertThat(reached.get("back after the power outage at 0 s")).containsKey("100%");
    assertThat(reached.get("back after the network outage at 0 s")).containsKey("100%");
  }
}
