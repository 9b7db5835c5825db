package io.fleetsim.metrics;

/** Where an agent stands in its lifecycle; the fleet counts agents per state. */
public enum AgentState {
  /** Not connected: not started yet, or waiting out the retry interval. */
  OFFLINE,
  /** An MTP connect is under way. */
  CONNECTING,
  /** Connected, Boot! sent and not acknowledged yet. */
  BOOTING,
  /** Connected and announced. */
  ONLINE,
  /** Connected, with a firmware download in progress. */
  DOWNLOADING,
  /** Down for a reboot (a Reboot(), a firmware activation, a power cycle). */
  REBOOTING;

  private final String label = name().toLowerCase(java.util.Locale.ROOT);

  /** The lower-case name reports and wrong-state counters use ({@code booting}), one copy. */
  public String label() {
    return label;
  }
}
