package io.fleetsim.mtp.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.fleetsim.datamodel.DeviceModel;
import io.fleetsim.datamodel.ProfileLoader;
import io.fleetsim.fleet.MtpAgents;
import io.fleetsim.metrics.CountingAgentStats;
import io.fleetsim.mtp.Transports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * usp-js, an independent USP Controller (INTEROP.md), drives one fleetsim agent through a real
 * Mosquitto broker: Get (plain, wildcard, search expression), Set, Add and Delete of a
 * Subscription, GetSupportedDM, GetInstances, then a synchronous Device.Reboot() followed by the
 * Boot! event of the new boot on a Persistent Subscription. The driver is
 * interop/mqtt-controller.js; it exits non-zero on any USP error or timeout.
 */
class UspJsMqttIT {
  private static final String CONTROLLER = "proto::interop-usp-controller";
  private static final Path INTEROP = Path.of("..", "interop").toAbsolutePath().normalize();

  /** Agents answer only their known Controllers: usp-js becomes Controller.1. */
  private static Config uspJsAsController() {
    return ConfigFactory.parseMap(
        Map.of(
            "profile.objects.\"Device.LocalAgent.Controller.{i}.\".params.EndpointID.default",
            CONTROLLER));
  }

  @ParameterizedTest(name = "MQTT 5: {0}")
  @ValueSource(booleans = {true, false})
  void uspJs_drivesAnAgent_throughMosquitto(boolean v5) throws Exception {
    if (!Files.isDirectory(INTEROP.resolve("node_modules/usp-js"))) {
      throw new IllegalStateException(
          "usp-js is not installed: run ./test.sh (npm ci in " + INTEROP + ")");
    }
    try (Mosquitto broker = Mosquitto.start();
        Transports t = Transports.create(2);
        MtpAgents fleet =
            new MtpAgents(
                new DeviceModel(
                    ProfileLoader.loadResource("profiles/test-gateway.conf", uspJsAsController()),
                    1,
                    InstantSource.system()),
                new CountingAgentStats(),
                t,
                new MqttClient(t, MqttConfig.agents("127.0.0.1", broker.port, v5), 1 << 20),
                CONTROLLER,
                1,
                1)) {
      fleet.start();
      // connected() turns true on SUBACK: from then on the agent hears its topic
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (!fleet.agents().get(0).connected()) {
        assertThat(System.nanoTime()).as("agent subscribed within 20 s").isLessThan(deadline);
        TimeUnit.MILLISECONDS.sleep(10);
      }
      String eid = fleet.agents().get(0).endpointId();
      Path out = Files.createTempFile("usp-js", ".out");
      Path err = Files.createTempFile("usp-js", ".err");
      Process node =
          new ProcessBuilder(
                  List.of(
                      "node",
                      "mqtt-controller.js",
                      String.valueOf(broker.port),
                      eid,
                      v5 ? "5" : "4",
                      CONTROLLER))
              .directory(INTEROP.toFile())
              .redirectOutput(out.toFile())
              .redirectError(err.toFile())
              .start();
      if (!node.waitFor(90, TimeUnit.SECONDS)) {
        node.destroyForcibly();
        throw new AssertionError("usp-js did not finish in 90 s: " + Files.readString(err));
      }
      assertThat(node.exitValue()).as(Files.readString(err)).isZero();
      List<String> lines = Files.readAllLines(out);
      String json = lines.get(lines.size() - 1); // usp-js itself may log lines before it
      assertThat(json)
          .contains("\"serial\":\"FSIM00000000\"")
          .contains("\"wildcard\":[\"fleetsim-2g\",\"fleetsim-5g\"]")
          .contains("\"search\":[\"fleetsim-5g\"]")
          .contains("\"friendlyName\":\"usp-js was here\"")
          .contains("\"added\":\"Device.LocalAgent.Subscription.1.\"")
          .contains("\"deleted\":[\"Device.LocalAgent.Subscription.1.\"]")
          .contains("\"supportedObjPath\":\"Device.DeviceInfo.FirmwareImage.{i}.\"")
          .contains("\"instantiatedObjPath\":\"Device.DeviceInfo.FirmwareImage.2.\"")
          .contains("\"subscriptionId\":\"NOTIFY@boot-js\"")
          .contains("\"eventName\":\"Boot!\"")
          .contains("\"CommandKey\":\"js-reboot\"")
          .contains("\"Cause\":\"RemoteReboot\"");
    }
  }
}
