package io.fleetsim.scenario;

import io.fleetsim.controller.Provisioning;
import io.fleetsim.controller.ReferenceController;
import io.fleetsim.controller.Workload;
import io.fleetsim.datamodel.DeviceModel;
import io.fleetsim.datamodel.FleetMesh;
import io.fleetsim.datamodel.Schema;
import io.fleetsim.fleet.ActorFleet;
import io.fleetsim.fleet.FleetShape;
import io.fleetsim.fleet.HttpFileTransfers;
import io.fleetsim.metrics.FleetMetrics;
import io.fleetsim.metrics.HeapAfterGc;
import io.fleetsim.metrics.Latencies;
import io.fleetsim.metrics.ProcessCost;
import io.fleetsim.mtp.Connector;
import io.fleetsim.mtp.Transports;
import io.fleetsim.mtp.connect.LinkCut;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The fleet side of a run in this JVM: its target (the embedded Controller or the connector to an
 * external one), the Pekko fleet fed by the {@link Injector}, the incidents and the Controller's
 * workload. What reports on it reads it as a {@link RunSource}: a single-JVM run's {@link
 * ScenarioRunner}, or a cluster worker that sends its counts to the coordinator.
 */
public final class LocalRun implements RunFleet {
  private final Scenario scenario;
  private final Transports transports;
  private final ReferenceController controller;
  private final ActorFleet fleet;
  private final FleetMetrics metrics = new FleetMetrics();
  private final IncidentDriver incidents = new IncidentDriver();
  private final RunTargets targets;
  private final RunCurves curves;
  private final Rollouts rollouts = new Rollouts();
  private final LinkCut link = new LinkCut();
  private final List<ScheduledFuture<?>> tasks = new ArrayList<>();
  private Workload workload;

  private final long heapBefore;

  /** The process exits once this run is reported: in memory, its agents need no stopping. */
  private final boolean processExitsAfter;

  /** This JVM's CPU and GC time when the run began to be built. */
  private final ProcessCost costBefore;

  /**
   * The fleet's device models, one per mix entry, shared by every agent. Gateways and extenders of
   * the mix form Wi-Fi meshes by agent index over the whole fleet ({@code fleetAgents}), so every
   * worker of a cluster computes the same meshes.
   */
  static List<DeviceModel> models(Scenario s, int fleetAgents) {
    List<Schema> schemas = ScenarioLoader.profiles(s);
    FleetMesh mesh = new FleetMesh(schemas, s.mix()::entryOf, s.seed(), fleetAgents);
    List<DeviceModel> models = new ArrayList<>();
    for (Schema schema : schemas) {
      models.add(new DeviceModel(schema, s.seed(), InstantSource.system()).withMesh(mesh));
    }
    return models;
  }

  /**
   * Builds the fleet of {@code s} (its agents from index {@code firstIndex}, the ones churn adds
   * from {@code joinersFirst}) and its target, and pre-provisions it when the scenario says so;
   * nothing connects before {@link #start}.
   *
   * @param fleetAgents the whole fleet's agents (a worker runs a part): they form the Wi-Fi meshes
   * @param measureHeap measure the heap after GC once the models are built, for {@link
   *     #heapBytesPerAgent()} (costs a few seconds of full collections)
   * @throws ScenarioException when this process cannot hold the fleet (open files, heap)
   */
  public LocalRun(
      Scenario s, int firstIndex, int joinersFirst, int fleetAgents, boolean measureHeap) {
    this(s, firstIndex, joinersFirst, fleetAgents, measureHeap, false);
  }

  /**
   * As above; {@code processExitsAfter}: the JVM exits once the run is reported (the {@code run}
   * command), so {@link #stopFleet()} leaves an in-memory fleet's actors to the exit.
   */
  public LocalRun(
      Scenario s,
      int firstIndex,
      int joinersFirst,
      int fleetAgents,
      boolean measureHeap,
      boolean processExitsAfter) {
    ScenarioRunner.checkResources(s);
    this.processExitsAfter = processExitsAfter;
    this.costBefore = ProcessCost.now();
    this.scenario = s;
    List<DeviceModel> models = models(s, fleetAgents);
    // the models are shared by every agent (and by every fleet of this JVM): not per agent
    this.heapBefore = measureHeap ? HeapAfterGc.used() : -1;
    this.targets = new RunTargets(s);
    this.curves = RunCurves.of(s);
    this.transports = Transports.create();
    try {
      this.controller = targets.controller(transports);
      Connector connector = targets.connector(transports, controller);
      this.fleet =
          new ActorFleet(
              "fleetsim",
              new FleetShape(
                  models, s.mix()::entryOf, firstIndex, s.capacity(), s.agents(), joinersFirst),
              targets.perEntry(transports, controller, connector).stream().map(link::over).toList(),
              transports.group(),
              s.target().controllerId(),
              HttpFileTransfers.standard(transports),
              metrics,
              s.seed(),
              s.target().connectLimit(),
              1);
    } catch (RuntimeException e) {
      transports.close();
      throw e;
    }
    if (s.provisioned()) {
      fleet.preProvision(Provisioning.REQUEST);
    }
  }

