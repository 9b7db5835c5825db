package io.fleetsim.metrics;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BinaryOperator;

/**
 * Every count of a {@link FleetMetrics} at one moment, as immutable data: what a cluster worker
 * sends its coordinator each second. Running totals rather than deltas, so a tick that comes late
 * loses nothing; the receiver takes the difference to the previous one ({@link #minus}) and adds it
 * to its own metrics ({@link FleetMetrics#add}). Gauges (agents connected, agents per state,
 * firmware versions) are values now, so their difference moves the receiver's gauge the same way.
 */
public record FleetCounters(
    long connectedNow,
    long connects,
    long sessionsLost,
    Map<AgentState, Long> states,
    Map<String, Long> connectFailures,
    Map<String, Long> drops,
    Map<String, Long> handled,
    Map<String, Long> notifications,
    Map<String, Long> unexpected,
    Map<String, Long> acknowledged,
    Map<String, Long> toAgents,
    Map<String, Long> fromAgents,
    Map<String, Long> firmware) {

  /** Nothing counted: the previous ticks of a worker that has sent none. */
  public static final FleetCounters ZERO =
      new FleetCounters(
          0, 0, 0, Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(),
          Map.of(), Map.of());

  public FleetCounters {
    states = states.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(states));
    connectFailures = sorted(connectFailures);
    drops = sorted(drops);
    handled = sorted(handled);
    notifications = sorted(notifications);
    unexpected = sorted(unexpected);
    acknowledged = sorted(acknowledged);
    toAgents = sorted(toAgents);
    fromAgents = sorted(fromAgents);
    firmware = sorted(firmware);
  }

  private static Map<String, Long> sorted(Map<String, Long> m) {
    return java.util.Collections.unmodifiableMap(new TreeMap<>(m));
  }

  /**
   * This minus {@code earlier}, key by key (a key only one side has counts as zero on the other).
   */
  public FleetCounters minus(FleetCounters earlier) {
    return combine(earlier, (a, b) -> a - b);
  }

  /** This plus {@code other}, key by key. */
  public FleetCounters plus(FleetCounters other) {
    return combine(other, Long::sum);
  }

  private FleetCounters combine(FleetCounters o, BinaryOperator<Long> op) {
    Map<AgentState, Long> s = new EnumMap<>(AgentState.class);
    for (AgentState st : AgentState.values()) {
      long v = op.apply(states.getOrDefault(st, 0L), o.states.getOrDefault(st, 0L));
      if (v != 0 || states.containsKey(st) || o.states.containsKey(st)) {
        s.put(st, v);
      }
    }
    return new FleetCounters(
        op.apply(connectedNow, o.connectedNow),
        op.apply(connects, o.connects),
        op.apply(sessionsLost, o.sessionsLost),
        s,
        combine(connectFailures, o.connectFailures, op),
        combine(drops, o.drops, op),
        combine(handled, o.handled, op),
        combine(notifications, o.notifications, op),
        combine(unexpected, o.unexpected, op),
        combine(acknowledged, o.acknowledged, op),
        combine(toAgents, o.toAgents, op),
        combine(fromAgents, o.fromAgents, op),
        combine(firmware, o.firmware, op));
  }

  private static Map<String, Long> combine(
      Map<String, Long> a, Map<String, Long> b, BinaryOperator<Long> op) {
    Map<String, Long> out = new TreeMap<>();
    a.forEach((k, v) -> out.put(k, op.apply(v, b.getOrDefault(k, 0L))));
    b.forEach((k, v) -> out.putIfAbsent(k, op.apply(0L, v)));
    return out;
  }
}
