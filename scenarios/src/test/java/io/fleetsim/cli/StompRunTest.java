package io.fleetsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsim.controller.ReferenceController;
import io.fleetsim.mtp.Transports;
import io.fleetsim.mtp.connect.Connectors;
import io.fleetsim.testing.Artemis;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code fleetsim run} over STOMP through a real (embedded) Artemis: a fleet whose target is the
 * broker, served by a Controller on it; and a fleet mixing WebSocket gateways with STOMP hubs that
 * the embedded Controller serves on both MTPs.
 */
class StompRunTest {
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void aFleetOnAStompTarget_reachesTheControllerOnTheBroker() throws Exception {
    try (Artemis broker = Artemis.start();
        Transports t = Transports.create(1);
        ReferenceController controller =
            ReferenceController.overBroker(
                t,
                Connectors.controller(
                    t, URI.create(broker.url()), Connectors.Options.defaults(), null),
                broker.url(),
                "self::lab-controller",
                true,
                false)) {
      Path scenario =
          write(
              "stomp.conf",
              """
              scenario {
                duration = 5s
                target {
                  controller = "%s"
                  controller-id = "self::lab-controller"
                  stomp { heartbeat = 5s }
                }
                fleet { agents = 60, mix = [ { profile = iot-hub, share = 100 } ] }
                assertions = [ { connected-at-least = 60 } ]
              }
              """
                  .formatted(broker.url()));
      int rc = run("run", scenario.toString(), "--output", dir.resolve("out").toString());
      assertThat(rc).as(out + "\n" + err).isZero();
      assertThat(controller.connectRecords()).as(out.toString()).isEqualTo(60);
      assertThat(controller.provisioned()).isEqualTo(60);
      assertThat(controller.dropped()).isZero();
    }
  }

  @Test
  void aFleetMixingWebSocketAndStomp_reachesTheEmbeddedControllerOnBoth() throws Exception {
    try (Artemis broker = Artemis.start()) {
      Path scenario =
          write(
              "mixed.conf",
              """
              scenario {
                duration = 5s
                target { controller = embedded, mtp = websocket, broker = "%s" }
                fleet {
                  agents = 100
                  mix = [
                    { profile = home-gateway, share = 70 }
                    { profile = iot-hub, share = 30, mtp = stomp }
                  ]
                }
                assertions = [ { connected-at-least = 100 }, { max-drops = 0 } ]
              }
              """
                  .formatted(broker.url()));
      Path output = dir.resolve("mixed");
      int rc = run("run", scenario.toString(), "--output", output.toString());
      assertThat(rc).as(out + "\n" + err).isZero();
      // every agent provisioned by the one embedded Controller, whatever its MTP
      assertThat(Files.readString(output.resolve("summary.json")))
          .contains("\"controller Add\": {\"count\": 100,");
      // the hubs and the Controller's own connection went through the broker (the run is over:
      // only what outlives it would count now, so none)
      assertThat(broker.connections()).isZero();
    }
  }

  @Test
  void aStompEntry_needsAStompBroker() throws IOException {
    Path scenario =
        write(
            "bad.conf",
            """
            scenario {
              duration = 5s
              target { controller = embedded, mtp = websocket, broker = "mqtt://127.0.0.1:1883" }
              fleet {
                agents = 10
                mix = [ { profile = iot-hub, share = 100, mtp = stomp } ]
              }
            }
            """);
    assertThat(run("validate", scenario.toString())).isEqualTo(2);
    assertThat(err.toString())
        .contains(
            "bad.conf:6: scenario.fleet.mix[0].mtp: needs target.broker = \"stomp://HOST:PORT\"");
  }

  private int run(String... args) {
    CommandLine cli = Fleetsim.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  private Path write(String name, String text) throws IOException {
    Path f = dir.resolve(name);
    Files.writeString(f, text);
    return f;
  }
}
