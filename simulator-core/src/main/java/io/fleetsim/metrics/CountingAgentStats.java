package io.fleetsim.metrics;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts drops, handled messages and notifications by key with {@link LongAdder}s, records Notify
 * round trips in shared HdrHistogram recorders (one per notification name), and logs the first few
 * occurrences of each drop reason (Gatling caps such logs at 20; Agrona's DistinctErrorLog idea):
 * never one log line per agent per error.
 */
public final class CountingAgentStats implements AgentStats {
  private static final Logger LOG = LoggerFactory.getLogger(CountingAgentStats.class);
  static final int LOGGED_PER_REASON = 20;

  private final ConcurrentHashMap<String, LongAdder> drops = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, LongAdder> handled = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, LongAdder> notifications = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, LongAdder> unexpected = new ConcurrentHashMap<>();
  private final Latencies latencies = new Latencies();
  private final ConcurrentHashMap<String, LongAdder> acknowledged = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, LongAdder> toAgents = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, LongAdder> fromAgents = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, LongAdder> firmware = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, String> handleNames = new ConcurrentHashMap<>();

  @Override
  public void dropped(String reason, String detail) {
    LongAdder counter = drops.computeIfAbsent(reason, k -> new LongAdder());
    counter.increment();
    if (counter.sum() <= LOGGED_PER_REASON) {
      LOG.warn("dropped input ({}): {}", reason, detail);
    }
  }

  /**
   * Counts the request and records how long the agent took from the decoded request to its response
   * handed to the MTP, as {@code handle <TYPE>}: the simulator's own share of every round trip.
   */
  @Override
  public void handled(String type, long nanos) {
    handled.computeIfAbsent(type, k -> new LongAdder()).increment();
    latencies.record(handleNames.computeIfAbsent(type, t -> "handle " + t), nanos);
  }

  @Override
  public void notified(String type, boolean retry) {
    notifications.computeIfAbsent(retry ? type + ".retry" : type, k -> new LongAdder()).increment();
  }

  @Override
  public void unexpected(String reason) {
    unexpected.computeIfAbsent(reason, k -> new LongAdder()).increment();
  }

  /** Records the Notify round trip as {@code Notify <name>} ({@code Notify Boot!}). */
  @Override
  public void acknowledged(String notification, long nanos) {
    latencies.record("Notify " + notification, nanos);
    acknowledged.computeIfAbsent(notification, k -> new LongAdder()).increment();
  }

  @Override
  public void message(String type, boolean toAgent) {
    (toAgent ? toAgents : fromAgents).computeIfAbsent(type, k -> new LongAdder()).increment();
  }

  @Override
  public void firmware(String from, String to) {
    if (from != null) {
      firmware.computeIfAbsent(from, k -> new LongAdder()).decrement();
    }
    if (to != null) {
      firmware.computeIfAbsent(to, k -> new LongAdder()).increment();
    }
  }

  /** USP messages the agents received so far, by MsgType. */
  public Map<String, Long> messagesToAgents() {
    return snapshot(toAgents);
  }

  /** USP messages the agents sent so far, by MsgType. */
  public Map<String, Long> messagesFromAgents() {
    return snapshot(fromAgents);
  }

  /** Agents in the fleet by running SoftwareVersion now (versions no agent runs are left out). */
  public Map<String, Long> firmwareVersions() {
    Map<String, Long> out = snapshot(firmware);
    out.values().removeIf(n -> n <= 0);
    return out;
  }

  /** Notifications acknowledged by a NotifyResp so far, by event name or type. */
  public long acknowledged(String notification) {
    LongAdder n = acknowledged.get(notification);
    return n == null ? 0 : n.sum();
  }

  /**
   * The agents' latencies: Notify round trips by event name or notification type, and request
   * handling times by message type.
   */
  public Latencies latencies() {
    return latencies;
  }

  /** Drops so far, by reason. */
  public Map<String, Long> drops() {
    return snapshot(drops);
  }

  /** Handled requests so far, by message type. */
  public Map<String, Long> handled() {
    return snapshot(handled);
  }

  /** Notifications sent so far, by notification type ({@code .retry} suffix for retries). */
  public Map<String, Long> notifications() {
    return snapshot(notifications);
  }

  /** Wrong-state messages so far, by reason. */
  public Map<String, Long> unexpected() {
    return snapshot(unexpected);
  }

  /** Notifications acknowledged so far, by event name or type. */
  public Map<String, Long> acknowledged() {
    return snapshot(acknowledged);
  }

  /** Agents by SoftwareVersion with the versions now at zero: what a difference needs. */
  Map<String, Long> firmwareCounts() {
    return snapshot(firmware);
  }

  /**
   * Adds counts measured elsewhere (a cluster worker's difference since its last tick) to these
   * counters: the drops, requests, notifications and messages of {@code d}, and the firmware
   * version gauge.
   */
  void add(FleetCounters d) {
    add(drops, d.drops());
    add(handled, d.handled());
    add(notifications, d.notifications());
    add(unexpected, d.unexpected());
    add(acknowledged, d.acknowledged());
    add(toAgents, d.toAgents());
    add(fromAgents, d.fromAgents());
    add(firmware, d.firmware());
  }

  private static void add(ConcurrentHashMap<String, LongAdder> counters, Map<String, Long> d) {
    d.forEach((k, n) -> counters.computeIfAbsent(k, x -> new LongAdder()).add(n));
  }

  private static Map<String, Long> snapshot(ConcurrentHashMap<String, LongAdder> counters) {
    Map<String, Long> out = new TreeMap<>();
    counters.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }
}
