package io.fleetsim.mtp.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetsim.controller.ReferenceController;
import io.fleetsim.mtp.TestPki;
import io.fleetsim.mtp.Tls;
import io.fleetsim.mtp.Transports;
import io.fleetsim.testing.TestFleet;
import io.fleetsim.testing.TestModels;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The MQTT MTP over TLS (mqtts://) through a real Mosquitto whose only listener is TLS with a
 * certificate of a self-signed test CA: agents sharing one client TLS context that trusts the CA
 * complete CONNECT and SUBSCRIBE (connected() turns true on SUBACK), which plain MQTT cannot on
 * that listener.
 */
class MqttsIT {

  @Test
  void aControllerTrustingAnotherCa_saysItIsTheTlsHandshake() throws Exception {
    TestPki pki = TestPki.create();
    TestPki other = TestPki.create();
    try (Mosquitto broker = Mosquitto.startTls(pki);
        Transports t = Transports.create(1)) {
      assertThatThrownBy(
              () ->
                  ReferenceController.overBroker(
                      t,
                      new MqttClient(
                          t,
                          MqttConfig.controller("127.0.0.1", broker.port, true, "/usp/controller"),
                          1 << 20,
                          Tls.client(other.caCert())),
                      "mqtts://127.0.0.1:" + broker.port,
                      "self::fleetsim-controller",
                      false,
                      false))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("cannot reach the broker (tls: ")
          .hasMessageContaining("--ca-cert");
    }
  }

  @Test
  void agents_connectThroughATlsOnlyBroker() throws Exception {
    TestPki pki = TestPki.create();
    try (Mosquitto broker = Mosquitto.startTls(pki);
        Transports t = Transports.create(2);
        TestFleet fleet =
            TestFleet.of(
                TestModels.gateway(1),
                t,
                new MqttClient(
                    t,
                    MqttConfig.agents("127.0.0.1", broker.port, true),
                    1 << 20,
                    Tls.client(pki.caCert())),
                "self::fleetsim-controller",
                3,
                1)) {
      fleet.start();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (fleet.connected() < 3) {
        assertThat(System.nanoTime()).as("all agents subscribed within 20 s").isLessThan(deadline);
        TimeUnit.MILLISECONDS.sleep(10);
      }
    }
  }
}
