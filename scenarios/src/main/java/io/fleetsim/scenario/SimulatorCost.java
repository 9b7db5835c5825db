package io.fleetsim.scenario;

import io.fleetsim.metrics.ProcessCost;
import java.util.Locale;

/**
 * The simulator's own cost in a report: CPU and GC seconds of the processes that ran the agents,
 * and CPU per agent and per USP message, so a user sees whether the simulator had room to spare (a
 * Controller under test is the bottleneck only if the simulator was not).
 */
final class SimulatorCost {
  private SimulatorCost() {}

  /**
   * The JSON fields {@code "cpuSeconds", "gcSeconds", "jitSeconds", "cpuMicrosPerAgent",
   * "cpuMicrosPerMessage"} (without braces; -1 where unknown or nothing to divide by). JIT time is
   * part of the CPU time, a one-off cost of a young JVM.
   */
  static String fields(ProcessCost cost, long agents, long messages) {
    return String.format(
        Locale.ROOT,
        "\"cpuSeconds\": %.3f, \"gcSeconds\": %.3f, \"jitSeconds\": %.3f,"
            + " \"cpuMicrosPerAgent\": %.1f, \"cpuMicrosPerMessage\": %.2f",
        cost.cpuMillis() < 0 ? -1.0 : cost.cpuMillis() / 1000.0,
        cost.gcMillis() / 1000.0,
        cost.jitMillis() / 1000.0,
        per(cost, agents),
        per(cost, messages));
  }

  /** One line of the text report, e.g. {@code CPU 50.6 s (506 µs per agent, …), GC 1.3 s}. */
  static String line(ProcessCost cost, long agents, long messages) {
    String cpu =
        cost.cpuMillis() < 0
            ? "CPU unknown"
            : String.format(
                Locale.ROOT,
                "CPU %.1f s (%.0f µs per agent, %.1f µs per message)",
                cost.cpuMillis() / 1000.0,
                per(cost, agents),
                per(cost, messages));
    return cpu
        + String.format(
            Locale.ROOT,
            ", GC %.1f s, JIT compiling %.1f s",
            cost.gcMillis() / 1000.0,
            cost.jitMillis() / 1000.0);
  }

  /** USP messages the agents sent and received in the run. */
  static long messages(RunReport r) {
    long n = 0;
    for (long v : r.messagesToAgents().values()) {
      n += v;
    }
    for (long v : r.messagesFromAgents().values()) {
      n += v;
    }
    return n;
  }

  private static double per(ProcessCost cost, long n) {
    return cost.cpuMillis() < 0 || n <= 0 ? -1 : cost.cpuMillis() * 1000.0 / n;
  }
}
