package io.fleetsim.agent;

/** Lifecycle signals an agent gives its transport. */
public enum AgentLifecycle {
  /** The agent is going down (Reboot(), FactoryReset(), firmware activation): close the MTP. */
  REBOOTING,
  /** The agent finished restarting: connect, then call {@link AgentCore#onConnected}. */
  RESTARTED,
  /**
   * The boot is announced: Boot! was acknowledged by its NotifyResp, given up on after
   * NotifExpiration, or needs no answer (no NotifRetry subscription).
   */
  BOOTED,
  /** A firmware Download() started transferring. */
  DOWNLOADING,
  /** A firmware Download() ended (image in the bank, failed, or cancelled). */
  DOWNLOADED
}
