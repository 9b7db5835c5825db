package io.fleetsim.cluster;

import io.fleetsim.metrics.FleetCounters;
import io.fleetsim.scenario.RunReport;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * What the coordinator says to a worker node, and what the worker answers. A run goes Assign →
 * Ready (or Failed) → Start → a Tick a second → Finish → the last Tick; Abort ends it early.
 */
public final class WorkerProtocol {
  private WorkerProtocol() {}

  /** A worker's commands. */
  public sealed interface Command extends ClusterMessage
      permits Describe, Assign, Start, Finish, Abort {}

  /** What a coordinator's run hears from its workers. */
  public sealed interface Event extends ClusterMessage permits Ready, Failed, Tick {}

  /** Asks the worker who it is. */
  public record Describe(ActorRef<WorkerInfo> replyTo) implements Command {}

  /**
   * Gives the worker its share of run {@code runId}: the scenario (its resolved HOCON, re-read on
   * the worker exactly as the coordinator read it, with {@code totalAgents} as the fleet) and the
   * agents of {@code range}. The worker builds its fleet and answers Ready or Failed.
   *
   * @param source the scenario's file name: errors name it, and relative paths resolve beside it
   * @param joinersFirst the index of the first agent churn adds on this worker
   * @param measureHeap measure the heap after GC per agent ({@link Sizes#heapBytesPerAgent})
   */
  public record Assign(
      long runId,
      String scenarioHocon,
      String source,
      int totalAgents,
      AgentRange range,
      int joinersFirst,
      boolean measureHeap,
      ActorRef<Event> coordinator)
      implements Command {}

  /** Starts run {@code runId} at the common instant {@code atEpochMillis} (wall clock). */
  public record Start(long runId, long atEpochMillis) implements Command {}

  /** Ends run {@code runId}: the worker sends its last Tick (the counts at the end), then stops. */
  public record Finish(long runId) implements Command {}

  /** Stops run {@code runId} at once (the coordinator gives up); the worker waits for the next. */
  public record Abort(long runId, String why) implements Command {}

  /** The worker built its fleet for {@code runId} and waits for Start. */
  public record Ready(long runId, String worker) implements Event {}

  /** The worker could not take its share of {@code runId}: {@code reason} says why. */
  public record Failed(long runId, String worker, String reason) implements Event {}

  /**
   * A worker's second: its counters as running totals, the latencies recorded since its last Tick
   * (its agents' and its embedded Controller's), its fleet's sizes and its rollouts so far. The
   * last Tick of a run ({@code last}) holds the counts at the end, before the agents stop.
   */
  public record Tick(
      long runId,
      String worker,
      long seq,
      boolean last,
      FleetCounters counters,
      Map<String, Histogram> agentIntervals,
      Map<String, Histogram> controllerIntervals,
      Sizes sizes,
      Map<String, Long> transportEvents,
      List<RunReport.Rollout> rollouts)
      implements Event {}

  /**
   * A worker's fleet and embedded Controller in numbers.
   *
   * @param controllerDropped Records its embedded Controller dropped, or -1 without one
   * @param heapBytesPerAgent heap after GC per agent at the end (last Tick, when asked), else -1
   * @param cpuMillis the worker process's CPU time since its part of the run began, -1 unknown
   * @param gcMillis its time in garbage collection since then
   * @param jitMillis its JIT compilers' time since then
   */
  public record Sizes(
      int spawned,
      int total,
      long tickRounds,
      long ticksDeferred,
      long controllerBoots,
      long controllerDropped,
      long heapBytesPerAgent,
      long cpuMillis,
      long gcMillis,
      long jitMillis) {}

  /**
   * A worker as the report names it.
   *
   * @param maxAgents the most agents it takes ({@link Partitioner#UNLIMITED}: it declared none)
   */
  public record WorkerInfo(String name, String host, long pid, int maxAgents)
      implements ClusterMessage {
    @Override
    public String toString() {
      return name
          + " ("
          + host
          + ", pid "
          + pid
          + (maxAgents == Partitioner.UNLIMITED ? "" : ", at most " + maxAgents + " agents")
          + ")";
    }
  }
}
