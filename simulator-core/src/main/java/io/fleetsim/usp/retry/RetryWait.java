package io.fleetsim.usp.retry;

import java.util.random.RandomGenerator;

/**
 * The TR-369 retry wait (TR-157 A.2.2.1; TR-369 R-NOT.1-4, R-WS.19-21): retry n (1-based, capped at
 * 10) waits uniformly in [m·(k/1000)^(n−1), m·(k/1000)^n] seconds, with m the minimum wait in
 * seconds and k the interval multiplier in thousandths. Used for Notify retry (USPNotifRetry*),
 * WebSocket session retry (SessionRetry*) and, with a cap, MQTT reconnects. Pure: the random source
 * is passed in, so a fleet's reconnect storm is reproducible from its seed.
 */
public final class RetryWait {
  /** Retries beyond the tenth wait as long as the tenth. */
  public static final int MAX_EXPONENT = 10;

  private RetryWait() {}

  /** The lower bound of retry {@code attempt}'s window, in milliseconds. */
  public static long minMillis(int attempt, long minimumWaitSeconds, long multiplierThousandths) {
    int n = Math.max(1, Math.min(attempt, MAX_EXPONENT));
    return (long) (minimumWaitSeconds * 1000.0 * Math.pow(multiplierThousandths / 1000.0, n - 1));
  }

  /** The upper bound of retry {@code attempt}'s window, in milliseconds. */
  public static long maxMillis(int attempt, long minimumWaitSeconds, long multiplierThousandths) {
    int n = Math.max(1, Math.min(attempt, MAX_EXPONENT));
    long lo = minMillis(attempt, minimumWaitSeconds, multiplierThousandths);
    return Math.max(
        lo, (long) (minimumWaitSeconds * 1000.0 * Math.pow(multiplierThousandths / 1000.0, n)));
  }

  /** A random wait for retry {@code attempt}, in milliseconds. */
  public static long delayMillis(
      int attempt, long minimumWaitSeconds, long multiplierThousandths, RandomGenerator random) {
    long lo = minMillis(attempt, minimumWaitSeconds, multiplierThousandths);
    long hi = maxMillis(attempt, minimumWaitSeconds, multiplierThousandths);
    return hi > lo ? lo + random.nextLong(hi - lo + 1) : lo;
  }

  /** As {@link #delayMillis} with an upper cap (MQTT ConnectRetryMaxInterval, in seconds). */
  public static long cappedDelayMillis(
      int attempt,
      long minimumWaitSeconds,
      long multiplierThousandths,
      long maxIntervalSeconds,
      RandomGenerator random) {
    return Math.min(
        delayMillis(attempt, minimumWaitSeconds, multiplierThousandths, random),
        maxIntervalSeconds * 1000);
  }

  /**
   * The STOMP reconnect wait (TR-181 Device.STOMP.Connection.{i}.ServerRetry*, TR-369 STOMP
   * binding): retry n (1-based, capped at 10) waits uniformly in [0, I·(k/1000)^(n−1)] seconds, not
   * from the lower bound up as the other waits do, then at most {@code maxIntervalSeconds}.
   */
  public static long stompDelayMillis(
      int attempt,
      long initialIntervalSeconds,
      long multiplierThousandths,
      long maxIntervalSeconds,
      RandomGenerator random) {
    long hi =
        Math.min(
            minMillis(attempt, initialIntervalSeconds, multiplierThousandths),
            maxIntervalSeconds * 1000);
    return hi > 0 ? random.nextLong(hi + 1) : 0;
  }
}
