package io.fleetsim.fleet;

/**
 * Paces fleet ticks to what the fleet can process: a round (one Tick to every agent) starts only
 * when the previous round has reached every agent, or after {@link #MAX_GAP_MILLIS} in any case. A
 * tick that finds agents still busy is deferred, not queued: each agent's next window simply spans
 * longer ({@code (its last stamp, new stamp]}), so nothing is lost, while a queue of unprocessed
 * ticks would grow without bound once a round costs more than a second (1,000,000 agents at ~0.6 µs
 * each plus the messaging). Guardian thread only.
 */
final class TickPacer {
  /** The longest wait for a round to finish before the next one starts anyway. */
  static final long MAX_GAP_MILLIS = 10_000;

  private long lastRoundMillis = Long.MIN_VALUE / 2;
  private long rounds;
  private long deferred;

  /**
   * Whether a round starts at {@code nowMillis}, with {@code pendingAgentTicks} of the earlier
   * rounds not yet processed.
   */
  boolean startRound(long nowMillis, long pendingAgentTicks) {
    if (pendingAgentTicks > 0 && nowMillis - lastRoundMillis < MAX_GAP_MILLIS) {
      deferred++;
      return false;
    }
    lastRoundMillis = nowMillis;
    rounds++;
    return true;
  }

  long rounds() {
    return rounds;
  }

  long deferred() {
    return deferred;
  }
}
