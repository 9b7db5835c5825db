package io.fleetsim.cluster;

import io.fleetsim.metrics.FleetMetrics;
import io.fleetsim.metrics.Latencies;
import io.fleetsim.metrics.ProcessCost;
import io.fleetsim.scenario.OneThread;
import io.fleetsim.scenario.RunCurves;
import io.fleetsim.scenario.RunFleet;
import io.fleetsim.scenario.RunReport;
import io.fleetsim.scenario.Scenario;
import io.fleetsim.scenario.ScenarioException;
import io.fleetsim.scenario.ScenarioLoader;
import io.fleetsim.scenario.WorkerReport;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * A run's fleet spread over cluster workers, as the coordinator sees it: each worker runs its agent
 * range ({@link WorkerRun}), and the coordinator adds their Ticks into one {@link FleetMetrics}
 * (counters by difference, latencies histogram by histogram, exactly) that the run's report,
 * progress line, dashboard and Prometheus endpoint read as they would a local fleet's.
 */
public final class ClusterFleet implements RunFleet {
  /** How long the workers get to build their fleets, and to send their last Tick. */
  static final Duration READY_TIMEOUT = Duration.ofMinutes(5);

  static final Duration FINISH_TIMEOUT = Duration.ofSeconds(60);

  private final Scenario scenario;
  private final ClusterRunState state;
  private final RunCurves curves;
  private long startNanos;
  private long tickBytesBefore;
  private PrintWriter out = new PrintWriter(java.io.Writer.nullWriter());
  private final ScheduledExecutorService sampler = OneThread.scheduler("fleetsim-cluster-curves");

  private ClusterFleet(Scenario scenario, ClusterRunState state) {
    this.scenario = scenario;
    this.state = state;
    this.curves = RunCurves.of(scenario);
  }

  /**
   * Splits the fleet of {@code s} over {@code workers} and has each build its share; returns once
   * all are ready.
   *
   * @param hocon the scenario as resolved on the coordinator (the workers read the same)
   * @throws ScenarioException when the workers cannot hold the fleet, one cannot take its share (it
   *     says why), or one is not ready in time; no worker keeps agents of this run then
   */
  public static ClusterFleet open(
      Scenario s,
      String hocon,
      Coordinator coordinator,
      List<Coordinator.Joined> workers,
      boolean measureHeap)
      throws InterruptedException {
    ScenarioLoader.profiles(s); // a bad profile fails here, before any worker builds a fleet
    List<Integer> capacities = new ArrayList<>();
    java.util.Set<String> names = new java.util.HashSet<>();
    for (Coordinator.Joined w : workers) {
      capacities.add(w.info().maxAgents());
      if (!names.add(w.info().name())) {
        throw new ScenarioException(
            "two workers are named " + w.info().name() + ": give each its own --name");
      }
    }
    List<AgentRange> ranges;
    try {
      ranges = Partitioner.split(s.agents(), capacities);
    } catch (IllegalArgumentException e) {
      throw new ScenarioException(s.source() + ": " + e.getMessage());
    }
    ClusterRunState state = new ClusterRunState(System.nanoTime(), workers, ranges);
    ActorRef<WorkerProtocol.Event> inbox = coordinator.inbox(state);
    int joinersFirst = s.agents();
    for (int i = 0; i < workers.size(); i++) {
      AgentRange r = ranges.get(i);
      workers
          .get(i)
          .ref()
          .tell(
              new WorkerProtocol.Assign(
                  state.runId(),
                  hocon,
                  s.source(),
                  s.agents(),
                  r,
                  joinersFirst,
                  measureHeap,
                  inbox));
      joinersFirst += s.part(r.count()).capacity() - r.count();
    }
    String failure = state.awaitReady(READY_TIMEOUT);
    if (failure != null) {
      state.abortAll("the run could not start");
      throw new ScenarioException(s.source() + ": " + failure);
    }
    return new ClusterFleet(s, state);
  }

