package io.fleetsim.agent;

/**
 * Where an agent's outgoing Records go: its MTP connection, or a test's list. Called on the agent's
 * thread only.
 */
public interface Outbox {

  /**
   * Sends one encoded USP Record to the Controller with endpoint ID {@code controllerId}.
   *
   * @return false when no MTP to that Controller is up (the Record is lost; retries cover Notify)
   */
  boolean send(String controllerId, byte[] record);

  /**
   * Sends the response to a request back the way the request came (over MQTT: to its reply-to
   * topic, R-MQTT.26); by default like {@link #send}.
   */
  default boolean reply(String controllerId, byte[] record) {
    return send(controllerId, record);
  }

  /** Tells the transport about reboots: drop the connection, then reconnect after the restart. */
  default void lifecycle(AgentLifecycle event) {}

  /**
   * A Controller changed where this agent is reached (LocalAgent.MTP.1.STOMP.Destination, TP-469
   * 6.10): the transport moves its subscription there.
   */
  default void mtpAddress(String address) {}
}
