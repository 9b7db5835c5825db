package io.fleetsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsim.controller.ReferenceController;
import io.fleetsim.mtp.Transports;
import io.fleetsim.testing.Await;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A capacity tester's own Controller crashes during a run that scheduled no incident: the run
 * detects the mass disconnect, prints and reports it as an observed incident, and measures how the
 * fleet came back (the same milestones as after a scenario outage).
 */
class ObservedOutageIT {
  private static final String CONTROLLER = "self::fleetsim-controller";

  @TempDir Path dir;

  @Test
  void aControllerCrashTheScenarioDidNotCause_isObserved_andTheComebackMeasured() throws Exception {
    try (Transports t = Transports.create(2)) {
      ReferenceController first =
          ReferenceController.start(
              t, new InetSocketAddress("127.0.0.1", 0), "/usp", CONTROLLER, false);
      int port = first.address().getPort();
      Path scenario = dir.resolve("crash.conf");
      Files.writeString(
          scenario,
          "scenario { duration = 16s, fleet.agents = 100, target.controller ="
              + " \"ws://127.0.0.1:"
              + port
              + "/usp\", fleet.profile.objects.\"Device.LocalAgent.Controller.{i}.MTP.{i}.WebSocket.\""
              + ".params.SessionRetryMinimumWaitInterval.default = \"1\" }\n");
      Path output = dir.resolve("out");
      StringWriter out = new StringWriter();
      CompletableFuture<Integer> run =
          FleetsimProcess.inProcess(out, "run", scenario.toString(), "--output", output.toString());
      Await.until(() -> first.connectedAgents().size() == 100, Duration.ofSeconds(20));
      // the run itself counts them connected before the crash
      Await.until(() -> out.toString().contains("connected 100"), Duration.ofSeconds(10));
      first.close(); // the crash
      // the Controller comes back only once the run has seen it go
      Await.until(() -> out.toString().contains("observed outage at t="), Duration.ofSeconds(10));
      try (ReferenceController second =
          ReferenceController.start(
              t, new InetSocketAddress("127.0.0.1", port), "/usp", CONTROLLER, false)) {
        assertThat(run.get(60, TimeUnit.SECONDS)).as(out.toString()).isZero();
      }
      assertThat(out.toString()).contains("observed outage at t=");
      String summary = Files.readString(output.resolve("summary.json"));
      assertThat(summary)
          .containsPattern(
              "\"observedIncidents\": \\[\\{\"at\": [0-9.]+, \"lost\": [0-9]+, \"connectedBefore\": 100,")
          .containsPattern("\"back after the observed outage at [0-9.]+ s\": \\{\"50%\"")
          .contains("\"100%\"");
    }
  }
}
