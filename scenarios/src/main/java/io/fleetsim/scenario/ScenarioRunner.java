package io.fleetsim.scenario;

import io.fleetsim.dashboard.DashboardServer;
import io.fleetsim.dashboard.PrometheusMetrics;
import io.fleetsim.fleet.FileLimits;
import io.fleetsim.fleet.HeapBudget;
import io.fleetsim.metrics.FleetMetrics;
import io.fleetsim.metrics.ProcessCost;
import io.fleetsim.report.HtmlReport;
import io.fleetsim.report.LatencySeries;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Runs a scenario; the composition root of a run. It wires the target ({@link RunTargets}), the
 * Pekko fleet fed by the {@link Injector}, the {@link IncidentDriver}, the per-second {@link
 * IntervalSwap} (the {@code .hlog}, the live series, the progress line) and the {@link RunReporter}
 * ({@code summary.json}, {@code report.txt}, {@code report.html}). A stop request (Ctrl-C) ends the
 * run early and still reports.
 */
public final class ScenarioRunner {
  private final Scenario scenario;
  private final PrintWriter out;
  private final CountDownLatch stop = new CountDownLatch(1);
  private final CountDownLatch reported = new CountDownLatch(1);
  private final InetSocketAddress dashboardAt;
  private final Fleets fleets;
  private volatile DashboardServer dashboard;

  /** Opens the fleet side of a run: this JVM's agents, or a cluster's workers. */
  @FunctionalInterface
  public interface Fleets {
    RunFleet open(Scenario s) throws InterruptedException;
  }

  /**
   * @param measureHeap also measure the heap after GC before the run and at its end, for the
   *     bytes-per-agent figure (costs a few seconds of full collections)
   */
  public ScenarioRunner(Scenario scenario, PrintWriter out, boolean measureHeap) {
    this(scenario, out, measureHeap, null);
  }

  /**
   * @param dashboardAt where the live dashboard and Prometheus {@code /metrics} listen during the
   *     run (port 0 picks one), or null for none
   */
  public ScenarioRunner(
      Scenario scenario, PrintWriter out, boolean measureHeap, InetSocketAddress dashboardAt) {
    this(scenario, out, measureHeap, dashboardAt, false);
  }

  /**
   * @param processExitsAfter the JVM exits once {@link #run()} returns (the {@code run} command):
   *     the report is complete, and an in-memory fleet's actors are left to the exit ({@link
   *     LocalRun#stopFleet()})
   */
  public ScenarioRunner(
      Scenario scenario,
      PrintWriter out,
      boolean measureHeap,
      InetSocketAddress dashboardAt,
      boolean processExitsAfter) {
    this(
        scenario,
        out,
        dashboardAt,
        s -> new LocalRun(s, 0, s.agents(), s.agents(), measureHeap, processExitsAfter));
  }

  /**
   * @param fleets the fleet side of the run (a cluster's workers; by default this JVM's agents)
   */
  public ScenarioRunner(
      Scenario scenario, PrintWriter out, InetSocketAddress dashboardAt, Fleets fleets) {
    this.fleets = fleets;
    this.scenario = scenario;
    this.out = out;
    this.dashboardAt = dashboardAt;
  }

  /** The live dashboard's URL once the run has started it, else null. */
  public String dashboardUrl() {
    DashboardServer d = dashboard;
    return d == null ? null : d.url();
  }

  /** Ends the run early; it still writes its report. */
  public void stop() {
    stop.countDown();
  }

  /**
   * Runs to the end (or {@link #stop()}) and returns the report, also written to the output and
   * printed.
   */
  public RunReport run() throws IOException, InterruptedException {
    Scenario s = scenario;
    try (RunFleet fleet = fleets.open(s)) {
      Files.createDirectories(s.output()); // once the fleet is known to fit
      LatencySeries live = startDashboard(fleet);
      try (IntervalSwap swap =
          new IntervalSwap(
              s.output().resolve("latencies.hlog"),
              "fleetsim scenario " + s.name() + " from " + s.source(),
              live,
              fleet)) {
        RunReporter reporter = new RunReporter(s, fleet, swap);
        long startNanos = System.nanoTime();
        fleet.start(startNanos, out);
        boolean interrupted = runFor(s.duration(), startNanos, swap, reporter, fleet);
        List<RunReport.Rollout> rolloutReport = fleet.stopTraffic();
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        FleetMetrics metrics = fleet.metrics();
        long connectedAtEnd = metrics.connectedNow();
        Map<String, Long> statesAtEnd = IntervalSwap.statesByName(metrics);
        swap.lastFirmware(seconds); // before the agents stop
        // before the heap is measured: its full collections are not the run's
        ProcessCost cost = fleet.cost();
        long heapPerAgent = fleet.heapBytesPerAgent();
        Map<String, Histogram> latencies = swap.last(seconds);
        fleet.stopFleet();
        RunReport report =
            reporter.last(
                seconds,
                connectedAtEnd,
                statesAtEnd,
                latencies,
                rolloutReport,
                heapPerAgent,
                cost,
                interrupted);
        reporter.write(report, out);
        if (dashboard != null) {
          // the open pages turn from live to the final verdict before the server goes
          dashboard.publish(HtmlReport.data(report.json(), live.json(), false));
        }
        return report;
      }
    } finally {
      DashboardServer d = dashboard;
      if (d != null) {
        d.close();
      }
      reported.countDown();
    }
  }

