package io.fleetsim.mtp;

/** One MTP connection as the code above the transport sees it: send Records, close. */
public interface MtpSession {

  /** Sends one encoded USP Record; false when the connection is gone. */
  boolean send(byte[] record);

  /** Closes the connection (WebSocket: with a close frame carrying {@code status}). */
  void close(int status, String reason);

  /** The peer's endpoint ID as the MTP identified it (WebSocket {@code ?eid=}), or "". */
  String peerEndpointId();

  /**
   * The Connect Record this MTP sends first after coming up (R-MTP.6): websocket_connect, or
   * mqtt_connect with the version and the topic where the sender can be reached.
   */
  byte[] connectRecord(String toId, String fromId);

  /**
   * Where later Records for the peer of the Record being handled go. A WebSocket connection has one
   * peer, so that is this session; one MQTT broker connection serves many peers, so there it is a
   * view publishing to that peer's reply-to topic (R-MQTT.18-27). Call it inside {@code onRecord}.
   */
  default MtpSession replyRoute() {
    return this;
  }
}
