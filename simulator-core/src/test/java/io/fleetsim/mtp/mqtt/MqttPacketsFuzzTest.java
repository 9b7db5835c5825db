package io.fleetsim.mtp.mqtt;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.fleetsim.mtp.MtpEvents;
import io.fleetsim.testing.Listener;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.mqtt.MqttDecoder;

/**
 * Any bytes from an MQTT broker into an agent's connection (MQTT 5 and 3.1.1): Netty's decoder and
 * the USP MQTT handler never let an exception escape, whatever CONNACK, SUBACK or PUBLISH arrives.
 */
class MqttPacketsFuzzTest {
  @FuzzTest(maxDuration = "2h") // bench/fuzz.sh sets the time; CI only replays the inputs
  void anyBytes(byte[] bytes) {
    for (boolean v5 : new boolean[] {true, false}) {
      EmbeddedChannel ch =
          new EmbeddedChannel(
              new MqttDecoder(64 * 1024),
              new MqttConnectionHandler(
                  MqttConfig.agents("127.0.0.1", 1883, v5),
                  "proto::fuzz",
                  "self::ctrl",
                  Listener.IGNORE.whenRecord(
                      (s, record) -> {
                        s.send(record); // answer over the route, as an agent does
                        return true;
                      }),
                  new MtpEvents()));
      ch.writeInbound(Unpooled.wrappedBuffer(bytes));
      ch.checkException();
      ch.finishAndReleaseAll();
    }
  }
}
