package io.fleetsim.scenario;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * When a growing count first reached 50, 90, 99 and 100 % of a target: how long a fleet took to be
 * connected or booted, or to come back after an outage (the reconnect curve's key points). Fed
 * samples in time order.
 */
public final class Milestones {
  static final double[] PERCENTS = {50, 90, 99, 100};

  private final String what;
  private final long target;
  private final long[] reachedMillis = new long[PERCENTS.length];

  /**
   * @param what what is counted, e.g. {@code connected}
   * @param target the count that is 100 %
   */
  public Milestones(String what, long target) {
    this.what = what;
    this.target = target;
    java.util.Arrays.fill(reachedMillis, -1);
  }

  /** The count was {@code value} at {@code millis} since the reference time. */
  public synchronized void observe(long millis, long value) {
    for (int i = 0; i < PERCENTS.length; i++) {
      if (reachedMillis[i] < 0 && value * 100 >= Math.ceil(target * PERCENTS[i])) {
        reachedMillis[i] = millis;
      }
    }
  }

  public String what() {
    return what;
  }

  /** Percent → seconds until it was reached; percents not reached are absent. */
  public synchronized Map<String, Double> reached() {
    Map<String, Double> out = new LinkedHashMap<>();
    for (int i = 0; i < PERCENTS.length; i++) {
      if (reachedMillis[i] >= 0) {
        out.put((int) PERCENTS[i] + "%", reachedMillis[i] / 1000.0);
      }
    }
    return out;
  }
}
