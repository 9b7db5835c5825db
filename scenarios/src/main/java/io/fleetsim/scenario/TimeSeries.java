package io.fleetsim.scenario;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The run second by second, column-wise (what a chart takes): connected agents, agents per
 * lifecycle state, USP messages per second each way in all and by MsgType, and drops so far. One
 * sample a second for the whole run; a 1-hour run holds 3,600 rows of a few dozen numbers.
 *
 * <p>Each column is kept as the JSON text of its values, appended as the rows come: the run writes
 * its crash-safe snapshot every few seconds, and formatting the whole run anew each time cost work
 * growing with the run's age (the soak's CPU rose with it). Now a row costs the same at any age and
 * {@link #json()} only copies text.
 */
final class TimeSeries {
  private final Column seconds = new Column(0);
  private final Column connected = new Column(0);
  private final Map<String, Column> states = new LinkedHashMap<>();
  private final Column toAgentsPerSecond = new Column(0);
  private final Column fromAgentsPerSecond = new Column(0);
  private final Column drops = new Column(0);
  private final Map<String, Column> toAgentsByType = new LinkedHashMap<>();
  private final Map<String, Column> fromAgentsByType = new LinkedHashMap<>();
  private final Map<String, Long> lastTo = new LinkedHashMap<>();
  private final Map<String, Long> lastFrom = new LinkedHashMap<>();
  private int rows;

  /** One column's values as JSON text without the brackets. */
  private static final class Column {
    private final StringBuilder text = new StringBuilder();
    private int size;

    /** A column first seen at {@code row}: it was at zero before. */
    Column(int row) {
      fill(row);
    }

    void add(long value) {
      (size++ == 0 ? text : text.append(", ")).append(value);
    }

    /** {@code at} with one decimal, as {@code %.1f} gives it (seconds are never negative). */
    void addTenths(double at) {
      long tenths = Math.round(at * 10);
      (size++ == 0 ? text : text.append(", ")).append(tenths / 10).append('.').append(tenths % 10);
    }

    /** Zeros up to {@code row} rows: a name missing from a row had nothing then. */
    void fill(int row) {
      while (size < row) {
        add(0);
      }
    }
  }

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
    int row = rows++;
    seconds.addTenths(at);
    connected.add(connectedNow);
    byState.forEach((state, n) -> column(states, state, row).add(n));
    fill(states);
    toAgentsPerSecond.add(rates(toAgents, lastTo, toAgentsByType, row));
    fromAgentsPerSecond.add(rates(fromAgents, lastFrom, fromAgentsByType, row));
    drops.add(dropsSoFar);
  }

  /** Adds each type's increase since the last row to its column; returns the sum of them. */
  private long rates(
      Map<String, Long> totals, Map<String, Long> last, Map<String, Column> columns, int row) {
    long sum = 0;
    for (Map.Entry<String, Long> e : totals.entrySet()) {
      long rate = e.getValue() - last.getOrDefault(e.getKey(), 0L);
      last.put(e.getKey(), e.getValue());
      column(columns, e.getKey(), row).add(rate);
      sum += rate;
    }
    fill(columns);
    return sum;
  }

  private static Column column(Map<String, Column> columns, String name, int row) {
    return columns.computeIfAbsent(name, k -> new Column(row));
  }

  private void fill(Map<String, Column> columns) {
    for (Column c : columns.values()) {
      c.fill(rows);
    }
  }

  synchronized int rows() {
    return rows;
  }

  /** The columns as one JSON object. */
  synchronized String json() {
    StringBuilder b = new StringBuilder("{");
    column(b, "seconds", seconds).append(", ");
    column(b, "connected", connected).append(", ");
    column(b, "messagesToAgentsPerSecond", toAgentsPerSecond).append(", ");
    column(b, "messagesFromAgentsPerSecond", fromAgentsPerSecond).append(", ");
    column(b, "drops", drops).append(", ");
    columns(b, "states", states).append(", ");
    columns(b, "toAgentsByType", toAgentsByType).append(", ");
    return columns(b, "fromAgentsByType", fromAgentsByType).append('}').toString();
  }

  private static StringBuilder columns(StringBuilder b, String name, Map<String, Column> columns) {
    b.append('"').append(name).append("\": {");
    String sep = "";
    for (Map.Entry<String, Column> e : columns.entrySet()) {
      b.append(sep);
      column(b, e.getKey(), e.getValue());
      sep = ", ";
    }
    return b.append('}');
  }

  private static StringBuilder column(StringBuilder b, String name, Column values) {
    return b.append('"').append(name).append("\": [").append(values.text).append(']');
  }
}