  @Override
  public void start(long startNanos, PrintWriter out) {
    this.startNanos = startNanos;
    this.out = out;
    this.tickBytesBefore = ClusterSerializer.TICK_BYTES.sum();
    state.start(startNanos, System.currentTimeMillis(), out);
    sampler.scheduleAtFixedRate(
        () -> curves.sample((System.nanoTime() - startNanos) / 1_000_000, state.merged()),
        0,
        100,
        TimeUnit.MILLISECONDS);
    curves.followOutages(scenario, sampler, startNanos, state::merged);
    List<Scenario.Incident.FirmwareRollout> planned = RunCurves.rolloutsOf(scenario);
    int[] followed = {0};
    sampler.scheduleAtFixedRate(
        () -> {
          // a rollout's curve starts once every worker has begun it (its agents are then known),
          // timed from when the scenario started it
          while (followed[0] < planned.size()) {
            int i = followed[0];
            RunReport.Rollout r = state.rolloutStartedEverywhere(i);
            if (r == null) {
              return;
            }
            curves.rolloutFollowed(
                planned.get(i), startNanos, () -> state.rollouts().get(i).upgraded(), r.agents());
            followed[0]++;
          }
        },
        100,
        100,
        TimeUnit.MILLISECONDS);
  }

  @Override
  public RunCurves curves() {
    return curves;
  }

  @Override
  public List<RunReport.Rollout> rolloutsNow() {
    return state.rollouts();
  }

  /** Asks every worker still there for its last Tick and waits for them (or for their loss). */
  @Override
  public List<RunReport.Rollout> stopTraffic() throws InterruptedException {
    state.finishAll(FINISH_TIMEOUT);
    sampler.shutdownNow();
    double seconds = (System.nanoTime() - startNanos) / 1e9;
    long bytes = ClusterSerializer.TICK_BYTES.sum() - tickBytesBefore;
    out.printf(
        java.util.Locale.ROOT,
        "cluster: %d workers, their Ticks %d bytes in %.0f s (%.0f B/s per worker)%n",
        state.refs().size(),
        bytes,
        seconds,
        bytes / Math.max(1, seconds) / Math.max(1, state.refs().size()));
    out.flush();
    return state.rollouts();
  }

  /** The workers stop their agents after their last Tick. */
  @Override
  public void stopFleet() {}

  @Override
  public ProcessCost cost() {
    return state.cost();
  }

  @Override
  public long heapBytesPerAgent() {
    return state.heapBytesPerAgent();
  }

  @Override
  public List<WorkerReport> workers() {
    return state.reports();
  }

  @Override
  public FleetMetrics metrics() {
    return state.merged();
  }

  @Override
  public int spawned() {
    return (int) state.sum(WorkerProtocol.Sizes::spawned);
  }

  @Override
  public int total() {
    return (int) Math.max(scenario.capacity(), state.sum(WorkerProtocol.Sizes::total));
  }

  @Override
  public long tickRounds() {
    return state.sum(WorkerProtocol.Sizes::tickRounds);
  }

  @Override
  public long ticksDeferred() {
    return state.sum(WorkerProtocol.Sizes::ticksDeferred);
  }

  @Override
  public Latencies controllerLatencies() {
    return scenario.target().embedded() ? state.controllerLatencies() : null;
  }

  @Override
  public long controllerBoots() {
    return state.sum(WorkerProtocol.Sizes::controllerBoots);
  }

  @Override
  public long controllerDropped() {
    return scenario.target().embedded() ? state.sum(WorkerProtocol.Sizes::controllerDropped) : -1;
  }

  @Override
  public Map<String, Long> transportEvents() {
    return state.transportEvents();
  }

  /** Under {@code cluster.on-worker-loss = fail}, a lost worker ends the run. */
  @Override
  public String mustStop() {
    List<String> lost = state.lost();
    return scenario.cluster().failOnWorkerLoss() && !lost.isEmpty()
        ? "cluster.on-worker-loss = fail and worker " + lost.get(0) + " was lost"
        : null;
  }

  @Override
  public List<RunReport.Verdict> verdicts() {
    List<String> lost = state.lost();
    if (!scenario.cluster().failOnWorkerLoss()) {
      return List.of();
    }
    return List.of(
        new RunReport.Verdict(
            "cluster.on-worker-loss = fail",
            lost.isEmpty() ? "no worker lost" : "lost " + String.join(", ", lost),
            lost.isEmpty()));
  }

  /** Stops the workers' agents if the run ended without their last Tick (a failed run). */
  @Override
  public void close() {
    sampler.shutdownNow();
    state.abortAll("the coordinator ended the run");
  }
}
