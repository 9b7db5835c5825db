package io.fleetsim.mtp.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsim.mtp.MtpListener;
import io.fleetsim.mtp.Transports;
import io.fleetsim.testing.Await;
import io.fleetsim.testing.Listener;
import io.fleetsim.testing.SerialGet;
import io.fleetsim.testing.TestFleet;
import io.fleetsim.testing.TestModels;
import io.fleetsim.usp.message.UspMessages;
import io.fleetsim.usp.proto.UspMsg.Header.MsgType;
import io.fleetsim.usp.proto.UspMsg.Msg;
import io.fleetsim.usp.proto.UspRecord.Record;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Agents on the MQTT MTP through a real Mosquitto broker (MQTT 5 and 3.1.1): each announces itself
 * with an MQTTConnectRecord on the Controller topic (TP-469 11.17) and answers a Get on the
 * request's reply-to (MQTT 5 Response Topic, or the 3.1.1 /reply-to= suffix: TP-469 11.14).
 */
class MosquittoIT {
  private static final String CONTROLLER = "self::fleetsim-controller";
  private static final int AGENTS = 5;

  @ParameterizedTest(name = "MQTT 5: {0}")
  @ValueSource(booleans = {true, false})
  void agents_connectThroughMosquitto_andAnswerOnTheReplyTo(boolean v5) throws Exception {
    Map<String, Record> connectRecords = new ConcurrentHashMap<>();
    Map<String, Msg> answers = new ConcurrentHashMap<>();
    try (Mosquitto broker = Mosquitto.start();
        Transports t = Transports.create(2)) {
      // the Controller's topic: MQTTConnectRecords and notifications arrive here
      MqttConfig controllerTopic =
          new MqttConfig("127.0.0.1", broker.port, v5, "/usp/controller", "/usp/none", 60);
      MqttClient watcher = new MqttClient(t, controllerTopic, 1 << 20);
      boolean[] watching = {false};
      watcher.connect(
          "ctl-watch",
          "",
          listener(r -> connectRecords.put(r.getFromId(), r), () -> watching[0] = true),
          t.group().next(),
          null);
      Await.until(() -> watching[0]);

      try (TestFleet fleet =
          TestFleet.of(
              TestModels.gateway(2),
              t,
              new MqttClient(t, MqttConfig.agents("127.0.0.1", broker.port, v5), 1 << 20),
              CONTROLLER,
              AGENTS,
              1)) {
        fleet.start();
        Await.until(() -> connectRecords.size() == AGENTS);
        for (String eid : fleet.endpointIds()) {
          Record r = connectRecords.get(eid);
          assertThat(r.getToId()).isEqualTo(CONTROLLER);
          assertThat(r.getMqttConnect().getSubscribedTopic()).isEqualTo("/usp/agent/" + eid);
          assertThat(r.getMqttConnect().getVersion().getNumber()).isEqualTo(v5 ? 1 : 0);
        }
        // a Controller connection per agent publishes a Get to the agent's topic
        for (int i = 0; i < AGENTS; i++) {
          String eid = fleet.endpointId(i);
          MqttConfig ctl =
              new MqttConfig(
                  "127.0.0.1", broker.port, v5, "/usp/ctl-" + i, "/usp/agent/" + eid, 60);
          new MqttClient(t, ctl, 1 << 20)
              .connect(
                  "ctl-" + i + (v5 ? "-5" : "-3"),
                  eid,
                  Listener.IGNORE
                      .whenConnected(
                          s -> s.send(UspMessages.encodeRecord("1.4", eid, CONTROLLER, get())))
                      .whenRecord(
                          (s, bytes) -> {
                            try {
                              Record r = Record.parseFrom(bytes);
                              answers.put(
                                  r.getFromId(),
                                  Msg.parseFrom(r.getNoSessionContext().getPayload()));
                            } catch (Exception e) {
                              throw new AssertionError(e);
                            }
                            return true;
                          }),
                  t.group().next(),
                  null);
        }
        Await.until(() -> answers.size() == AGENTS);
        for (int i = 0; i < AGENTS; i++) {
          Msg m = answers.get(fleet.endpointId(i));
          assertThat(SerialGet.of(m)).isEqualTo(SerialGet.expected(i));
        }
      }
    }
  }

  private static Msg get() {
    return UspMessages.request("mqtt-get", MsgType.GET, SerialGet.request());
  }

  private static MtpListener listener(
      java.util.function.Consumer<Record> records, Runnable connected) {
    return Listener.IGNORE
        .whenConnected(s -> connected.run())
        .whenRecord(
            (s, bytes) -> {
              try {
                Record r = Record.parseFrom(bytes);
                if (r.hasMqttConnect()) {
                  records.accept(r);
                }
              } catch (Exception e) {
                throw new AssertionError(e);
              }
              return true;
            });
  }
}
