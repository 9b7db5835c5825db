package io.fleetsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C (here SIGTERM to a real {@code fleetsim run} process) stops the run early and still writes
 * the report: summary.json marked interrupted, report.txt, the .hlog.
 */
class RunInterruptTest {
  @TempDir Path dir;

  @Test
  void aStoppedRun_stillWritesItsReport() throws Exception {
    Path scenario = dir.resolve("long.conf");
    Files.writeString(scenario, "scenario { duration = 10m, fleet.agents = 50 }\n");
    Path output = dir.resolve("out");
    Process run = FleetsimProcess.start("run", scenario.toString(), "--output", output.toString());
    String seen =
        FleetsimProcess.readAll(
            run,
            (line, p) -> {
              if (line.startsWith("t=") && line.contains("connected 50")) {
                // SIGTERM, handled by the JVM like Ctrl-C's SIGINT (shutdown hooks); through the
                // handle, so our end of the output pipe stays open to read the rest
                p.toHandle().destroy();
              }
            });
    assertThat(run.waitFor(60, TimeUnit.SECONDS)).as(seen).isTrue();

    String summary = Files.readString(output.resolve("summary.json"));
    assertThat(summary).contains("\"interrupted\": true").contains("\"connectedAtEnd\": 50");
    assertThat(output.resolve("report.txt")).exists();
    assertThat(output.resolve("latencies.hlog")).exists();
    assertThat(seen).contains("(interrupted)").contains("wrote " + output);
  }
}
