package io.fleetsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunTimelineTest {
  @TempDir Path dir;

  @Test
  void phasesFollowEachOther_incidentsSitAtTheirTimes_inTimeOrder() throws Exception {
    Path conf = dir.resolve("t.conf");
    Files.writeString(
        conf,
        """
        scenario {
          name = t
          duration = 120s
          target { controller = embedded, mtp = memory }
          fleet { agents = 250 }
          phases = [ { at-once = 50 }, { ramp = 100, over = 10s }, { pause = 5s },
                     { rate = 10, during = 10s } ]
          incidents = [
            { at = 60s, outage = 10s }
            { at = 12s, reboot-storm = 25, within = 2s }
            { at = 40s, flapping = 5, every = 5s, until = 50s }
          ]
        }
        """);

    String json = RunTimeline.json(RunTimeline.of(ScenarioLoader.load(conf, Map.of())));

    assertThat(json)
        .isEqualTo(
            "[{\"at\": 0.0, \"until\": 0.0, \"kind\": \"phase\", \"what\": \"50 agents at once\"},"
                + " {\"at\": 0.0, \"until\": 10.0, \"kind\": \"phase\", \"what\": \"ramp of 100"
                + " agents over 10 s\"},"
                + " {\"at\": 10.0, \"until\": 15.0, \"kind\": \"phase\", \"what\": \"pause of 5"
                + " s\"},"
                + " {\"at\": 12.0, \"until\": 14.0, \"kind\": \"reboot storm\", \"what\": \"25.0 %"
                + " of the agents rebooted\"},"
                + " {\"at\": 15.0, \"until\": 25.0, \"kind\": \"phase\", \"what\": \"10.0 agents/s"
                + " for 10 s (100)\"},"
                + " {\"at\": 40.0, \"until\": 50.0, \"kind\": \"flapping\", \"what\": \"5.0 % lose"
                + " their link every 5 s\"},"
                + " {\"at\": 60.0, \"until\": 70.0, \"kind\": \"outage\", \"what\": \"Controller"
                + " down\"}]");
  }
}
