package io.fleetsim.cli;

import io.fleetsim.scenario.RunReport;
import io.fleetsim.scenario.Scenario;
import io.fleetsim.scenario.ScenarioLoader;
import io.fleetsim.scenario.ScenarioRunner;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code fleetsim run SCENARIO}: the main job. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description =
        "Runs a scenario: the fleet against its controller, incidents, then summary.json, a"
            + " latency log (.hlog), report.txt and the HTML report in the output folder. Exit 1 when an assertion"
            + " fails, 2 when the scenario is invalid.")
final class RunCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", description = "The scenario file (HOCON).")
  Path scenario;

  @Option(names = "--output", description = "Output folder (default: the scenario's output).")
  Path output;

  @Option(names = "--agents", description = "Override fleet.agents (the phases scale with it).")
  Integer agents;

  @Option(names = "--duration", description = "Override the duration (e.g. PT30S or 30s).")
  String duration;

  @Option(
      names = "--target",
      description = "Override target.controller: embedded, ws[s]://…, mqtt[s]://… or stomp[s]://….")
  String target;

  @Option(
      names = "--connects-in-flight",
      paramLabel = "N",
      description =
          "Override target.connects-in-flight: connects outstanding at most (default: 64 through a"
              + " broker, 512 to a Controller's sockets, no limit in memory).")
  Integer connectsInFlight;

  @Option(
      names = "--measure-heap",
      description = "Report the heap after GC per agent at the end (a few seconds of full GCs).")
  boolean measureHeap;

  @Option(
      names = "--dashboard-port",
      paramLabel = "PORT",
      description =
          "Serve the live dashboard and Prometheus /metrics on this port during the run (0: any"
              + " free port; default: off).")
  Integer dashboardPort;

  @Option(
      names = "--dashboard-bind",
      paramLabel = "ADDRESS",
      defaultValue = "127.0.0.1",
      description =
          "Address the dashboard listens on (default: ${DEFAULT-VALUE}; it has no"
              + " authentication, so widen with care).")
  String dashboardBind;

  @Option(
      names = "--cluster-bind",
      paramLabel = "HOST:PORT",
      description =
          "Coordinate the run over worker JVMs (`fleetsim worker --join HOST:PORT`): listen for"
              + " them here (Artery TCP). HOST must be what the workers reach this machine at.")
  String clusterBind;

  @Option(
      names = "--workers",
      paramLabel = "N",
      description = "How many workers the run waits for and splits the fleet over.")
  Integer workers;

  @Option(
      names = "--workers-timeout",
      paramLabel = "DURATION",
      description =
          "How long to wait for the workers to join (default: the scenario's"
              + " cluster.workers-timeout, else PT60S).")
  Duration workersTimeout;

  @Option(
      names = "--local-workers",
      paramLabel = "N",
      description =
          "Run over N worker JVMs started on this machine (each its own process with its own"
              + " open-file limit), coordinated on loopback; they stop with the run. JVM options"
              + " of each: $FLEETSIM_WORKER_JAVA_OPTS, else this JVM's.")
  Integer localWorkers;

  @Mixin IdentityOptions identity;

  @Option(
      names = "--set",
      description = "Override any scenario key, e.g. --set scenario.seed=3; repeatable.")
  List<String> sets;

  /** Set by {@link Fleetsim#main}: the JVM exits when the command returns. */
  private boolean processExitsAfter;

  /** The JVM exits when this command returns (not so for a command run inside a test). */
  void processExitsAfter() {
    processExitsAfter = true;
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Scenario s;
    try {
      s = load(scenario, overrides());
    } catch (io.fleetsim.scenario.ScenarioException | IllegalArgumentException e) {
      err.println("fleetsim: " + e.getMessage());
      return 2;
    }
    if (output != null) {
      s = s.withOutput(output);
    }
    out.printf(
        "fleetsim run %s: %d agents, %s, target %s, output %s%n",
        s.name(), s.agents(), s.duration(), s.target().kind(), s.output());
    out.flush();
    if (dashboardPort != null && (dashboardPort < 0 || dashboardPort > 65535)) {
      err.println("fleetsim: --dashboard-port must be 0..65535, not " + dashboardPort);
      return 2;
    }
    InetSocketAddress dashboardAt =
        dashboardPort == null ? null : new InetSocketAddress(dashboardBind, dashboardPort);
    RunReport report;
    try {
      Scenario.Cluster c = s.cluster();
      if (clusterBind != null
          || workers != null
          || localWorkers != null
          || c.bind() != null
          || c.workers() > 0
          || c.localWorkers() > 0) {
        report = onCluster(s, dashboardAt);
      } else {
        report = new ScenarioRunner(s, out, measureHeap, dashboardAt, processExitsAfter).run();
      }
    } catch (io.fleetsim.scenario.ScenarioException
        | io.fleetsim.mtp.ListenException
        | IllegalArgumentException e) {
      err.println("fleetsim: " + e.getMessage());
      return 2;
    } catch (IllegalStateException e) {
      // the run could not start (the embedded Controller refused by its broker, say): one line
      err.println("fleetsim: " + e.getMessage());
      return 1;
    }
    return report.passed() ? 0 : 1;
  }

  /** The run as the coordinator of workers (see {@link ClusterRun}). */
  private RunReport onCluster(Scenario s, InetSocketAddress dashboardAt)
      throws java.io.IOException, InterruptedException {
    // the command line wins over the scenario's cluster block
    Scenario.Cluster c = s.cluster();
    if (localWorkers != null && localWorkers <= 0) {
      throw new IllegalArgumentException("--local-workers must be > 0");
    }
    int local = localWorkers != null ? localWorkers : clusterBind == null ? c.localWorkers() : 0;
    int n = workers != null ? workers : local > 0 ? local : c.workers();
    if (n <= 0) {
      throw new IllegalArgumentException(
          "--cluster-bind needs --workers N (how many workers to wait for)");
    }
    if (local > 0 && workers != null && workers != local) {
      throw new IllegalArgumentException(
          "--local-workers " + local + " starts " + local + " workers; --workers says " + workers);
    }
    if (local == 0 && clusterBind == null && c.bind() == null) {
      throw new IllegalArgumentException(
          "--workers needs --cluster-bind HOST:PORT: where the workers join (their --join)");
    }
    String at = clusterBind != null ? clusterBind : c.bind() != null ? c.bind() : "127.0.0.1:0";
    InetSocketAddress bind = HostPort.parse("--cluster-bind", at);
    Duration timeout = workersTimeout != null ? workersTimeout : c.workersTimeout();
    String hocon =
        ScenarioLoader.resolve(scenario, overrides())
            .root()
            .render(com.typesafe.config.ConfigRenderOptions.concise());
    return ClusterRun.run(
        s, hocon, bind, n, local, timeout, spec.commandLine().getOut(), dashboardAt, measureHeap);
  }

  private Map<String, String> overrides() {
    Map<String, String> o = new LinkedHashMap<>();
    if (duration != null) {
      o.put(
          "scenario.duration",
          duration.startsWith("PT") ? Duration.parse(duration).toMillis() + "ms" : duration);
    }
    if (connectsInFlight != null) {
      o.put("scenario.target.connects-in-flight", String.valueOf(connectsInFlight));
    }
    if (target != null) {
      o.put("scenario.target.controller", target);
      if (!target.equals("embedded")) {
        o.put("scenario.target.mtp", null); // the scenario's embedded-only MTP no longer applies
      }
    }
    if (identity.given()) {
      o.putAll(identity.asScenarioOverrides()); // the flags replace the scenario's identity block
    }
    for (String set : sets == null ? List.<String>of() : sets) {
      int eq = set.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("--set takes KEY=VALUE, got " + set);
      }
      o.put(set.substring(0, eq), set.substring(eq + 1));
    }
    return o;
  }

  /** Loads the scenario; --agents rescales it (fleet size and each phase in proportion). */
  private Scenario load(Path file, Map<String, String> o) {
    Scenario s = ScenarioLoader.load(file, o);
    if (agents == null || agents == s.agents()) {
      return s;
    }
    if (agents <= 0) {
      throw new IllegalArgumentException("--agents must be > 0");
    }
    return s.withAgents(agents);
  }
}
