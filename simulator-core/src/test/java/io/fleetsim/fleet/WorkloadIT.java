package io.fleetsim.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsim.controller.ReferenceController;
import io.fleetsim.controller.Workload;
import io.fleetsim.mtp.Transports;
import io.fleetsim.testing.Await;
import io.fleetsim.testing.ReadParam;
import io.fleetsim.testing.TestFleet;
import io.fleetsim.testing.TestFleets;
import io.fleetsim.testing.TestModels;
import io.fleetsim.testing.WorkloadChecks;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The embedded Controller's paced workload against 40 WebSocket agents: Get, Set and Operate go out
 * at the configured rate, every answer is a Response whose round trip lands in the per-message-type
 * histogram, the Set really changed the agents, and the async self test completes with
 * OperationComplete through the provisioned subscription.
 */
class WorkloadIT {
  private static final int AGENTS = 40;
  private static final double RATE = 400;

  @Test
  void pacedGetSetOperate_areAnsweredAndMeasuredPerMessageType() throws Exception {
    try (Transports transports = Transports.create(2);
        ReferenceController controller = TestFleets.controller(transports, false);
        TestFleet fleet =
            TestFleets.webSocket(TestModels.gateway(11), transports, controller, AGENTS, 1)) {
      fleet.start();
      Await.until(() -> controller.provisioned() == AGENTS, Duration.ofSeconds(30));
      AtomicLong selfTestsDone = new AtomicLong();
      controller.onNotify(
          n -> {
            if (n.message().hasOperComplete()
                && n.message().getOperComplete().getCommandKey().equals("fleetsim-workload")
                && n.message().getOperComplete().hasReqOutputArgs()) {
              selfTestsDone.incrementAndGet();
            }
          });

      long start = System.nanoTime();
      Workload.Spec spec =
          new Workload.Spec(
              RATE,
              6,
              2,
              2,
              List.of("Device.DeviceInfo.SerialNumber", "Device.DeviceInfo.UpTime"),
              "Device.DeviceInfo.ProvisioningCode",
              "campaign-42",
              "Device.SelfTestDiagnostics()");
      Workload workload = Workload.start(controller, spec, transports.group().next(), 5);
      Await.until(() -> workload.sent() >= 600, Duration.ofSeconds(30));
      workload.close();
      double elapsedSeconds = (System.nanoTime() - start) / 1e9;
      long sent = workload.sent();

      // open-loop pacing never runs ahead of the schedule, and catches up when it lags
      assertThat(sent).isLessThanOrEqualTo((long) (RATE * elapsedSeconds) + 1);
      assertThat(workload.notSent()).isZero();
      WorkloadChecks.allAnswered(controller, workload);
      // the seeded mix is about 60/20/20
      assertThat(controller.latencies().total("Get").getTotalCount())
          .isBetween((long) (sent * 0.5), (long) (sent * 0.7));
      assertThat(controller.timeouts()).isZero();

      // the Sets reached the agents: each agent holds either the workload's value or, when the
      // round robin and the seeded mix gave it no Set, the profile's empty default
      Map<String, Long> codes = new java.util.TreeMap<>();
      for (String eid : fleet.endpointIds()) {
        String code = ReadParam.of(controller, eid, "Device.DeviceInfo.ProvisioningCode");
        codes.merge(code, 1L, Long::sum);
      }
      assertThat(codes.keySet()).containsAnyOf("campaign-42").isSubsetOf("campaign-42", "");
      assertThat(codes.get("campaign-42"))
          .isLessThanOrEqualTo(controller.latencies().total("Set").getTotalCount());

      // the self tests (2 s in test-gateway) complete with OperationComplete via the "ops"
      // subscription the Controller created on first contact
      long operates = controller.latencies().total("Operate").getTotalCount();
      Await.until(() -> selfTestsDone.get() == operates, Duration.ofSeconds(30));
      assertThat(fleet.stats().drops()).isEmpty();
      assertThat(controller.dropped()).isZero();
    }
  }
}
