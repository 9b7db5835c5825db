package io.fleetsim.mtp.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsim.controller.ReferenceController;
import io.fleetsim.mtp.MtpListener;
import io.fleetsim.mtp.Transports;
import io.fleetsim.testing.Await;
import io.fleetsim.testing.BrokerCrash;
import io.fleetsim.testing.Listener;
import io.fleetsim.testing.SerialGet;
import io.fleetsim.testing.TestFleet;
import io.fleetsim.testing.TestModels;
import io.fleetsim.usp.proto.UspMsg.Header.MsgType;
import io.fleetsim.usp.proto.UspMsg.Msg;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The embedded reference Controller on a real Mosquitto broker (MQTT 5 and 3.1.1): one broker
 * connection serves a fleet of MQTT agents. Every agent's MQTTConnectRecord arrives, every agent is
 * provisioned (its Add answered on its own reply-to topic), reboots on the Controller's Operate and
 * announces Boot!, and answers a Get the Controller sends to it.
 */
class MqttControllerIT {
  private static final String CONTROLLER = "self::fleetsim-controller";
  private static final int AGENTS = 20;

  @ParameterizedTest(name = "MQTT 5: {0}")
  @ValueSource(booleans = {true, false})
  void controllerOnTheBroker_provisionsAndQueriesAFleet(boolean v5) throws Exception {
    try (Mosquitto broker = Mosquitto.start();
        Transports t = Transports.create(2);
        ReferenceController controller = controller(t, broker.port, v5, true);
        TestFleet fleet = fleet(t, broker.port, v5, 4)) {
      fleet.start();
      Await.until(
          () -> controller.provisioned() == AGENTS && controller.boots() == AGENTS,
          Duration.ofSeconds(60));
      assertThat(controller.connectedAgents()).hasSize(AGENTS);
      assertThat(controller.dropped()).isZero();
      for (int i = 0; i < AGENTS; i++) {
        String eid = fleet.endpointId(i);
        Msg m = controller.request(eid, MsgType.GET, SerialGet.request()).get(10, TimeUnit.SECONDS);
        assertThat(SerialGet.of(m)).isEqualTo(SerialGet.expected(i));
      }
    }
  }

  @Test
  void brokerRestart_controllerAndAgentsReconnect_andTalkAgain() throws Exception {
    Mosquitto broker = Mosquitto.start();
    int port = broker.port;
    try (Transports t = Transports.create(2);
        ReferenceController controller = controller(t, port, true, false);
        TestFleet fleet = fleet(t, port, true, 4)) {
      fleet.start();
      Await.until(() -> controller.provisioned() == AGENTS, Duration.ofSeconds(60));
      long before = controller.connectRecords();
      broker.close();
      Await.until(() -> controller.connectedAgents().isEmpty());
      broker = Mosquitto.startOn(port);
      // every agent announces itself again to the reconnected Controller
      Await.until(() -> controller.connectRecords() == before + AGENTS, Duration.ofSeconds(60));
      Msg m =
          controller
              .request(fleet.endpointId(7), MsgType.GET, SerialGet.request())
              .get(10, TimeUnit.SECONDS);
      assertThat(SerialGet.of(m)).isEqualTo(SerialGet.expected(7));
      assertThat(controller.provisioned()).isEqualTo(AGENTS); // not provisioned twice
    } finally {
      broker.close();
    }
  }

  @Test
  void brokerKilledUnderAWorkload_everyoneResubscribes_andNoAnswerIsCountedThatWasNotGiven()
      throws Exception {
    Mosquitto[] broker = {Mosquitto.start()};
    int port = broker[0].port;
    try (Transports t = Transports.create(2);
        ReferenceController controller = controller(t, port, true, false);
        TestFleet fleet = fleet(t, port, true, 5)) {
      fleet.start();
      BrokerCrash.underAGetWorkload(
          t,
          controller,
          fleet,
          AGENTS,
          () -> broker[0].kill(),
          () -> broker[0] = Mosquitto.startOn(port));
    } finally {
      broker[0].close();
    }
  }

  @Test
  void controllerConnectionTakenOver_itReconnects_andStillReachesAgentsThatStayed()
      throws Exception {
    try (Mosquitto broker = Mosquitto.start();
        Transports t = Transports.create(2);
        ReferenceController controller = controller(t, broker.port, true, false);
        TestFleet fleet = fleet(t, broker.port, true, 5)) {
      fleet.start();
      Await.until(() -> controller.provisioned() == AGENTS, Duration.ofSeconds(60));
      long before = controller.connectRecords();

      // a client with the Controller's ClientId makes Mosquitto drop the Controller (session
      // takeover, MQTT 3.1.4-3); the intruder leaves at once, the agents stay connected
      MtpListener leaveAtOnce = Listener.IGNORE.whenConnected(s -> s.close(1000, "done"));
      new MqttClient(t, MqttConfig.agents("127.0.0.1", broker.port, true), 1 << 20)
          .connect(CONTROLLER, "", leaveAtOnce, t.group().next(), null);
      Await.until(() -> controller.connectedAgents().isEmpty());

      // after its retry wait the Controller is back and reaches every agent at its last reply-to
      // topic, though none of them published anything since
      Await.until(() -> controller.connectedAgents().size() == AGENTS, Duration.ofSeconds(30));
      for (int i = 0; i < AGENTS; i++) {
        String eid = fleet.endpointId(i);
        Msg m = controller.request(eid, MsgType.GET, SerialGet.request()).get(10, TimeUnit.SECONDS);
        assertThat(SerialGet.of(m)).isEqualTo(SerialGet.expected(i));
      }
      assertThat(controller.connectRecords()).isEqualTo(before);
    }
  }

  private static ReferenceController controller(
      Transports t, int port, boolean v5, boolean rebootAfterProvisioning) {
    return ReferenceController.overBroker(
        t,
        new MqttClient(t, MqttConfig.controller("127.0.0.1", port, v5, "/usp/controller"), 1 << 20),
        "mqtt://127.0.0.1:" + port,
        CONTROLLER,
        true,
        rebootAfterProvisioning);
  }

  private static TestFleet fleet(Transports t, int port, boolean v5, long seed) {
    return TestFleet.of(
        TestModels.gateway(seed),
        t,
        new MqttClient(t, MqttConfig.agents("127.0.0.1", port, v5), 1 << 20),
        CONTROLLER,
        AGENTS,
        1);
  }
}
