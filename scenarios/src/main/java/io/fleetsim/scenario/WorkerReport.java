package io.fleetsim.scenario;

import static io.fleetsim.usp.message.Json.quote;

import io.fleetsim.metrics.ProcessCost;
import java.util.List;
import java.util.Locale;

/**
 * One worker of a run spread over a cluster, as {@code summary.json} and the report name it: who it
 * was, which agents it ran, what they did, and whether (and when) it was lost mid-run.
 *
 * @param firstAgent the index of its first agent; it ran {@code agents} from there
 * @param connected its agents connected at the end (0 once lost)
 * @param messages USP messages its agents sent and received
 * @param drops inputs its agents dropped
 * @param heapBytesPerAgent its heap after GC per agent (with {@code --measure-heap}), else -1
 * @param cost its process's CPU and GC time over its part of the run
 * @param lostAtSeconds when the cluster removed it, seconds into the run, or -1 when it stayed
 */
public record WorkerReport(
    String name,
    String host,
    long pid,
    int firstAgent,
    int agents,
    long connected,
    long messages,
    long drops,
    long heapBytesPerAgent,
    ProcessCost cost,
    double lostAtSeconds) {

  /** Whether the worker was lost before the end of the run. */
  public boolean lost() {
    return lostAtSeconds >= 0;
  }

  /** The workers as a JSON array ({@code []} for a run in one JVM). */
  static String json(List<WorkerReport> workers) {
    StringBuilder b = new StringBuilder("[");
    String sep = "\n";
    for (WorkerReport w : workers) {
      b.append(sep)
          .append("    {\"name\": ")
          .append(quote(w.name))
          .append(", \"host\": ")
          .append(quote(w.host))
          .append(
              String.format(
                  Locale.ROOT,
                  ", \"pid\": %d, \"firstAgent\": %d, \"agents\": %d, \"connected\": %d,"
                      + " \"messages\": %d, \"drops\": %d, \"heapBytesPerAgent\": %d,"
                      + " %s, \"lost\": %b",
                  w.pid,
                  w.firstAgent,
                  w.agents,
                  w.connected,
                  w.messages,
                  w.drops,
                  w.heapBytesPerAgent,
                  SimulatorCost.fields(w.cost, w.agents, w.messages),
                  w.lost()))
          .append(
              w.lost()
                  ? String.format(Locale.ROOT, ", \"lostAtSeconds\": %.1f", w.lostAtSeconds)
                  : "")
          .append('}');
      sep = ",\n";
    }
    return b.append(workers.isEmpty() ? "]" : "\n  ]").toString();
  }

  /** The workers as lines of the text report (empty for a run in one JVM). */
  static String table(List<WorkerReport> workers) {
    if (workers.isEmpty()) {
      return "";
    }
    StringBuilder b = new StringBuilder("workers:\n");
    for (WorkerReport w : workers) {
      b.append(
          String.format(
              Locale.ROOT,
              "  %-20s %s pid %d agents %d-%d connected %d messages %d drops %d, %s%s%n",
              w.name,
              w.host,
              w.pid,
              w.firstAgent,
              w.firstAgent + w.agents - 1,
              w.connected,
              w.messages,
              w.drops,
              SimulatorCost.line(w.cost, w.agents, w.messages),
              w.lost() ? String.format(Locale.ROOT, " LOST at t=%.1fs", w.lostAtSeconds) : ""));
    }
    return b.append('\n').toString();
  }
}
