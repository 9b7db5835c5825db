package io.fleetsim.cluster;

import io.fleetsim.metrics.AgentState;
import io.fleetsim.metrics.FleetCounters;
import io.fleetsim.metrics.FleetMetrics;
import io.fleetsim.metrics.Latencies;
import io.fleetsim.metrics.ProcessCost;
import io.fleetsim.scenario.RunReport;
import io.fleetsim.scenario.WorkerReport;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * What the coordinator knows of one run's workers, fed by their events: each worker's last
 * counters, sizes and rollouts, whether it is ready, finished or lost, and the sum of all of them
 * ({@link #merged()}). Events come from the coordinator's inbox actor, readers from the run's
 * thread: every method is synchronized, and the waits are on this object.
 */
final class ClusterRunState {
  /** One worker of the run. */
  private static final class Worker {
    final Coordinator.Joined joined;
    final AgentRange range;
    FleetCounters counters = FleetCounters.ZERO;
    WorkerProtocol.Sizes sizes;
    Map<String, Long> transportEvents = Map.of();
    List<RunReport.Rollout> rollouts = List.of();
    boolean ready;
    boolean finished;
    double lostAtSeconds = -1;

    Worker(Coordinator.Joined joined, AgentRange range) {
      this.joined = joined;
      this.range = range;
      this.sizes = new WorkerProtocol.Sizes(0, range.count(), 0, 0, 0, -1, -1, 0, 0, 0);
    }

    String name() {
      return joined.info().name();
    }

    boolean gone() {
      return lostAtSeconds >= 0;
    }
  }

  private final long runId = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
  private final long createdNanos;
  private final List<Worker> workers = new ArrayList<>();
  private final FleetMetrics merged = new FleetMetrics();
  private final Latencies controller = new Latencies();
  private String failure;
  private long startNanos = -1;
  private PrintWriter out;

  ClusterRunState(long createdNanos, List<Coordinator.Joined> joined, List<AgentRange> ranges) {
    this.createdNanos = createdNanos;
    for (int i = 0; i < joined.size(); i++) {
      workers.add(new Worker(joined.get(i), ranges.get(i)));
    }
  }

  long runId() {
    return runId;
  }

  synchronized List<ActorRef<WorkerProtocol.Command>> refs() {
    List<ActorRef<WorkerProtocol.Command>> out = new ArrayList<>();
    workers.forEach(w -> out.add(w.joined.ref()));
    return out;
  }

  FleetMetrics merged() {
    return merged;
  }

  Latencies controllerLatencies() {
    return controller;
  }

  /** A worker's event; events of another run (an earlier one's late Tick) are ignored. */
  synchronized void onEvent(WorkerProtocol.Event e) {
    if (e instanceof WorkerProtocol.Ready r && r.runId() == runId) {
      Worker w = byName(r.worker());
      if (w != null) {
        w.ready = true;
      }
    } else if (e instanceof WorkerProtocol.Failed f && f.runId() == runId) {
      failure = "worker " + f.worker() + " cannot take its agents: " + f.reason();
    } else if (e instanceof WorkerProtocol.Tick t && t.runId() == runId) {
      Worker w = byName(t.worker());
      if (w != null && !w.gone() && !w.finished) {
        add(w, t);
      }
    }
    notifyAll();
  }

  /** Adds a Tick: the counters' difference since the worker's last one, its latencies whole. */
  private void add(Worker w, WorkerProtocol.Tick t) {
    merged.add(t.counters().minus(w.counters));
    w.counters = t.counters();
    t.agentIntervals().forEach(merged.latencies()::add);
    t.controllerIntervals().forEach(controller::add);
    w.sizes = t.sizes();
    w.transportEvents = t.transportEvents();
    w.rollouts = t.rollouts();
    w.finished = t.last();
  }

  /**
   * The cluster removed the worker of {@code ref} (it died or became unreachable): unless it had
   * finished, its agents count as disconnected from now on, and the report names it.
   */
  synchronized void lost(ActorRef<?> ref) {
    for (Worker w : workers) {
      if (w.joined.ref().equals(ref) && !w.finished && !w.gone()) {
        long since = startNanos < 0 ? createdNanos : startNanos;
        w.lostAtSeconds = Math.max(0, (System.nanoTime() - since) / 1e9);
        Map<AgentState, Long> states = new EnumMap<>(AgentState.class);
        long agents = 0;
        for (Map.Entry<AgentState, Long> e : w.counters.states().entrySet()) {
          states.put(e.getKey(), -e.getValue());
          agents += e.getValue();
        }
        states.merge(AgentState.OFFLINE, agents, Long::sum);
        FleetCounters gone =
            new FleetCounters(
                -w.counters.connectedNow(),
                0,
                0,
                states,
                Map.of(),
                Map.of(),
                Map.of(),
                Map.of(),
                Map.of(),
                Map.of(),
                Map.of(),
                Map.of(),
                Map.of());
        merged.add(gone);
        w.counters = w.counters.plus(gone);
        if (out != null) {
          out.printf(
              Locale.ROOT,
              "worker %s lost at t=%.1fs: its agents %d-%d count as disconnected%n",
              w.name(),
              w.lostAtSeconds,
              w.range.first(),
              w.range.end() - 1);
          out.flush();
        }
      }
    }
    notifyAll();
  }

  /**
   * Waits until every worker is ready; returns why not (a failure, a loss, the time out) or null.
   */
  synchronized String awaitReady(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      if (failure != null) {
        return failure;
      }
      List<String> waiting = new ArrayList<>();
      for (Worker w : workers) {
        if (w.gone()) {
          return "worker " + w.name() + " left the cluster before its agents were ready";
        }
        if (!w.ready) {
          waiting.add(w.name());
        }
      }
      if (waiting.isEmpty()) {
        return null;
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return "workers " + waiting + " were not ready within " + timeout.toSeconds() + " s";
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
  }

  /** Starts every worker at {@code atEpochMillis}, the run's common start instant. */
  synchronized void start(long startNanos, long atEpochMillis, PrintWriter out) {
    this.startNanos = startNanos;
    this.out = out;
    for (Worker w : workers) {
      w.joined.ref().tell(new WorkerProtocol.Start(runId, atEpochMillis));
    }
  }

  /** Asks each worker still there for its last Tick; waits for them, at most {@code timeout}. */
  synchronized void finishAll(Duration timeout) throws InterruptedException {
    for (Worker w : workers) {
      if (!w.gone() && !w.finished) {
        w.joined.ref().tell(new WorkerProtocol.Finish(runId));
      }
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      List<String> waiting = new ArrayList<>();
      workers.stream().filter(w -> !w.gone() && !w.finished).forEach(w -> waiting.add(w.name()));
      long left = deadline - System.nanoTime();
      if (waiting.isEmpty()) {
        return;
      }
      if (left <= 0) {
        if (out != null) {
          out.printf("no last counts from workers %s within %d s%n", waiting, timeout.toSeconds());
          out.flush();
        }
        return;
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
  }

  /** Stops every worker that has not finished (a failed or interrupted start). */
  synchronized void abortAll(String why) {
    for (Worker w : workers) {
      if (!w.gone() && !w.finished) {
        w.joined.ref().tell(new WorkerProtocol.Abort(runId, why));
      }
    }
  }

  /** Heap after GC per agent over the workers that measured it (weighted by agents), or -1. */
  synchronized long heapBytesPerAgent() {
    long bytes = 0;
    long agents = 0;
    for (Worker w : workers) {
      if (w.sizes.heapBytesPerAgent() >= 0) {
        bytes += w.sizes.heapBytesPerAgent() * w.sizes.spawned();
        agents += w.sizes.spawned();
      }
    }
    return agents == 0 ? -1 : bytes / agents;
  }

  /** The workers' CPU and GC time together (a lost worker's up to its last Tick). */
  synchronized ProcessCost cost() {
    ProcessCost sum = ProcessCost.ZERO;
    for (Worker w : workers) {
      sum = sum.plus(cost(w.sizes));
    }
    return sum;
  }

  private static ProcessCost cost(WorkerProtocol.Sizes z) {
    return new ProcessCost(z.cpuMillis(), z.gcMillis(), z.jitMillis());
  }

  synchronized long sum(ToLongFunction<WorkerProtocol.Sizes> f) {
    long sum = 0;
    for (Worker w : workers) {
      long v = f.applyAsLong(w.sizes);
      sum += Math.max(0, v);
    }
    return sum;
  }

  synchronized Map<String, Long> transportEvents() {
    Map<String, Long> out = new TreeMap<>();
    workers.forEach(w -> w.transportEvents.forEach((k, v) -> out.merge(k, v, Long::sum)));
    return out;
  }

  /**
   * The merged rollout {@code i} once every worker still there has started it (and so counted its
   * agents), else null.
   */
  synchronized RunReport.Rollout rolloutStartedEverywhere(int i) {
    for (Worker w : workers) {
      if (!w.gone() && w.rollouts.size() <= i) {
        return null;
      }
    }
    List<RunReport.Rollout> all = rollouts();
    return i < all.size() ? all.get(i) : null;
  }

  /** The rollouts of every worker, added campaign by campaign (each worker runs every campaign). */
  synchronized List<RunReport.Rollout> rollouts() {
    List<RunReport.Rollout> out = new ArrayList<>();
    for (Worker w : workers) {
      for (int i = 0; i < w.rollouts.size(); i++) {
        RunReport.Rollout r = w.rollouts.get(i);
        if (i == out.size()) {
          out.add(r);
        } else {
          RunReport.Rollout a = out.get(i);
          Map<String, Long> failed = new TreeMap<>(a.failed());
          r.failed().forEach((k, v) -> failed.merge(k, v, Long::sum));
          out.set(
              i,
              new RunReport.Rollout(
                  a.agents() + r.agents(),
                  a.upgraded() + r.upgraded(),
                  a.alreadyThere() + r.alreadyThere(),
                  failed,
                  Math.max(a.seconds(), r.seconds())));
        }
      }
    }
    return out;
  }

  /** The workers lost so far, as "NAME (agents A-B) at t=S s". */
  synchronized List<String> lost() {
    List<String> out = new ArrayList<>();
    for (Worker w : workers) {
      if (w.gone()) {
        out.add(
            String.format(
                Locale.ROOT,
                "%s (agents %d-%d) at t=%.1fs",
                w.name(),
                w.range.first(),
                w.range.end() - 1,
                w.lostAtSeconds));
      }
    }
    return out;
  }

  synchronized List<WorkerReport> reports() {
    List<WorkerReport> out = new ArrayList<>();
    for (Worker w : workers) {
      WorkerProtocol.WorkerInfo i = w.joined.info();
      long messages = 0;
      for (long n : w.counters.toAgents().values()) {
        messages += n;
      }
      for (long n : w.counters.fromAgents().values()) {
        messages += n;
      }
      long drops = 0;
      for (long n : w.counters.drops().values()) {
        drops += n;
      }
      out.add(
          new WorkerReport(
              i.name(),
              i.host(),
              i.pid(),
              w.range.first(),
              w.range.count(),
              w.counters.connectedNow(),
              messages,
              drops,
              w.sizes.heapBytesPerAgent(),
              cost(w.sizes),
              w.lostAtSeconds));
    }
    return out;
  }

  private Worker byName(String name) {
    for (Worker w : workers) {
      if (w.name().equals(name)) {
        return w;
      }
    }
    return null;
  }
}
