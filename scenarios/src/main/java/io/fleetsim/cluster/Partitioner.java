package io.fleetsim.cluster;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a fleet of {@code total} agents over workers as contiguous index ranges, in the workers'
 * order: as evenly as the workers' capacities allow (a worker that can hold less than an even share
 * gets what it can hold, the rest is spread over the others), or not at all when the capacities
 * together are too small. Deterministic: the same inputs give the same ranges.
 */
public final class Partitioner {
  /** A worker's capacity when it declared none. */
  public static final int UNLIMITED = Integer.MAX_VALUE;

  private Partitioner() {}

  /**
   * @param capacities each worker's most agents ({@link #UNLIMITED} when it declared none), in
   *     worker order
   * @throws IllegalArgumentException naming the shortfall when the workers cannot hold the fleet
   */
  public static List<AgentRange> split(int total, List<Integer> capacities) {
    if (capacities.isEmpty()) {
      throw new IllegalArgumentException("no workers to run " + total + " agents");
    }
    long room = 0;
    for (int c : capacities) {
      room += c;
    }
    if (room < total) {
      throw new IllegalArgumentException(
          String.format(
              "the %d workers hold at most %d agents together (%s), the scenario has %d",
              capacities.size(), room, capacities, total));
    }
    int[] counts = new int[capacities.size()];
    boolean[] full = new boolean[counts.length];
    int left = total;
    int open = counts.length;
    // water filling: an even share for every worker not yet full; whoever cannot take it is filled
    // to its capacity and leaves the round; repeat until a round fits everyone
    while (left > 0) {
      int share = left / open;
      int extra = left % open;
      boolean someoneFilled = false;
      for (int i = 0; i < counts.length; i++) {
        if (!full[i] && capacities.get(i) - counts[i] < share + (extra > 0 ? 1 : 0)) {
          left -= capacities.get(i) - counts[i];
          counts[i] = capacities.get(i);
          full[i] = true;
          open--;
          someoneFilled = true;
        }
      }
      if (!someoneFilled) {
        for (int i = 0; i < counts.length; i++) {
          if (!full[i]) {
            counts[i] += share + (extra-- > 0 ? 1 : 0);
          }
        }
        left = 0;
      }
    }
    List<AgentRange> ranges = new ArrayList<>(counts.length);
    int first = 0;
    for (int c : counts) {
      ranges.add(new AgentRange(first, c));
      first += c;
    }
    return List.copyOf(ranges);
  }
}