  /**
   * Starts the run's time at {@code startNanos} ({@link System#nanoTime()}): the phases, the
   * fleet's timers, the milestone sampler, the Controller's workload and the incidents; incident
   * lines go to {@code out}.
   */
  @Override
  public void start(long startNanos, PrintWriter out) {
    tasks.add(Injector.start(scenario.plan(), fleet, startNanos, transports.group()));
    tasks.add(transports.group().scheduleAtFixedRate(fleet::tick, 1, 1, TimeUnit.SECONDS));
    tasks.add(
        transports
            .group()
            .scheduleAtFixedRate(
                () -> curves.sample((System.nanoTime() - startNanos) / 1_000_000, metrics),
                0,
                RunCurves.SAMPLE_EVERY_MILLIS,
                TimeUnit.MILLISECONDS));
    workload = targets.workload(controller, transports);
    incidents.start(
        new IncidentContext(
            scenario, controller, transports, metrics, fleet, out, curves, rollouts, link));
  }

  /**
   * Stops what drives traffic (phases, timers, incidents, the workload) and returns the firmware
   * rollouts' report; the agents stay up, so the counts at the end can be taken.
   */
  @Override
  public List<RunReport.Rollout> stopTraffic() {
    tasks.forEach(t -> t.cancel(false));
    incidents.close();
    List<RunReport.Rollout> report = rollouts.close();
    if (workload != null) {
      workload.close();
    }
    return report;
  }

  /**
   * Stops the agents and the embedded Controller. Over sockets each agent first sends its
   * DisconnectRecord and closes (R-MTP.7); in memory the Controller goes with the fleet, so the
   * actor system just ends (a million goodbyes nobody keeps cost 2.8 s of CPU per 100,000 agents).
   * When the process exits after the report, an in-memory fleet and its Controller are left to the
   * exit: Pekko would stop each agent and take it out of its parent's children, and the Controller
   * would close each session to an agent, about 20 µs of CPU per agent for nothing.
   */
  @Override
  public void stopFleet() {
    if (scenario.target().inMemoryOnly()) {
      if (processExitsAfter) {
        return;
      }
      fleet.close();
    } else {
      fleet.stop(Duration.ofMillis(Math.min(2000, 200 + fleet.spawned() / 50)));
    }
    if (controller != null) {
      controller.close();
    }
  }

  /** For tests: the agents' fleet. */
  ActorFleet fleet() {
    return fleet;
  }

  /** Heap after GC per agent now, above the heap before the fleet; -1 when not asked. */
  @Override
  public long heapBytesPerAgent() {
    int agents = fleet.spawned();
    return heapBefore < 0 || agents == 0 ? -1 : (HeapAfterGc.used() - heapBefore) / agents;
  }

  @Override
  public ProcessCost cost() {
    return ProcessCost.now().since(costBefore);
  }

  @Override
  public RunCurves curves() {
    return curves;
  }

  @Override
  public List<RunReport.Rollout> rolloutsNow() {
    return rollouts.report();
  }

  @Override
  public List<WorkerReport> workers() {
    return List.of();
  }

  @Override
  public FleetMetrics metrics() {
    return metrics;
  }

  @Override
  public int spawned() {
    return fleet.spawned();
  }

  @Override
  public int total() {
    return fleet.total();
  }

  @Override
  public long tickRounds() {
    return fleet.tickRounds();
  }

  @Override
  public long ticksDeferred() {
    return fleet.ticksDeferred();
  }

  @Override
  public Latencies controllerLatencies() {
    return controller == null ? null : controller.latencies();
  }

  @Override
  public long controllerBoots() {
    return controller == null ? 0 : controller.boots();
  }

  @Override
  public long controllerDropped() {
    return controller == null ? -1 : controller.dropped();
  }

  @Override
  public Map<String, Long> transportEvents() {
    return transports.events().counts();
  }

  /** Closes the incidents (none may start after) and the transports. */
  @Override
  public void close() {
    incidents.close();
    transports.close();
  }
}
