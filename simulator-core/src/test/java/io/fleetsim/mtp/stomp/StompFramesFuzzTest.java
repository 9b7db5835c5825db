package io.fleetsim.mtp.stomp;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.fleetsim.mtp.MtpEvents;
import io.fleetsim.testing.Listener;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.stomp.StompSubframeAggregator;
import io.netty.handler.codec.stomp.StompSubframeDecoder;

/**
 * Any bytes from a STOMP broker into an agent's connection: Netty's decoder, the guard, the
 * aggregator (a small limit, so oversize bodies are exercised) and the USP STOMP handler never let
 * an exception escape, whatever CONNECTED, RECEIPT, MESSAGE or ERROR arrives.
 */
class StompFramesFuzzTest {
  @FuzzTest(maxDuration = "2h") // bench/fuzz.sh sets the time; CI only replays the inputs
  void anyBytes(byte[] bytes) {
    StompConfig c = StompConfig.agents("127.0.0.1", 61613, 4096);
    EmbeddedChannel ch =
        new EmbeddedChannel(
            new StompSubframeDecoder(c.maxLineBytes(), 1024, true),
            BadFrameGuard.INSTANCE,
            new StompSubframeAggregator(c.maxFrameBytes()),
            SharedStompEncoder.INSTANCE,
            new StompConnectionHandler(
                c,
                "proto::fuzz",
                "self::ctrl",
                Listener.IGNORE.whenRecord(
                    (s, record) -> {
                      s.send(record); // answer over the route, as an agent does
                      return true;
                    }),
                new MtpEvents(),
                new StompHeartbeats(c)));
    ch.writeInbound(Unpooled.wrappedBuffer(bytes));
    ch.checkException();
    ch.finishAndReleaseAll();
  }
}
