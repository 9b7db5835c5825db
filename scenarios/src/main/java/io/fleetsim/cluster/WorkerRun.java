package io.fleetsim.cluster;

import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import io.fleetsim.metrics.ProcessCost;
import io.fleetsim.scenario.LocalRun;
import io.fleetsim.scenario.RunReport;
import io.fleetsim.scenario.Scenario;
import io.fleetsim.scenario.ScenarioLoader;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * One worker's share of a run: its part of the scenario on a {@link LocalRun} of its agent range,
 * started at the coordinator's common instant, and a {@link WorkerProtocol.Tick} to the coordinator
 * every second. Its methods run on the worker's one run thread, in order.
 */
final class WorkerRun {
  private final WorkerProtocol.Assign assign;
  private final String worker;
  private final LocalRun run;
  private final PrintWriter out;
  private final ScheduledExecutorService clock;
  private ScheduledFuture<?> ticks;
  private long seq;

  private WorkerRun(
      WorkerProtocol.Assign assign,
      String worker,
      LocalRun run,
      PrintWriter out,
      ScheduledExecutorService clock) {
    this.assign = assign;
    this.worker = worker;
    this.run = run;
    this.out = out;
    this.clock = clock;
  }

  /**
   * Reads the scenario of {@code a} as the coordinator did and builds this worker's fleet.
   *
   * @throws io.fleetsim.scenario.ScenarioException when the scenario does not hold here (a file it
   *     names is missing, the heap or the open files cannot hold the share)
   */
  static WorkerRun prepare(
      WorkerProtocol.Assign a, String worker, PrintWriter out, ScheduledExecutorService clock) {
    Scenario whole;
    try {
      whole = ScenarioLoader.parse(ConfigFactory.parseString(a.scenarioHocon()), a.source());
    } catch (ConfigException e) {
      throw new io.fleetsim.scenario.ScenarioException(a.source() + ": " + e.getMessage());
    }
    if (whole.agents() != a.totalAgents()) {
      whole = whole.withAgents(a.totalAgents());
    }
    Scenario part = whole.part(a.range().count());
    return new WorkerRun(
        a,
        worker,
        new LocalRun(part, a.range().first(), a.joinersFirst(), a.totalAgents(), a.measureHeap()),
        out,
        clock);
  }

  long runId() {
    return assign.runId();
  }

  ActorRef<WorkerProtocol.Event> coordinator() {
    return assign.coordinator();
  }

  /**
   * Starts at {@code atEpochMillis}: at once if that instant has passed (the run's time still
   * counts from it, so the phases catch up), else when it comes.
   */
  void start(long atEpochMillis) {
    long startNanos = System.nanoTime() + (atEpochMillis - System.currentTimeMillis()) * 1_000_000;
    long delay = Math.max(0, startNanos - System.nanoTime());
    clock.schedule(
        () -> {
          run.start(startNanos, out);
          ticks =
              clock.scheduleAtFixedRate(
                  () -> send(false, null, -1, run.cost()), 1, 1, TimeUnit.SECONDS);
        },
        delay,
        TimeUnit.NANOSECONDS);
  }

  /** Ends the run: the traffic stops, the last Tick holds the counts at the end, the agents go. */
  void finish() {
    stopTicks();
    List<RunReport.Rollout> rollouts = run.stopTraffic();
    // before the heap is measured: its full collections are not the run's
    ProcessCost cost = run.cost();
    send(true, rollouts, run.heapBytesPerAgent(), cost);
    run.stopFleet();
    run.close();
  }

  /** Ends the run without a last Tick: the coordinator gave up or is gone. */
  void abort() {
    stopTicks();
    run.stopTraffic();
    run.stopFleet();
    run.close();
  }

  private void stopTicks() {
    if (ticks != null) {
      ticks.cancel(false);
    }
  }

  private void send(
      boolean last, List<RunReport.Rollout> rollouts, long heapPerAgent, ProcessCost cost) {
    assign
        .coordinator()
        .tell(
            new WorkerProtocol.Tick(
                assign.runId(),
                worker,
                ++seq,
                last,
                run.metrics().counters(),
                run.metrics().latencies().intervals(),
                run.controllerLatencies() == null
                    ? Map.of()
                    : run.controllerLatencies().intervals(),
                new WorkerProtocol.Sizes(
                    run.spawned(),
                    run.total(),
                    run.tickRounds(),
                    run.ticksDeferred(),
                    run.controllerBoots(),
                    run.controllerDropped(),
                    heapPerAgent,
                    cost.cpuMillis(),
                    cost.gcMillis(),
                    cost.jitMillis()),
                run.transportEvents(),
                rollouts == null ? run.rolloutsNow() : rollouts));
  }
}
