package io.fleetsim.mtp;

import io.netty.channel.EventLoop;
import java.net.InetSocketAddress;

/** Opens MTP connections for agents: the WebSocket client, or the MQTT client over a broker. */
public interface Connector {

  /**
   * Connects agent {@code eid}; {@code listener} hears of the session on {@code loop}. A failed
   * attempt is reported through {@code onDisconnected}.
   *
   * @param localAddress the source address to bind, or null for any
   */
  void connect(
      String eid,
      String controllerId,
      MtpListener listener,
      EventLoop loop,
      InetSocketAddress localAddress);
}
