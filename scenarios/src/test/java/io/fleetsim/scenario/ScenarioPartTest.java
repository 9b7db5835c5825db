package io.fleetsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A cluster worker's share of a scenario: its agents, and every rate and count in proportion. */
class ScenarioPartTest {
  @TempDir Path dir;

  @Test
  void aThirdOfTheFleet_getsAThirdOfEveryRateAndCount_andTheSamePercentages() throws IOException {
    Path file = dir.resolve("s.conf");
    Files.writeString(
        file,
        """
        scenario {
          duration = 60s
          fleet.agents = 300
          phases = [ { ramp = 300, over = 30s } ]
          behaviour { workload { rate = 90 } }
          incidents = [
            { at = 10s, firmware-rollout = 50, image = "x.bin", size = 1MB, rate = 1MB,
              agents-per-second = 60, in-flight = 30 }
            { at = 20s, misbehaving-agents = 30, garbage = 2, flood = 5 }
            { at = 30s, reboot-storm = 10, within = 5s }
          ]
        }
        """);
    Scenario whole = ScenarioLoader.load(file, Map.of());

    Scenario part = whole.part(100);

    assertThat(part.agents()).isEqualTo(100);
    assertThat(part.plan().agents()).isEqualTo(100);
    assertThat(part.behaviour().workloadRate()).isEqualTo(30.0);
    Scenario.Incident.FirmwareRollout rollout =
        (Scenario.Incident.FirmwareRollout) part.incidents().get(0);
    assertThat(rollout.agentsPerSecond()).isEqualTo(20.0);
    assertThat(rollout.inFlight()).isEqualTo(10);
    assertThat(rollout.percent()).isEqualTo(50.0);
    assertThat(((Scenario.Incident.Misbehaving) part.incidents().get(1)).agents()).isEqualTo(10);
    assertThat(part.incidents().get(2)).isEqualTo(whole.incidents().get(2));
  }
}
