package io.fleetsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
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
    Process run =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Fleetsim.class.getName(),
                "run",
                scenario.toString(),
                "--output",
                output.toString())
            .redirectErrorStream(true)
            .start();
    StringBuilder seen = new StringBuilder();
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(run.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        seen.append(line).append('\n');
        if (line.startsWith("t=") && line.contains("connected 50")) {
          // SIGTERM, handled by the JVM like Ctrl-C's SIGINT (shutdown hooks); through the
          // handle, so our end of the output pipe stays open to read the rest
          run.toHandle().destroy();
        }
      }
    }
    assertThat(run.waitFor(60, TimeUnit.SECONDS)).as(seen.toString()).isTrue();

    String summary = Files.readString(output.resolve("summary.json"));
    assertThat(summary).contains("\"interrupted\": true").contains("\"connectedAtEnd\": 50");
    assertThat(output.resolve("report.txt")).exists();
    assertThat(output.resolve("latencies.hlog")).exists();
    assertThat(seen.toString()).contains("(interrupted)").contains("wrote " + output);
  }
}
