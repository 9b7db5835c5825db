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

  /** Tells the transport about reboots: drop the connection, then reconnect after the restart. */
  default void lifecycle(AgentLifecycle event) {}
}
