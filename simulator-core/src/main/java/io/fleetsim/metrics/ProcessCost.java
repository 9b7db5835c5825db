package io.fleetsim.metrics;

import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;

/**
 * What this JVM has spent so far: CPU time of all its threads (the simulator, and the embedded
 * Controller when it runs here) and time in garbage collection, in milliseconds. Two readings apart
 * give a run's cost, so a user sees whether the simulator, not the Controller under test, was the
 * bottleneck.
 *
 * @param cpuMillis process CPU time, or -1 where the JVM cannot tell
 * @param gcMillis accumulated collection time of every collector (stop-the-world and concurrent
 *     phases as each collector reports them)
 * @param jitMillis CPU the JIT compilers' threads used (part of {@code cpuMillis}): a one-off cost
 *     of a JVM's first minute, about the same for 1,000 agents or 1,000,000. Where the threads
 *     cannot be read (no Linux {@code /proc}), the compilers' elapsed time as the JVM reports it,
 *     which also counts their waits for a core.
 */
public record ProcessCost(long cpuMillis, long gcMillis, long jitMillis) {

  /** This JVM's cost since it started. */
  public static ProcessCost now() {
    long cpu = -1;
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      long nanos = os.getProcessCpuTime();
      cpu = nanos < 0 ? -1 : nanos / 1_000_000;
    }
    long gc = 0;
    for (GarbageCollectorMXBean b : ManagementFactory.getGarbageCollectorMXBeans()) {
      gc += Math.max(0, b.getCollectionTime());
    }
    long compiling = CompilerThreadsCpu.millis();
    if (compiling < 0) {
      CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
      compiling =
          jit != null && jit.isCompilationTimeMonitoringSupported()
              ? jit.getTotalCompilationTime()
              : 0;
    }
    return new ProcessCost(cpu, gc, compiling);
  }

  /** The cost from {@code earlier} to this reading. */
  public ProcessCost since(ProcessCost earlier) {
    return new ProcessCost(
        cpuMillis < 0 || earlier.cpuMillis < 0 ? -1 : cpuMillis - earlier.cpuMillis,
        gcMillis - earlier.gcMillis,
        jitMillis - earlier.jitMillis);
  }

  /** Two processes' costs together (a cluster's workers); unknown CPU stays unknown. */
  public ProcessCost plus(ProcessCost other) {
    return new ProcessCost(
        cpuMillis < 0 || other.cpuMillis < 0 ? -1 : cpuMillis + other.cpuMillis,
        gcMillis + other.gcMillis,
        jitMillis + other.jitMillis);
  }

  /** Nothing spent: the sum of no processes. */
  public static final ProcessCost ZERO = new ProcessCost(0, 0, 0);
}
