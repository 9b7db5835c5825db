package io.fleetsim.mtp.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsim.interop.UspJs;
import io.fleetsim.mtp.Transports;
import io.fleetsim.testing.TestFleet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * usp-js drives one fleetsim agent through a real Mosquitto broker (MQTT 5 and 3.1.1): Get (plain,
 * wildcard, search expression), Set, Add and Delete of a Subscription, GetSupportedDM,
 * GetInstances, then a synchronous Device.Reboot() followed by the Boot! event of the new boot on a
 * Persistent Subscription (interop/mqtt-controller.js, interop/steps.js).
 */
class UspJsMqttIT {

  @ParameterizedTest(name = "MQTT 5: {0}")
  @ValueSource(booleans = {true, false})
  void uspJs_drivesAnAgent_throughMosquitto(boolean v5) throws Exception {
    try (Mosquitto broker = Mosquitto.start();
        Transports t = Transports.create(2);
        TestFleet fleet =
            TestFleet.of(
                UspJs.agentModel(),
                t,
                new MqttClient(t, MqttConfig.agents("127.0.0.1", broker.port, v5), 1 << 20),
                UspJs.CONTROLLER,
                1,
                1)) {
      fleet.start();
      // connected() turns true on SUBACK: from then on the agent hears its topic
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (fleet.connected() < 1) {
        assertThat(System.nanoTime()).as("agent subscribed within 20 s").isLessThan(deadline);
        TimeUnit.MILLISECONDS.sleep(10);
      }
      String eid = fleet.endpointId(0);
      try (UspJs usp =
          UspJs.start(
              "mqtt-controller.js",
              String.valueOf(broker.port),
              eid,
              v5 ? "5" : "4",
              UspJs.CONTROLLER)) {
        UspJs.assertAllStepsAnswered(usp.result());
      }
    }
  }
}
