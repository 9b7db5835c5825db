package io.fleetsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM to a real {@code fleetsim controller} process: it still prints its final latency table
 * (the JVM used to exit as soon as the shutdown hook had signalled the stop, before the table).
 */
class ControllerInterruptTest {
  @Test
  void aStoppedController_printsItsLatencyTable() throws Exception {
    Process controller = FleetsimProcess.start("controller", "--listen", "127.0.0.1:0");
    String seen =
        FleetsimProcess.readAll(
            controller,
            (line, p) -> {
              if (line.startsWith("listening on ")) {
                p.toHandle().destroy(); // SIGTERM
              }
            });
    assertThat(controller.waitFor(30, TimeUnit.SECONDS)).as(seen).isTrue();
    assertThat(seen).contains("no latencies recorded");
  }
}
