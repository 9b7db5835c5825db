package io.fleetsim.agent;

/** Lifecycle signals an agent gives its transport. */
public enum AgentLifecycle {
  /** The agent is going down (Reboot(), FactoryReset(), firmware activation): close the MTP. */
  REBOOTING,
  /** The agent finished restarting: connect, then call {@link AgentCore#onConnected}. */
  RESTARTED
}
