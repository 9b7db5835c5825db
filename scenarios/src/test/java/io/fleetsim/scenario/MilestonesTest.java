package io.fleetsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MilestonesTest {

  @Test
  void recordsWhenEachShareWasFirstReached() {
    Milestones m = new Milestones("connected", 1_000);
    m.observe(100, 10);
    m.observe(200, 500);
    m.observe(300, 400); // a dip does not undo a milestone
    m.observe(1_500, 989);
    m.observe(2_000, 990);
    assertThat(m.reached())
        .containsExactly(entry("50%", 0.2), entry("90%", 1.5), entry("99%", 2.0));
    m.observe(3_250, 1_000);
    assertThat(m.reached()).containsEntry("100%", 3.25);
  }

  @Test
  void smallTargetsRoundUp() {
    Milestones m = new Milestones("booted", 3);
    m.observe(10, 1);
    assertThat(m.reached()).isEmpty(); // 1 of 3 is under 50 %
    m.observe(20, 2);
    assertThat(m.reached()).containsOnlyKeys("50%");
    m.observe(30, 3);
    assertThat(m.reached()).containsOnlyKeys("50%", "90%", "99%", "100%");
  }

  private static java.util.Map.Entry<String, Double> entry(String k, double v) {
    return java.util.Map.entry(k, v);
  }
}
