package io.fleetsim.datamodel;

import java.util.Arrays;

/**
 * Rows that come and go (Hosts.Host: phones leave in the morning and return in the evening, host
 * tables churn over hours). A churning table has {@code slots} rows at most; slot s is present for
 * a seeded fraction of a seeded period, so presence is a function of (seed, agent, slot, time) and
 * nothing is stored per agent. Each presence session gets its own instance number, unique and never
 * reused (R-ARC.8): a host that returns is a new row, like a phone with a randomized MAC.
 *
 * @param slots rows at most (the profile's {@code instances})
 * @param minPeriodMillis shortest present-plus-absent cycle of a slot
 * @param maxPeriodMillis longest cycle
 * @param minPresent smallest share of its cycle a slot is present
 * @param maxPresent largest share
 */
public record Churn(
    int slots, long minPeriodMillis, long maxPeriodMillis, double minPresent, double maxPresent) {

  /** The instance numbers present at {@code atMillis} (the fleet epoch is {@code epochMillis}). */
  int[] instances(long seed, int agent, int[] parent, long epochMillis, long atMillis) {
    int[] out = new int[slots];
    int n = 0;
    for (int s = 0; s < slots; s++) {
      Slot slot = slot(seed, agent, parent, s);
      long period = slot.period;
      long t = Math.max(0, atMillis - epochMillis) + slot.phase;
      long cycle = t / period;
      if ((t % period) < slot.present * period) {
        // session k of slot s: numbers grow with k and never repeat across slots
        out[n++] = (int) Math.min(Integer.MAX_VALUE, cycle * slots + s + 1);
      }
    }
    int[] result = Arrays.copyOf(out, n);
    Arrays.sort(result);
    return result;
  }

  /**
   * The first instant after {@code afterMillis} at which a row comes or goes: the nearest end of a
   * slot's presence or absence. The fleet ticks the agent then.
   */
  long nextChangeAfter(long seed, int agent, int[] parent, long epochMillis, long afterMillis) {
    long next = Long.MAX_VALUE;
    long from = Math.max(afterMillis, epochMillis); // rows stand still before the fleet's epoch
    for (int s = 0; s < slots; s++) {
      Slot slot = slot(seed, agent, parent, s);
      long period = slot.period;
      long t = (from - epochMillis) + slot.phase;
      long into = t % period;
      double presentMillis = slot.present * period;
      // present while into < presentMillis: the first whole millisecond where that flips
      long flip = into < presentMillis ? (long) Math.ceil(presentMillis) : period;
      long at = from + (flip - into);
      if (at <= afterMillis) {
        at = afterMillis + 1;
      }
      next = Math.min(next, at);
    }
    return next;
  }

  /** Slot {@code s}'s seeded cycle: its length, the share of it present, and where it starts. */
  private record Slot(long period, double present, long phase) {}

  private Slot slot(long seed, int agent, int[] parent, int s) {
    long period =
        minPeriodMillis
            + (long) ((maxPeriodMillis - minPeriodMillis) * u(seed, agent, parent, s, 1));
    double present = minPresent + (maxPresent - minPresent) * u(seed, agent, parent, s, 2);
    return new Slot(period, present, (long) (period * u(seed, agent, parent, s, 3)));
  }

  private static double u(long seed, int agent, int[] parent, int slot, long salt) {
    long h = Seeds.mix(seed ^ (0xC4A2_0000L + salt));
    h = Seeds.mix(h + agent);
    for (int i : parent) {
      h = Seeds.mix(h + i);
    }
    h = Seeds.mix(h + slot);
    return (h >>> 11) * 0x1.0p-53;
  }
}
