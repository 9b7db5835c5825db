package io.fleetsim.metrics;

/**
 * The narrow stats facade agent and protocol code report through (Gatling's StatsEngine idea).
 * Shared by all agents of a fleet, so every implementation is thread-safe and allocation-free on
 * the hot path.
 */
public interface AgentStats {

  /** An incoming record or message was dropped; {@code reason} is a small fixed set of keys. */
  void dropped(String reason, String detail);

  /** A request was answered; {@code type} is the USP message type name. */
  void handled(String type, long nanos);

  /** A Notify was sent (first attempt or retry). */
  void notified(String type, boolean retry);

  /** A message arrived in a state that cannot take it; counted by reason, never thrown. */
  void unexpected(String reason);

  /**
   * A Notify sent with NotifRetry got its NotifyResp {@code nanos} after its first attempt; {@code
   * notification} is the event name ({@code Boot!}) or the notification type.
   */
  default void acknowledged(String notification, long nanos) {}

  /**
   * A USP Msg crossed an agent's MTP: {@code type} is its MsgType name ({@code GET}, {@code
   * NOTIFY_RESP}), {@code toAgent} its direction.
   */
  default void message(String type, boolean toAgent) {}

  /**
   * An agent's running firmware changed from {@code from} to {@code to} (SoftwareVersion); null
   * {@code from} for a new agent, null {@code to} for one that left the fleet.
   */
  default void firmware(String from, String to) {}

  /** Discards everything: for tests and benchmarks that do not look at counters. */
  AgentStats NOOP =
      new AgentStats() {
        @Override
        public void dropped(String reason, String detail) {}

        @Override
        public void handled(String type, long nanos) {}

        @Override
        public void notified(String type, boolean retry) {}

        @Override
        public void unexpected(String reason) {}
      };
}
