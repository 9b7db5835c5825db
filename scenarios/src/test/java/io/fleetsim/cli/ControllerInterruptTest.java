package io.fleetsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM to a real {@code fleetsim controller} process: it still prints its final latency table
 * (the JVM used to exit as soon as the shutdown hook had signalled the stop, before the table).
 */
class ControllerInterruptTest {
  @Test
  void aStoppedController_printsItsLatencyTable() throws Exception {
    Process controller =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Fleetsim.class.getName(),
                "controller",
                "--listen",
                "127.0.0.1:0")
            .redirectErrorStream(true)
            .start();
    StringBuilder seen = new StringBuilder();
    try (BufferedReader lines =
        new BufferedReader(
            new InputStreamReader(controller.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        seen.append(line).append('\n');
        if (line.startsWith("listening on ")) {
          controller.toHandle().destroy(); // SIGTERM
        }
      }
    }
    assertThat(controller.waitFor(30, TimeUnit.SECONDS)).as(seen.toString()).isTrue();
    assertThat(seen.toString()).as(seen.toString()).contains("no latencies recorded");
  }
}
