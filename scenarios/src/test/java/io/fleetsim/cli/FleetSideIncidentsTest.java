package io.fleetsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsim.controller.ReferenceController;
import io.fleetsim.mtp.Transports;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The fleet-side power and network outages against a Controller that is not the embedded one (a
 * Controller in another process, as the run sees it): the affected agents drop without a
 * DisconnectRecord, come back along their retry wait, and the power-cut ones announce Boot! with
 * Cause LocalReboot, which that Controller acknowledges; the report has each incident's curves.
 */
class FleetSideIncidentsTest {
  private static final int AGENTS = 40;
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void powerAndNetworkOutages_againstAnExternalController() throws Exception {
    AtomicInteger localReboots = new AtomicInteger();
    try (Transports t = Transports.create(2);
        ReferenceController controller =
            ReferenceController.listen(
                t,
                new InetSocketAddress("127.0.0.1", 0),
                "/usp",
                "self::fleetsim-controller",
                true,
                false,
                null)) {
      controller.onNotify(
          n -> {
            if (n.message().hasEvent()
                && n.message().getEvent().getEventName().equals("Boot!")
                && "LocalReboot".equals(n.message().getEvent().getParamsMap().get("Cause"))) {
              localReboots.incrementAndGet();
            }
          });
      Path scenario =
          Files.writeString(
              dir.resolve("outages.conf"),
              """
              scenario {
                duration = 25s
                target { controller = "ws://127.0.0.1:%d/usp" }
                fleet {
                  agents = %d
                  profile {
                    agent.reboot-time = 1s
                    # TR-369 retry waits of 1-2 s, 2-4 s, 4-8 s, ... rather than from 5 s
                    objects."Device.LocalAgent.Controller.{i}.MTP.{i}.WebSocket.".params.SessionRetryMinimumWaitInterval.default = 1
                  }
                }
                incidents = [
                  { at = 3s, power-outage = 50, within = 1s, dark-min = 1s, dark-max = 3s }
                  { at = 12s, network-outage = 4s }
                ]
                assertions = [ { connected-at-least = 100 } ]
              }
              """
                  .formatted(controller.address().getPort(), AGENTS));
      Path output = dir.resolve("out");
      assertThat(run("validate", scenario.toString())).isZero();
      assertThat(out.toString())
          .contains("incident at PT3S: PowerOutage (fleet side: any target)")
          .contains("incident at PT12S: NetworkOutage (fleet side: any target)");

      assertThat(run("run", scenario.toString(), "--output", output.toString()))
          .as(out + "\n" + err)
          .isZero();

      String summary = Files.readString(output.resolve("summary.json"));
      assertThat(summary)
          .containsPattern(
              "\"back after the power outage at 3 s\": \\{\"50%\": [\\d.]+, .*\"100%\": ")
          .containsPattern(
              "\"Boot! acknowledged after the power outage at 3 s\": \\{\"50%\": [\\d.]+, .*\"100%\": ")
          .containsPattern(
              "\"back after the network outage at 12 s\": \\{\"50%\": [\\d.]+, .*\"100%\": ")
          .contains("\"network-cut\"");
      // half the fleet lost power: each came back with Boot! Cause LocalReboot, once
      assertThat(localReboots.get()).isBetween(AGENTS / 2, AGENTS / 2 + 5);
      assertThat(out.toString())
          .contains("incident: power outage: 20 agents lose power within PT1S")
          .contains("incident: the fleet's network is cut for PT4S");
    }
  }

  private int run(String... args) {
    CommandLine cli = Fleetsim.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }
}
