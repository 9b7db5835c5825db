package io.fleetsim.mtp;

/**
 * Receives what happens on one MTP connection. Called on the connection's event loop only, one call
 * at a time, so an agent bound to a connection needs no locking.
 */
public interface MtpListener {

  /** The connection is up (WebSocket: after the handshake with subprotocol v1.usp). */
  void onConnected(MtpSession session);

  /**
   * One Record arrived.
   *
   * @param session where a response to it goes: the connection, or over MQTT a route to the
   *     Record's reply-to topic ({@link MtpSession#connection()} is then the connection); safe to
   *     keep and use later from any thread
   * @return false when the Record could not be decoded: the WebSocket MTP then closes with 1003
   *     (R-WS.16)
   */
  boolean onRecord(MtpSession session, byte[] record);

  /** The connection is gone (closed by either side, or never opened: {@code cause} says why). */
  void onDisconnected(MtpSession session, String cause);

  /**
   * Where this side was configured to be reached, or null for the connector's own (a STOMP
   * destination a Controller set, TP-469 6.10). Asked once per connect, on the MTP's thread.
   */
  default String ownAddress() {
    return null;
  }

  /**
   * The connect never became a session: {@code failure} is why, {@code detail} what the transport
   * said. Listeners that do not count failures by kind take it as a disconnect.
   */
  default void onConnectFailed(MtpSession session, ConnectFailure failure, String detail) {
    onDisconnected(session, failure.label() + ": " + detail);
  }
}
