package io.fleetsim.scenario;

import io.fleetsim.controller.FirmwareCampaign;
import io.fleetsim.metrics.FleetMetrics;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The run's milestone curves, sampled every {@link #SAMPLE_EVERY_MILLIS}: agents connected, Boot!
 * acknowledged, the reconnect curve after each outage and the share upgraded in each firmware
 * rollout. Incidents add curves while the sampler reads them, so the lists are copy-on-write.
 */
public final class RunCurves {
  /** How often the connected and booted counts are sampled for the milestones. */
  static final long SAMPLE_EVERY_MILLIS = 100;

  /** An outage that ended at {@code endNanos}: how the fleet comes back from then. */
  private record Outage(long endNanos, Milestones curve) {}

  /** Boot! acknowledged since {@code startNanos}, over {@code before} then. */
  private record Booted(long startNanos, long before, Milestones curve) {}

  /** A rollout started at {@code startNanos}: how its share of upgraded agents grows. */
  private record Rollout(
      long startNanos, java.util.function.LongSupplier upgraded, Milestones curve) {}

  private final List<Milestones> milestones = new CopyOnWriteArrayList<>();
  private final List<Outage> outages = new CopyOnWriteArrayList<>();
  private final List<Rollout> rollouts = new CopyOnWriteArrayList<>();
  private final List<Booted> boots = new CopyOnWriteArrayList<>();
  private final Milestones connected;
  private final Milestones booted;
  private final OutageDetector detector;
  private final List<OutageDetector.Observed> observed = new CopyOnWriteArrayList<>();

  RunCurves(int agents, List<RunTimeline.Event> timeline) {
    detector = new OutageDetector(timeline, SAMPLE_EVERY_MILLIS);
    connected = new Milestones("connected", agents);
    booted = new Milestones("Boot! acknowledged", agents);
    milestones.add(connected);
    milestones.add(booted);
  }

  /** The curves of {@code s}: its fleet's, and the outages its timeline causes are not observed. */
  public static RunCurves of(Scenario s) {
    return new RunCurves(s.agents(), RunTimeline.of(s));
  }

  /**
   * The outage curves of {@code s} for a fleet whose incidents run elsewhere (a cluster
   * coordinator's workers each cut their own Controller): at each outage's start the agents
   * connected then are counted, and at its end their curve back begins, as {@link OutageIncident}
   * does in one JVM, on the merged counts.
   */
  public void followOutages(
      Scenario s,
      ScheduledExecutorService clock,
      long startNanos,
      java.util.function.Supplier<FleetMetrics> merged) {
    for (Scenario.Incident i : s.incidents()) {
      long at = startNanos + i.at().toNanos() - System.nanoTime();
      long[] before = {0, 0};
      if (i instanceof Scenario.Incident.Outage || i instanceof Scenario.Incident.NetworkOutage) {
        Duration length =
            i instanceof Scenario.Incident.Outage o
                ? o.length()
                : ((Scenario.Incident.NetworkOutage) i).length();
        clock.schedule(() -> before[0] = merged.get().connectedNow(), at, TimeUnit.NANOSECONDS);
        clock.schedule(
            () -> outageEnded(outageName(i), before[0]),
            at + length.toNanos(),
            TimeUnit.NANOSECONDS);
      } else if (i instanceof Scenario.Incident.PowerOutage p) {
        int affected = (int) Math.round(s.agents() * p.percent() / 100.0);
        clock.schedule(
            () -> {
              before[0] = merged.get().connectedNow();
              before[1] = merged.get().stats().acknowledged("Boot!");
              bootsSince(incidentName(i), affected, before[1]);
            },
            at,
            TimeUnit.NANOSECONDS);
        clock.schedule(
            () -> outageEnded(outageName(i), before[0]),
            at + p.within().toNanos(),
            TimeUnit.NANOSECONDS);
      }
    }
  }

  /**
   * Boot! acknowledged from now on, {@code expected} of them being 100 %: how the agents an
   * incident power-cycled announce themselves again. {@code before} is the count now.
   */
  void bootsSince(String incident, long expected, long before) {
    Milestones curve = new Milestones("Boot! acknowledged after the " + incident, expected);
    milestones.add(curve);
    boots.add(new Booted(System.nanoTime(), before, curve));
  }

