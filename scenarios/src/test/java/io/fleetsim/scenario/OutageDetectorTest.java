package io.fleetsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class OutageDetectorTest {
  private static final List<RunTimeline.Event> NO_INCIDENTS =
      List.of(new RunTimeline.Event(0, 30, "phase", "ramp"));

  @Test
  void aMassLossWithinTwoSeconds_isObservedOnce_untilTheFleetIsBack() {
    OutageDetector d = new OutageDetector(NO_INCIDENTS, 100);
    long t = 0;
    for (; t < 5_000; t += 100) {
      assertThat(d.sample(t, 1_000, 0)).isNull();
    }
    assertThat(d.sample(t += 100, 990, 10)).as("1 % lost: noise").isNull();
    OutageDetector.Observed o = d.sample(t += 100, 700, 300);
    assertThat(o).isNotNull();
    assertThat(o.lost()).isEqualTo(300);
    assertThat(o.connectedBefore()).isEqualTo(1_000);
    assertThat(o.at()).isEqualTo(5.2);
    assertThat(d.sample(t += 100, 200, 800)).as("the same incident goes on").isNull();
    assertThat(d.sample(t += 100, 960, 800)).as("back to 96 %: re-armed").isNull();
    for (int i = 0; i < 20; i++) {
      assertThat(d.sample(t += 100, 1_000, 800)).isNull();
    }
    assertThat(d.sample(t += 100, 500, 1_300)).as("a second crash").isNotNull();
  }

  @Test
  void aSlowTrickleOfLosses_andSmallFleets_areNotIncidents() {
    OutageDetector d = new OutageDetector(NO_INCIDENTS, 100);
    long lost = 0;
    for (long t = 0; t < 60_000; t += 100) {
      assertThat(d.sample(t, 1_000, lost)).isNull();
      lost += 1; // 10 a second, reconnecting: 2 % in any 2 s
    }
    OutageDetector small = new OutageDetector(NO_INCIDENTS, 100);
    small.sample(0, 20, 0);
    assertThat(small.sample(100, 11, 9)).as("9 agents: below the minimum").isNull();
  }

  @Test
  void agentsThatLeaveByThemselves_areNotLosses() {
    OutageDetector d = new OutageDetector(NO_INCIDENTS, 100);
    d.sample(0, 1_000, 0);
    // half the fleet reboots: connected falls, but no session was lost to the peer
    assertThat(d.sample(100, 500, 0)).isNull();
  }

  @Test
  void aTargetCrashDuringAnIncidentOnTheAgentsThemselves_isObserved() {
    // a replay reboots agents at 1-10 s: they close their own sessions, so a crash is still seen
    OutageDetector d =
        new OutageDetector(List.of(new RunTimeline.Event(1, 10, "replay", "reboots.csv")), 100);
    for (long t = 0; t < 5_000; t += 100) {
      d.sample(t, 100, 0);
    }
    assertThat(d.sample(5_100, 0, 100)).isNotNull();
  }

  @Test
  void lossesTheScenarioCauses_areNotObserved() {
    OutageDetector d =
        new OutageDetector(
            List.of(new RunTimeline.Event(10, 13, "outage", "Controller down")), 100);
    for (long t = 0; t < 10_000; t += 100) {
      d.sample(t, 1_000, 0);
    }
    assertThat(d.sample(10_100, 0, 1_000)).as("during the scenario's outage").isNull();
    for (long t = 10_200; t < 23_500; t += 100) {
      assertThat(d.sample(t, t < 20_000 ? 1_000 : 600, t < 20_000 ? 1_000 : 1_400))
          .as("within its 10 s grace")
          .isNull();
    }
    for (long t = 23_500; t < 26_000; t += 100) {
      d.sample(t, 1_000, 1_400);
    }
    assertThat(d.sample(26_100, 400, 2_000)).as("after it and its grace").isNotNull();
  }
}
