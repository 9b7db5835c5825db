package io.fleetsim.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsim.controller.ReferenceController;
import io.fleetsim.controller.Workload;
import java.time.Duration;
import java.util.List;

/** What every test of the Controller's Get/Set/Operate workload checks, whatever the MTP. */
public final class WorkloadChecks {
  private static final List<String> TYPES = List.of("Get", "Set", "Operate");

  private WorkloadChecks() {}

  /**
   * Waits (30 s at most) until the Controller holds a round trip for every request {@code workload}
   * sent (it is closed), then checks none failed and each type was answered, none with an Error
   * Response.
   *
   * @return the requests sent
   */
  public static long allAnswered(ReferenceController controller, Workload workload) {
    long sent = workload.sent();
    Await.until(
        () ->
            TYPES.stream().mapToLong(t -> controller.latencies().total(t).getTotalCount()).sum()
                == sent,
        Duration.ofSeconds(30));
    assertThat(workload.failed()).isZero();
    for (String type : TYPES) {
      assertThat(controller.latencies().total(type).getTotalCount()).as(type).isPositive();
      assertThat(controller.errorResponses(type)).as(type).isZero();
    }
    return sent;
  }
}
