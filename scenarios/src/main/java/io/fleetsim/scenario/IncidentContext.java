package io.fleetsim.scenario;

import io.fleetsim.controller.ReferenceController;
import io.fleetsim.fleet.ActorFleet;
import io.fleetsim.metrics.FleetMetrics;
import io.fleetsim.mtp.Transports;
import io.fleetsim.mtp.connect.LinkCut;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * What an incident acts on: the run's scenario, Controller (null when the target is an external
 * one), transports (whose event loops schedule the incident's later rounds), metrics, fleet, the
 * run's console, where it records its curves and rollouts, and the fleet's network link.
 */
record IncidentContext(
    Scenario scenario,
    ReferenceController controller,
    Transports transports,
    FleetMetrics metrics,
    ActorFleet fleet,
    PrintWriter out,
    RunCurves curves,
    Rollouts rollouts,
    LinkCut link) {

  /**
   * The curve back of an outage that ends {@code after} from now: how the {@code connectedBefore}
   * agents return, named {@code name} in the report.
   */
  void curveBackAfter(java.time.Duration after, String name, long connectedBefore) {
    transports()
        .group()
        .schedule(
            () -> curves().outageEnded(name, connectedBefore),
            after.toMillis(),
            java.util.concurrent.TimeUnit.MILLISECONDS);
  }

  /** One line on the run's console. */
  void say(String format, Object... args) {
    out.printf(Locale.ROOT, format + "%n", args);
  }
}
