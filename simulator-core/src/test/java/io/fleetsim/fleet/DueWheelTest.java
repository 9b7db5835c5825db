package io.fleetsim.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Agents come out of the wheel once the second they asked for has passed, and not before. */
class DueWheelTest {
  private static List<Integer> drain(DueWheel w, long nowMillis) {
    List<Integer> out = new ArrayList<>();
    w.drain(nowMillis, out::add);
    return out;
  }

  @Test
  void agentsComeOutWhenTheirInstantHasPassed() {
    DueWheel w = new DueWheel();
    w.add(1, 10_500, 10_000); // due at 10.5 s: the tick at 11 s or later takes it
    w.add(2, 11_000, 10_000); // exactly 11 s
    w.add(3, 60_000, 10_000);
    assertThat(w.entries()).isEqualTo(3);
    assertThat(drain(w, 10_999)).isEmpty();
    assertThat(drain(w, 11_000)).containsExactly(1, 2);
    assertThat(drain(w, 59_999)).isEmpty();
    assertThat(drain(w, 75_000)).containsExactly(3); // a late tick still takes it
    assertThat(w.entries()).isZero();
  }

  @Test
  void anInstantAlreadyPassed_comesOutWithTheNextTick_andRepeatsAreKept() {
    DueWheel w = new DueWheel();
    assertThat(drain(w, 20_000)).isEmpty();
    w.add(4, 5_000, 20_000); // asked late: the next tick after 20 s
    w.add(4, 21_000, 20_000);
    assertThat(drain(w, 20_500)).isEmpty();
    assertThat(drain(w, 21_000)).containsExactly(4, 4);
  }

  @Test
  void farInstants_shareTenMinuteBuckets_andComeOutAtTheirStart() {
    DueWheel w = new DueWheel();
    long now = 1_000_000_000L; // second 1,000,000, a multiple of 600 plus 400
    w.add(1, now + 3_600_500, now); // an hour away: the bucket from second 1,003,200
    w.add(2, now + 3_650_000, now); // the same 10 minutes
    w.add(3, now + 500_000, now); // 500 s away: its own second
    assertThat(drain(w, now + 499_999)).isEmpty();
    assertThat(drain(w, now + 500_000)).containsExactly(3);
    assertThat(drain(w, 1_003_199_999L)).isEmpty();
    assertThat(drain(w, 1_003_200_000L)).containsExactly(1, 2); // early, once
  }
}
