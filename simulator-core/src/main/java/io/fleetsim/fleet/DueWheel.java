package io.fleetsim.fleet;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntConsumer;

/**
 * The agents due for a tick, by the second they fall due: the fleet tick delivers only those, so a
 * fleet where nothing is due costs next to nothing (no tick to every agent every second). An entry
 * is the agent's local index in its second's bucket, 4 bytes; an agent asks again when its next due
 * instant moves earlier (the stale entry then costs one tick that finds nothing). An instant more
 * than {@link #FINE_SECONDS} away goes into the bucket of the 10 minutes it falls in, and the agent
 * is ticked at their start, asks again, and lands in its exact second: a day of due instants takes
 * some 750 buckets, not 86,400. Thread-safe: agents register from their threads, the guardian
 * drains.
 */
final class DueWheel {
  /** How far ahead buckets are per second. */
  static final long FINE_SECONDS = 600;

  /** The span of a bucket beyond that. */
  static final long COARSE_SECONDS = 600;

  /** Indices due in one second. */
  private static final class Bucket {
    private int[] agents = new int[8];
    private int size;

    void add(int agent) {
      if (size == agents.length) {
        agents = Arrays.copyOf(agents, size * 2);
      }
      agents[size++] = agent;
    }
  }

  private final TreeMap<Long, Bucket> bySecond = new TreeMap<>();

  /** The last second drained: a registration at or before it goes to the next one. */
  private long drained = Long.MIN_VALUE;

  private long entries;

  /** Agent {@code local} is due once {@code dueMillis} has passed; it is {@code nowMillis}. */
  synchronized void add(int local, long dueMillis, long nowMillis) {
    long second = Math.floorDiv(dueMillis + 999, 1000);
    if (second - Math.floorDiv(nowMillis, 1000) > FINE_SECONDS) {
      second -= Math.floorMod(second, COARSE_SECONDS); // ticked early once, then exactly
    }
    second = Math.max(second, drained + 1);
    bySecond.computeIfAbsent(second, s -> new Bucket()).add(local);
    entries++;
  }

  /** Takes every agent due by {@code nowMillis} out, passing each to {@code due}. */
  void drain(long nowMillis, IntConsumer due) {
    Map<Long, Bucket> ready;
    synchronized (this) {
      long second = Math.floorDiv(nowMillis, 1000);
      drained = Math.max(drained, second);
      Map<Long, Bucket> head = bySecond.headMap(second, true);
      if (head.isEmpty()) {
        return;
      }
      ready = new TreeMap<>(head);
      head.clear();
      for (Bucket b : ready.values()) {
        entries -= b.size;
      }
    }
    for (Bucket b : ready.values()) {
      for (int i = 0; i < b.size; i++) {
        due.accept(b.agents[i]);
      }
    }
  }

  /** Registrations waiting (tests, and the size of what the wheel holds). */
  synchronized long entries() {
    return entries;
  }
}
