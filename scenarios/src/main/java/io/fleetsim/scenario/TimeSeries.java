package io.fleetsim.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The run second by second, column-wise (what a chart takes): connected agents, agents per
 * lifecycle state, USP messages per second each way, and drops so far. One sample a second for the
 * whole run; a 1-hour run holds 3,600 rows of a dozen numbers.
 */
final class TimeSeries {
  private final List<Double> seconds = new ArrayList<>();
  private final List<Long> connected = new ArrayList<>();
  private final Map<String, List<Long>> states = new LinkedHashMap<>();
  private final List<Long> toAgentsPerSecond = new ArrayList<>();
  private final List<Long> fromAgentsPerSecond = new ArrayList<>();
  private final List<Long> drops = new ArrayList<>();
  private long lastTo;
  private long lastFrom;

  /**
   * One row: {@code toAgents}, {@code fromAgents} and {@code dropsSoFar} are running totals; the
   * message columns hold their increase since the previous row.
   */
  synchronized void sample(
      double at,
      long connectedNow,
      Map<String, Long> byState,
      long toAgents,
      long fromAgents,
      long dropsSoFar) {
    int row = seconds.size();
    seconds.add(at);
    connected.add(connectedNow);
    byState.forEach(
        (state, n) -> {
          List<Long> column = states.computeIfAbsent(state, k -> new ArrayList<>());
          while (column.size() < row) {
            column.add(0L); // a state first seen now was empty before
          }
          column.add(n);
        });
    toAgentsPerSecond.add(toAgents - lastTo);
    fromAgentsPerSecond.add(fromAgents - lastFrom);
    lastTo = toAgents;
    lastFrom = fromAgents;
    drops.add(dropsSoFar);
  }

  synchronized int rows() {
    return seconds.size();
  }

  /** The columns as one JSON object. */
  synchronized String json() {
    StringBuilder b = new StringBuilder("{");
    b.append("\"seconds\": [");
    for (int i = 0; i < seconds.size(); i++) {
      b.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.1f", seconds.get(i)));
    }
    b.append("], ");
    column(b, "connected", connected).append(", ");
    column(b, "messagesToAgentsPerSecond", toAgentsPerSecond).append(", ");
    column(b, "messagesFromAgentsPerSecond", fromAgentsPerSecond).append(", ");
    column(b, "drops", drops).append(", \"states\": {");
    String sep = "";
    for (Map.Entry<String, List<Long>> e : states.entrySet()) {
      b.append(sep);
      column(b, e.getKey(), e.getValue());
      sep = ", ";
    }
    return b.append("}}").toString();
  }

  private static StringBuilder column(StringBuilder b, String name, List<Long> values) {
    b.append('"').append(name).append("\": [");
    for (int i = 0; i < values.size(); i++) {
      b.append(i == 0 ? "" : ", ").append(values.get(i));
    }
    return b.append(']');
  }
}
