package io.fleetsim.scenario;

import io.fleetsim.metrics.FleetMetrics;
import io.fleetsim.metrics.ProcessCost;
import io.fleetsim.report.HtmlReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Turns a run into its report: every second the one so far for the live dashboard (no latency
 * table, no verdicts yet), and at the end the final one, written as {@code summary.json}, {@code
 * report.txt} and {@code report.html} into the output folder and printed.
 */
final class RunReporter {
  private final Scenario scenario;
  private final RunFleet fleet;
  private final FleetMetrics metrics;
  private final IntervalSwap swap;

  RunReporter(Scenario scenario, RunFleet fleet, IntervalSwap swap) {
    this.scenario = scenario;
    this.fleet = fleet;
    this.metrics = fleet.metrics();
    this.swap = swap;
  }

  /** The run so far, {@code seconds} in, as the live dashboard shows it. */
  RunReport live(double seconds, List<RunReport.Rollout> rollouts) {
    return report(
        seconds,
        metrics.connectedNow(),
        IntervalSwap.statesByName(metrics),
        Map.of(),
        List.of(),
        rollouts,
        -1,
        fleet.cost(),
        false,
        false);
  }

  /**
   * Replaces summary.json with {@code snapshot} atomically (a temporary file moved over it): a run
   * killed with SIGKILL or ended by an OutOfMemoryError leaves its last snapshot, from which {@code
   * fleetsim report} builds a report marked incomplete.
   */
  void snapshot(RunReport snapshot) throws IOException {
    Path summary = scenario.output().resolve("summary.json");
    Path next = scenario.output().resolve("summary.json.next");
    Files.writeString(next, snapshot.json());
    Files.move(next, summary, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /**
   * The final report: counts taken before the fleet stopped, latencies over the whole run, and the
   * scenario's assertions judged.
   */
  RunReport last(
      double seconds,
      long connected,
      Map<String, Long> states,
      Map<String, Histogram> latencies,
      List<RunReport.Rollout> rollouts,
      long heapPerAgent,
      ProcessCost cost,
      boolean interrupted) {
    return report(
        seconds,
        connected,
        states,
        latencies,
        verdicts(latencies, connected),
        rollouts,
        heapPerAgent,
        cost,
        interrupted,
        true);
  }

  /** The scenario's assertions judged, then the fleet's own verdicts. */
  private List<RunReport.Verdict> verdicts(Map<String, Histogram> latencies, long connected) {
    List<RunReport.Verdict> out =
        new java.util.ArrayList<>(
            RunReport.judge(scenario, latencies, connected, metrics.stats().drops()));
    out.addAll(fleet.verdicts());
    return out;
  }

  /** Writes the report's files into the output folder and prints it; returns report.html. */
  Path write(RunReport report, PrintWriter out) throws IOException {
    Files.writeString(scenario.output().resolve("summary.json"), report.json());
    Files.writeString(scenario.output().resolve("report.txt"), report.table());
    Path html = HtmlReport.write(scenario.output());
    out.print(report.table());
    out.printf("%nreport: %s%n", html.toAbsolutePath());
    out.printf("%nwrote %s%n", scenario.output().toAbsolutePath());
    out.flush();
    return html;
  }

  private RunReport report(
      double seconds,
      long connected,
      Map<String, Long> states,
      Map<String, Histogram> latencies,
      List<RunReport.Verdict> verdicts,
      List<RunReport.Rollout> rollouts,
      long heapPerAgent,
      ProcessCost cost,
      boolean interrupted,
      boolean complete) {
    return new RunReport(
        scenario,
        seconds,
        fleet.spawned(),
        connected,
        metrics.connects(),
        latencies,
        metrics.stats().drops(),
        metrics.connectFailures(),
        fleet.transportEvents(),
        metrics.stats().notifications(),
        metrics.stats().handled(),
        metrics.stats().unexpected(),
        states,
        metrics.stats().messagesToAgents(),
        metrics.stats().messagesFromAgents(),
        swap.firmware().samples(),
        swap.series().json(),
        verdicts,
        fleet.curves().milestones(),
        fleet.curves().observed(),
        rollouts,
        fleet.controllerDropped(),
        fleet.tickRounds(),
        fleet.ticksDeferred(),
        heapPerAgent,
        cost,
        fleet.workers(),
        interrupted,
        complete);
  }
}
