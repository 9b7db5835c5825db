package io.fleetsim.scenario;

import io.fleetsim.metrics.AgentState;
import io.fleetsim.metrics.FleetMetrics;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** The one-line live progress display, one line a second. */
final class Progress {
  private final FleetMetrics metrics;
  private final RunSource fleet;
  private long lastMessages;

  Progress(RunSource fleet) {
    this.metrics = fleet.metrics();
    this.fleet = fleet;
  }

  String line(double seconds) {
    long messages =
        sum(metrics.stats().messagesToAgents()) + sum(metrics.stats().messagesFromAgents());
    long rate = messages - lastMessages;
    lastMessages = messages;
    Histogram boot = metrics.latencies().total("Notify Boot!");
    return String.format(
        Locale.ROOT,
        "t=%5.1fs agents %d/%d connected %d%s msgs/s %d Boot! p50 %.1f ms p99 %.1f ms drops %d%s%s",
        seconds,
        fleet.spawned(),
        fleet.total(),
        metrics.connectedNow(),
        states(metrics.states()),
        rate,
        boot.getValueAtPercentile(50) / 1000.0,
        boot.getValueAtPercentile(99) / 1000.0,
        sum(metrics.stats().drops()),
        failures(metrics.connectFailures()),
        fleet.controllerLatencies() == null ? "" : " controller Boot! " + fleet.controllerBoots());
  }

  /** Failed connects by cause: " connect failures refused 12 tls 3" (empty when none). */
  static String failures(Map<String, Long> failures) {
    if (failures.isEmpty()) {
      return "";
    }
    StringBuilder b = new StringBuilder(" connect failures");
    failures.forEach((cause, n) -> b.append(' ').append(cause).append(' ').append(n));
    return b.toString();
  }

  /** The agents not simply online, by state: " booting 120 rebooting 30" (empty when none). */
  static String states(Map<AgentState, Long> states) {
    StringBuilder b = new StringBuilder();
    states.forEach(
        (s, n) -> {
          if (n > 0 && s != AgentState.ONLINE) {
            b.append(' ').append(s.label()).append(' ').append(n);
          }
        });
    return b.toString();
  }

  static long sum(Map<String, Long> m) {
    return m.values().stream().mapToLong(Long::longValue).sum();
  }
}
