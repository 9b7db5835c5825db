package io.fleetsim.mtp;

import io.fleetsim.identity.DeviceId;
import io.netty.channel.EventLoop;
import java.net.InetSocketAddress;

/** Opens MTP connections for agents: the WebSocket client, or the MQTT client over a broker. */
public interface Connector {

  /**
   * Connects agent {@code device}; {@code listener} hears of the session on {@code loop}. A failed
   * attempt is reported through {@code onConnectFailed}.
   *
   * @param device who connects: its EndpointID, and the serial, MAC and index that per-device
   *     logins and certificates are made from
   * @param localAddress the source address to bind, or null for any
   */
  void connect(
      DeviceId device,
      String controllerId,
      MtpListener listener,
      EventLoop loop,
      InetSocketAddress localAddress);

  /** Connects an endpoint known only by its EndpointID (a Controller's own connection). */
  default void connect(
      String eid,
      String controllerId,
      MtpListener listener,
      EventLoop loop,
      InetSocketAddress localAddress) {
    connect(DeviceId.of(eid), controllerId, listener, loop, localAddress);
  }
}
