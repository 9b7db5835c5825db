package io.fleetsim.cli;

import io.fleetsim.cluster.ClusterFleet;
import io.fleetsim.cluster.Coordinator;
import io.fleetsim.cluster.WorkersMissingException;
import io.fleetsim.scenario.RunReport;
import io.fleetsim.scenario.Scenario;
import io.fleetsim.scenario.ScenarioException;
import io.fleetsim.scenario.ScenarioRunner;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

/**
 * {@code run --cluster-bind … --workers N} and {@code run --local-workers N}: this process becomes
 * the coordinator of a run spread over worker JVMs. It waits for the workers (starting them as
 * children with {@code --local-workers}), splits the fleet over them and writes the one report.
 */
final class ClusterRun {
  private ClusterRun() {}

  /**
   * @param hocon the scenario as resolved here: what the workers read
   * @param local worker processes to start on this machine (0: the workers are started elsewhere)
   * @throws ScenarioException when the workers do not come in time or cannot run their share
   */
  static RunReport run(
      Scenario s,
      String hocon,
      InetSocketAddress bind,
      int workers,
      int local,
      Duration timeout,
      PrintWriter out,
      InetSocketAddress dashboardAt,
      boolean measureHeap)
      throws IOException, InterruptedException {
    try (Coordinator coordinator = Coordinator.start(bind);
        LocalWorkers children =
            local > 0
                ? new LocalWorkers(local, coordinator.address(), s.output().resolve("workers"))
                : null) {
      InetSocketAddress at = coordinator.address();
      out.printf(
          "coordinator at %s:%d: waiting for %d workers (at most %d s)%n",
          at.getHostString(), at.getPort(), workers, timeout.toSeconds());
      out.flush();
      List<Coordinator.Joined> joined;
      try {
        joined = coordinator.awaitWorkers(workers, timeout);
      } catch (WorkersMissingException e) {
        String exited = children == null ? "" : children.exited();
        throw new ScenarioException(
            e.getMessage()
                + (exited.isEmpty()
                    ? ""
                    : " ("
                        + exited
                        + "; see their logs in "
                        + s.output().resolve("workers")
                        + ")"));
      }
      for (Coordinator.Joined j : joined) {
        out.printf("worker %s%n", j.info());
      }
      out.flush();
      ScenarioRunner runner =
          new ScenarioRunner(
              s,
              out,
              dashboardAt,
              scenario -> ClusterFleet.open(scenario, hocon, coordinator, joined, measureHeap));
      return runner.run();
    }
  }
}
