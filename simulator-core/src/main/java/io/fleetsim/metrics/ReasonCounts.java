package io.fleetsim.metrics;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Occurrences by reason, counted from any thread, telling the caller which one is the first of its
 * reason: the pattern of every failure fleetsim reports (log the first with its detail, count the
 * rest), so a fleet that fails the same way a million times is loud once, not a million times.
 */
public final class ReasonCounts {
  private final ConcurrentHashMap<String, LongAdder> counts = new ConcurrentHashMap<>();

  /** One occurrence of {@code reason}; true for the first one of that reason. */
  public boolean count(String reason) {
    LongAdder n = counts.get(reason);
    boolean first = false;
    if (n == null) {
      LongAdder fresh = new LongAdder();
      n = counts.putIfAbsent(reason, fresh);
      if (n == null) {
        n = fresh;
        first = true;
      }
    }
    n.increment();
    return first;
  }

  /** {@code n} occurrences of {@code reason} counted elsewhere (a cluster worker's). */
  public void add(String reason, long n) {
    counts.computeIfAbsent(reason, k -> new LongAdder()).add(n);
  }

  /** Occurrences so far, by reason, sorted. */
  public Map<String, Long> snapshot() {
    Map<String, Long> out = new TreeMap<>();
    counts.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }
}
