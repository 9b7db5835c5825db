package io.fleetsim.mtp.stomp;

import io.netty.channel.ChannelHandler;
import io.netty.handler.codec.stomp.StompSubframeEncoder;

/**
 * Netty's STOMP encoder, one for all connections: it keeps no state per connection (its header
 * escape cache is per thread), as Netty's {@code @Sharable} MqttEncoder, so no agent pays for its
 * own.
 */
@ChannelHandler.Sharable
final class SharedStompEncoder extends StompSubframeEncoder {
  static final SharedStompEncoder INSTANCE = new SharedStompEncoder();

  private SharedStompEncoder() {}
}
