package io.fleetsim.mtp;

/** One MTP connection as the code above the transport sees it: send Records, close. */
public interface MtpSession {

  /** Sends one encoded USP Record; false when the connection is gone. */
  boolean send(byte[] record);

  /**
   * Closes the connection (WebSocket: with a close frame carrying {@code status}; 1006, abnormal
   * closure, drops it without one, as a cut link does).
   */
  void close(int status, String reason);

  /** The peer's endpoint ID as the MTP identified it (WebSocket {@code ?eid=}), or "". */
  String peerEndpointId();

  /**
   * The Connect Record this MTP sends first after coming up (R-MTP.6): websocket_connect, or
   * mqtt_connect with the version and the topic where the sender can be reached.
   */
  byte[] connectRecord(String toId, String fromId);

  /**
   * The EndpointID the peer's TLS client certificate names (its {@code urn:bbf:usp:id:} URI), ""
   * when the certificate names none, null when the peer presented no certificate.
   */
  default String certifiedEndpointId() {
    return null;
  }

  /** Where the peer connects from (an IP address and port), for logs; "" when not known. */
  default String remoteAddress() {
    return "";
  }

  /**
   * The address the server gave this side for the session (a STOMP broker's {@code subscribe-dest},
   * TP-469 6.5), or "" when this side uses its configured one.
   */
  default String addressFromServer() {
    return "";
  }

  /**
   * Moves this side's subscription to {@code address} (a new STOMP destination: UNSUBSCRIBE, then
   * SUBSCRIBE, TP-469 6.10); nothing for an MTP without one, or when the server gave the address.
   */
  default void resubscribe(String address) {}

  /**
   * The peer address this session sends to when it is a route over a shared connection (the MQTT
   * reply-to topic); "" for a connection with one peer.
   */
  default String address() {
    return "";
  }

  /**
   * A view of this connection that sends to {@code address} (an MQTT topic): how a Controller whose
   * broker connection was replaced reaches the peers it knew on the new one. A connection with one
   * peer returns itself.
   */
  default MtpSession routeTo(String address) {
    return this;
  }

  /**
   * The connection this session is a route over (an MQTT reply-to route is one of many over the
   * broker connection); the session itself for a connection with one peer.
   */
  default MtpSession connection() {
    return this;
  }
}
