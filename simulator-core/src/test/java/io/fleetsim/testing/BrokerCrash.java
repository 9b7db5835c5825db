package io.fleetsim.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsim.controller.ReferenceController;
import io.fleetsim.controller.Workload;
import io.fleetsim.mtp.Transports;
import java.time.Duration;
import java.util.Map;

/**
 * A broker killed with SIGKILL under the Controller's Get workload and started again, whatever the
 * MTP (MQTT through Mosquitto, STOMP through RabbitMQ): what each such chaos test checks.
 */
public final class BrokerCrash {
  /** What a test does to its broker: kill it, or start it again on its port. */
  public interface Step {
    void run() throws Exception;
  }

  private BrokerCrash() {}

  /**
   * With {@code agents} provisioned agents of {@code fleet} behind {@code controller}, runs 100
   * Gets a second, kills the broker once 100 are answered, waits until the Controller has lost
   * every agent and counted requests it could not send or that failed, restarts the broker, then
   * checks: every agent announces itself again (a new ConnectRecord each: both sides subscribed
   * again), 100 more Gets are answered, the outage is counted, no Get is counted answered that no
   * agent answered, and no agent is provisioned twice.
   */
  public static void underAGetWorkload(
      Transports t,
      ReferenceController controller,
      TestFleet fleet,
      int agents,
      Step kill,
      Step restart)
      throws Exception {
    Await.until(() -> controller.provisioned() == agents, Duration.ofSeconds(60));
    long before = controller.connectRecords();
    Workload.Spec d = Workload.Spec.defaults(100);
    try (Workload work =
        Workload.start(
            controller,
            new Workload.Spec(
                100, 1, 0, 0, d.getPaths(), d.setParam(), d.setValue(), d.operateCommand()),
            t.group().next(),
            1)) {
      Await.until(() -> answeredGets(controller) >= 100, Duration.ofSeconds(20));
      kill.run(); // in the middle of the workload: some requests are on the way
      Await.until(() -> controller.connectedAgents().isEmpty(), Duration.ofSeconds(10));
      // requests fall due while there is no broker: counted, not answered
      Await.until(() -> work.notSent() + work.failed() > 0, Duration.ofSeconds(10));
      restart.run();
      Await.until(() -> controller.connectRecords() == before + agents, Duration.ofSeconds(90));
      long atRestart = answeredGets(controller);
      Await.until(() -> answeredGets(controller) >= atRestart + 100, Duration.ofSeconds(30));
      assertThat(work.notSent() + work.failed()).as("the outage is counted").isPositive();
    }
    long given =
        fleet.stats().handled().entrySet().stream()
            .filter(e -> e.getKey().equalsIgnoreCase("get"))
            .mapToLong(Map.Entry::getValue)
            .sum();
    assertThat(answeredGets(controller))
        .as("Gets counted answered by the Controller")
        .isLessThanOrEqualTo(given);
    assertThat(controller.provisioned()).isEqualTo(agents); // not provisioned twice
  }

  /** Get round trips the Controller recorded as answered. */
  private static long answeredGets(ReferenceController controller) {
    controller.latencies().interval("Get"); // drains into the total
    return controller.latencies().total("Get").getTotalCount();
  }
}