  /**
   * Whether this process can hold the fleet, checked before anything starts: each agent holds one
   * socket (with the embedded Controller its end is in this JVM too), and the heap must hold every
   * agent ({@link HeapBudget}). {@code validate} checks the same.
   */
  public static void checkResources(Scenario s) {
    boolean sockets = s.target().kind() != Scenario.Target.Kind.EMBEDDED_MEMORY;
    if (sockets) {
      String limit = FileLimits.check(s.target().embedded() ? 2L * s.agents() : s.agents());
      if (limit != null) {
        throw new ScenarioException(s.source() + ": " + limit);
      }
    }
    String heap =
        HeapBudget.check(
            s.capacity(),
            sockets,
            s.target().embedded(),
            s.target().anySecure(),
            s.target().identities().certificates() != null);
    if (heap != null) {
      throw new ScenarioException(s.source() + ": " + heap);
    }
  }

  /** The live dashboard and Prometheus endpoint, when asked for; returns its latency series. */
  private LatencySeries startDashboard(RunSource fleet) {
    if (dashboardAt == null) {
      return null;
    }
    dashboard =
        DashboardServer.start(
            dashboardAt,
            "fleetsim live: " + scenario.name(),
            new PrometheusMetrics(fleet.metrics(), fleet.controllerLatencies(), fleet::spawned));
    out.printf("dashboard: %s (Prometheus: %smetrics)%n", dashboard.url(), dashboard.url());
    out.flush();
    return new LatencySeries();
  }

  /** How often a running run replaces summary.json with a snapshot (crash-safe output). */
  static final int SNAPSHOT_SECONDS = 5;

  /**
   * The run's seconds until {@code duration} has passed or a stop request (Ctrl-C, which holds the
   * JVM until the report is written); returns whether it was stopped early.
   */
  private boolean runFor(
      Duration duration, long startNanos, IntervalSwap swap, RunReporter reporter, RunFleet fleet)
      throws InterruptedException, IOException {
    Thread hook =
        new Thread(
            () -> {
              stop();
              try {
                reported.await(60, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "fleetsim-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    boolean interrupted = false;
    int seconds = 0;
    int told = 0; // observed incidents printed so far
    long endNanos = startNanos + duration.toNanos();
    while (System.nanoTime() < endNanos) {
      long wait = Math.min(1000, (endNanos - System.nanoTime()) / 1_000_000);
      if (stop.await(Math.max(1, wait), TimeUnit.MILLISECONDS)) {
        interrupted = true;
        break;
      }
      String why = fleet.mustStop();
      if (why != null) {
        out.println("the run stops early: " + why);
        interrupted = true;
        break;
      }
      double at = (System.nanoTime() - startNanos) / 1e9;
      out.println(swap.second(at));
      List<OutageDetector.Observed> observed = fleet.curves().observed();
      for (; told < observed.size(); told++) {
        OutageDetector.Observed o = observed.get(told);
        out.printf(Locale.ROOT, "observed outage at t=%.1fs: %s%n", o.at(), o.what());
      }
      out.flush();
      DashboardServer d = dashboard;
      boolean snapshotDue = ++seconds % SNAPSHOT_SECONDS == 0;
      if (d != null || snapshotDue) {
        RunReport now = reporter.live(at, fleet.rolloutsNow());
        if (d != null) {
          d.publish(HtmlReport.data(now.json(), swap.live().json(), true));
        }
        if (snapshotDue) {
          reporter.snapshot(now);
        }
      }
    }
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the JVM is exiting (Ctrl-C): finish the report anyway
    }
    return interrupted;
  }
}
