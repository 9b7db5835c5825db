package io.fleetsim.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The run second by second, column-wise (what a chart takes): connected agents, agents per
 * lifecycle state, USP messages per second each way in all and by MsgType, and drops so far. One
 * sample a second for the whole run; a 1-hour run holds 3,600 rows of a few dozen numbers.
 */
final class TimeSeries {
  private final List<Double> seconds = new ArrayList<>();
  private final List<Long> connected = new ArrayList<>();
  private final Map<String, List<Long>> states = new LinkedHashMap<>();
  private final List<Long> toAgentsPerSecond = new ArrayList<>();
  private final List<Long> fromAgentsPerSecond = new ArrayList<>();
  private final List<Long> drops = new ArrayList<>();
  private final Map<String, List<Long>> toAgentsByType = new LinkedHashMap<>();
  private final Map<String, List<Long>> fromAgentsByType = new LinkedHashMap<>();
  private final Map<String, Long> lastTo = new LinkedHashMap<>();
  private final Map<String, Long> lastFrom = new LinkedHashMap<>();

  /**
   * One row: {@code toAgents} and {@code fromAgents} (by MsgType) and {@code dropsSoFar} are
   * running totals; the message columns hold their increase since the previous row.
   */
  synchronized void sample(
      double at,
      long connectedNow,
      Map<String, Long> byState,
      Map<String, Long> toAgents,
      Map<String, Long> fromAgents,
      long dropsSoFar) {
    int row = seconds.size();
    seconds.add(at);
    connected.add(connectedNow);
    byState.forEach((state, n) -> add(states, state, row, n));
    toAgentsPerSecond.add(rates(toAgents, lastTo, toAgentsByType, row));
    fromAgentsPerSecond.add(rates(fromAgents, lastFrom, fromAgentsByType, row));
    drops.add(dropsSoFar);
  }

  /** Adds each type's increase since the last row to its column; returns the sum of them. */
  private static long rates(
      Map<String, Long> totals, Map<String, Long> last, Map<String, List<Long>> columns, int row) {
    long sum = 0;
    for (Map.Entry<String, Long> e : totals.entrySet()) {
      long rate = e.getValue() - last.getOrDefault(e.getKey(), 0L);
      last.put(e.getKey(), e.getValue());
      add(columns, e.getKey(), row, rate);
      sum += rate;
    }
    for (List<Long> column : columns.values()) {
      while (column.size() <= row) {
        column.add(0L); // a type not in this row's totals (none yet) had no messages
      }
    }
    return sum;
  }

  private static void add(Map<String, List<Long>> columns, String name, int row, long value) {
    List<Long> column = columns.computeIfAbsent(name, k -> new ArrayList<>());
    while (column.size() < row) {
      column.add(0L); // a name first seen now was at zero before
    }
    column.add(value);
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
    column(b, "drops", drops).append(", ");
    columns(b, "states", states).append(", ");
    columns(b, "toAgentsByType", toAgentsByType).append(", ");
    return columns(b, "fromAgentsByType", fromAgentsByType).append('}').toString();
  }

  private static StringBuilder columns(
      StringBuilder b, String name, Map<String, List<Long>> columns) {
    b.append('"').append(name).append("\": {");
    String sep = "";
    for (Map.Entry<String, List<Long>> e : columns.entrySet()) {
      b.append(sep);
      column(b, e.getKey(), e.getValue());
      sep = ", ";
    }
    return b.append('}');
  }

  private static StringBuilder column(StringBuilder b, String name, List<Long> values) {
    b.append('"').append(name).append("\": [");
    for (int i = 0; i < values.size(); i++) {
      b.append(i == 0 ? "" : ", ").append(values.get(i));
    }
    return b.append(']');
  }
}
