package io.fleetsim.scenario;

import io.fleetsim.metrics.ProcessCost;
import java.io.PrintWriter;
import java.util.List;

/**
 * The fleet side of a run, driven by a {@link ScenarioRunner} that reports on it: the agents of
 * this JVM ({@link LocalRun}), or a cluster coordinator's workers, each running its share.
 */
public interface RunFleet extends RunSource, AutoCloseable {
  /**
   * Starts the run's time at {@code startNanos} ({@link System#nanoTime()}); incident lines go to
   * {@code out}.
   */
  void start(long startNanos, PrintWriter out);

  /** The milestone curves (connected, booted, back after each outage, upgraded per rollout). */
  RunCurves curves();

  /** The firmware rollouts so far, as the live report shows them. */
  List<RunReport.Rollout> rolloutsNow();

  /**
   * Stops what drives traffic; the agents stay up so the counts at the end can be read. Returns the
   * firmware rollouts' report.
   */
  List<RunReport.Rollout> stopTraffic() throws InterruptedException;

  /** Stops the agents and the embedded Controllers. */
  void stopFleet();

  /** The workers of a run spread over a cluster, for the report (empty in one JVM). */
  List<WorkerReport> workers();

  /**
   * Why the run must end now though its time is not up (a cluster worker lost under {@code
   * cluster.on-worker-loss = fail}), or null to go on. Asked once a second.
   */
  default String mustStop() {
    return null;
  }

  /**
   * Heap after GC per agent, measured where the agents run when the run asked for it (asked after
   * the traffic stopped, before the agents stop), or -1.
   */
  default long heapBytesPerAgent() {
    return -1;
  }

  /**
   * What the processes running the agents spent since the run was built: CPU and GC time (this
   * JVM's, or the sum of a cluster's workers).
   */
  ProcessCost cost();

  /** Verdicts of the fleet itself, judged with the scenario's assertions (failed ones: exit 1). */
  default List<RunReport.Verdict> verdicts() {
    return List.of();
  }

  @Override
  void close();
}