  /** One sample, {@code millis} into the run. */
  public void sample(long millis, FleetMetrics metrics) {
    connected.observe(millis, metrics.connectedNow());
    OutageDetector.Observed seen =
        detector.sample(millis, metrics.connectedNow(), metrics.sessionsLost());
    if (seen != null) {
      // the fleet comes back from this moment: the same milestones as after a scenario outage
      observed.add(seen);
      outageEnded(
          String.format(
              java.util.Locale.ROOT, "back after the observed outage at %.1f s", seen.at()),
          seen.connectedBefore());
    }
    booted.observe(millis, metrics.stats().acknowledged("Boot!"));
    long now = System.nanoTime();
    for (Outage o : outages) {
      o.curve.observe((now - o.endNanos) / 1_000_000, metrics.connectedNow());
    }
    for (Booted b : boots) {
      b.curve.observe(
          (now - b.startNanos) / 1_000_000, metrics.stats().acknowledged("Boot!") - b.before);
    }
    for (Rollout r : rollouts) {
      r.curve.observe((now - r.startNanos) / 1_000_000, r.upgraded.getAsLong());
    }
  }

  /** An outage ended now: the agents connected before it come back along a curve of its own. */
  void outageEnded(String what, long connectedBefore) {
    Milestones curve = new Milestones(what, connectedBefore);
    milestones.add(curve);
    outages.add(new Outage(System.nanoTime(), curve));
  }

  /** A rollout started now: when 50/90/99/100 % of its agents run the new firmware. */
  void rolloutStarted(String what, FirmwareCampaign campaign, int agents) {
    Milestones curve = new Milestones(what, agents);
    milestones.add(curve);
    rollouts.add(new Rollout(System.nanoTime(), campaign::upgraded, curve));
  }

  /** How the report names the curve back after outage {@code o}. */
  static String outageName(Scenario.Incident.Outage o) {
    return "back after the outage at " + o.at().toSeconds() + " s";
  }

  /** The same for any outage: the Controller's, the fleet's network, or a power cut. */
  static String outageName(Scenario.Incident i) {
    return "back after the " + incidentName(i);
  }

  /** {@code outage at 4 s}, {@code power outage at 4 s} or {@code network outage at 4 s}. */
  static String incidentName(Scenario.Incident i) {
    String kind =
        i instanceof Scenario.Incident.PowerOutage
            ? "power outage"
            : i instanceof Scenario.Incident.NetworkOutage ? "network outage" : "outage";
    return kind + " at " + i.at().toSeconds() + " s";
  }

  /** How the report names the curve of {@code f}'s rollout. */
  static String rolloutName(Scenario.Incident.FirmwareRollout f) {
    return "on " + f.image() + " (rollout at " + f.at().toSeconds() + " s)";
  }

  /** The scenario's firmware rollouts in the order they start (and so in every worker's list). */
  public static List<Scenario.Incident.FirmwareRollout> rolloutsOf(Scenario s) {
    List<Scenario.Incident.FirmwareRollout> out = new java.util.ArrayList<>();
    for (Scenario.Incident i : s.incidents()) {
      if (i instanceof Scenario.Incident.FirmwareRollout f) {
        out.add(f);
      }
    }
    out.sort(java.util.Comparator.comparing(Scenario.Incident.FirmwareRollout::at));
    return out;
  }

  /**
   * The scenario's rollout {@code f}, run elsewhere (by cluster workers, each on its agents) and
   * started {@code f.at()} into a run that started at {@code runStartNanos}: the same curve as in
   * one JVM, fed by {@code upgraded}, the count summed over the workers.
   */
  public void rolloutFollowed(
      Scenario.Incident.FirmwareRollout f,
      long runStartNanos,
      java.util.function.LongSupplier upgraded,
      int agents) {
    Milestones curve = new Milestones(rolloutName(f), agents);
    milestones.add(curve);
    rollouts.add(new Rollout(runStartNanos + f.at().toNanos(), upgraded, curve));
  }

  /** Mass disconnects the scenario did not cause, in the order seen. */
  List<OutageDetector.Observed> observed() {
    return List.copyOf(observed);
  }

  List<Milestones> milestones() {
    return List.copyOf(milestones);
  }
}
