package io.fleetsim.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsim.mtp.MtpListener;
import io.fleetsim.mtp.MtpSession;
import io.fleetsim.mtp.Transports;
import io.fleetsim.mtp.websocket.WsServer;
import io.fleetsim.testing.Await;
import io.fleetsim.testing.Listener;
import io.fleetsim.testing.TestFleet;
import io.fleetsim.testing.TestModels;
import io.fleetsim.usp.message.UspMessages;
import io.fleetsim.usp.proto.UspMsg.Get;
import io.fleetsim.usp.proto.UspMsg.Header.MsgType;
import io.fleetsim.usp.proto.UspMsg.Msg;
import io.fleetsim.usp.proto.UspMsg.Request;
import io.fleetsim.usp.proto.UspRecord.Record;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A hostile Controller at the socket. Garbage bytes close the session with 1003 (R-WS.16); an
 * oversized Record, a Record for another endpoint and one from an unknown sender are counted and
 * dropped, with the session kept. The other agents on the same server are unaffected and keep
 * answering.
 */
class BadInputIT {
  private static final String CONTROLLER = "self::fleetsim-controller";

  @Test
  void badInput_isDroppedOrClosedAsSpecified_andOtherAgentsKeepWorking() throws Exception {
    Map<String, MtpSession> sessions = new ConcurrentHashMap<>();
    Map<String, Msg> answers = new ConcurrentHashMap<>();
    AtomicInteger disconnects = new AtomicInteger();
    Supplier listener =
        () ->
            Listener.IGNORE
                .whenConnected(s -> sessions.put(s.peerEndpointId(), s))
                .whenRecord(
                    (s, bytes) -> {
                      try {
                        Record r = Record.parseFrom(bytes);
                        if (r.hasNoSessionContext()) {
                          answers.put(
                              r.getFromId(), Msg.parseFrom(r.getNoSessionContext().getPayload()));
                        }
                      } catch (Exception e) {
                        throw new AssertionError(e);
                      }
                      return true;
                    })
                .whenDisconnected(
                    (s, cause) -> {
                      disconnects.incrementAndGet();
                      sessions.remove(s.peerEndpointId(), s);
                    });
    try (Transports t = Transports.create(2);
        WsServer server =
            WsServer.bind(
                t, new InetSocketAddress("127.0.0.1", 0), "/usp", 1 << 20, listener::get);
        TestFleet fleet =
            TestFleet.of(
                TestModels.gateway(5),
                t,
                URI.create("ws://127.0.0.1:" + server.address().getPort() + "/usp"),
                CONTROLLER,
                10,
                1)) {
      fleet.start();
      Await.until(() -> sessions.size() == 10);
      String victim = fleet.endpointId(0);
      String other = fleet.endpointId(1);

      // a Record for another endpoint, one from an unknown Controller, an oversized one: dropped
      MtpSession s = sessions.get(victim);
      s.send(UspMessages.encodeRecord("1.4", "os::someone-else", CONTROLLER, get("a")));
      s.send(UspMessages.encodeRecord("1.4", victim, "self::intruder", get("b")));
      s.send(new byte[6 * 1024 * 1024]);
      Await.until(() -> fleet.stats().drops().getOrDefault("OVERSIZED", 0L) == 1);
      assertThat(fleet.stats().drops())
          .containsEntry("WRONG_TO_ID", 1L)
          .containsEntry("UNKNOWN_CONTROLLER", 1L)
          .containsEntry("OVERSIZED", 1L);
      assertThat(sessions.get(victim)).as("session kept").isSameAs(s);

      // garbage: the agent closes with 1003 (R-WS.16), then reconnects after the retry wait
      s.send(new byte[] {(byte) 0xFF, (byte) 0xFF, 0x01});
      Await.until(() -> disconnects.get() == 1);
      assertThat(fleet.stats().drops()).containsEntry("UNPARSEABLE", 1L);

      // the other agents never noticed
      sessions.get(other).send(UspMessages.encodeRecord("1.4", other, CONTROLLER, get("ok")));
      Await.until(() -> answers.containsKey(other));
      assertThat(answers.get(other).getBody().getResponse().hasGetResp()).isTrue();
      assertThat(sessions.keySet()).containsAll(fleet.endpointIds().subList(1, 10));
    }
  }

  private interface Supplier extends java.util.function.Supplier<MtpListener> {}

  private static Msg get(String id) {
    return UspMessages.request(
        id,
        MsgType.GET,
        Request.newBuilder()
            .setGet(Get.newBuilder().addParamPaths("Device.DeviceInfo.ModelName"))
            .build());
  }
}
