package io.fleetsim.mtp.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.fleetsim.mtp.MtpEvents;
import io.fleetsim.mtp.MtpListener;
import io.fleetsim.testing.Listener;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.WebSocket13FrameDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;

/**
 * Any bytes from a WebSocket peer after the handshake, through Netty's frame decoder (as a client
 * receives them: unmasked), the aggregator and the USP frame handler: no exception escapes the
 * pipeline, and no Record larger than the limit reaches the agent.
 */
class WsFramesFuzzTest {
  private static final int LIMIT = 64 * 1024;

  @FuzzTest(maxDuration = "2h") // bench/fuzz.sh sets the time; CI only replays the inputs
  void anyBytes(byte[] bytes) {
    int[] records = {0};
    int[] largest = {0};
    MtpListener listener =
        Listener.IGNORE.whenRecord(
            (s, record) -> {
              records[0]++;
              largest[0] = Math.max(largest[0], record.length);
              return record.length > 0;
            });
    WsFrameHandler frames = new WsFrameHandler(listener, "self::ctrl", new MtpEvents());
    EmbeddedChannel ch =
        new EmbeddedChannel(
            new WebSocket13FrameDecoder(
                WebSocketDecoderConfig.newBuilder()
                    .expectMaskedFrames(false)
                    .allowMaskMismatch(true)
                    .maxFramePayloadLength(LIMIT)
                    .build()),
            new WebSocketFrameAggregator(LIMIT),
            frames);
    ch.pipeline()
        .fireUserEventTriggered(
            WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_COMPLETE);
    ch.writeInbound(Unpooled.wrappedBuffer(bytes));
    ch.checkException(); // nothing reached the tail of the pipeline unhandled
    assertThat(largest[0]).isLessThanOrEqualTo(LIMIT);
    ch.finishAndReleaseAll();
  }
}
