package io.fleetsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class InjectionPlanTest {

  @Test
  void atOnce_isAllAtTheStart() {
    InjectionStep s = new InjectionStep.AtOnce(500);
    assertThat(s.dueAt(-1)).isZero();
    assertThat(s.dueAt(0)).isEqualTo(500);
    assertThat(s.duration()).isZero();
  }

  @Test
  void ramp_isLinear() {
    InjectionStep s = new InjectionStep.Ramp(1_000, Duration.ofSeconds(10));
    assertThat(s.dueAt(0)).isZero();
    assertThat(s.dueAt(2_500)).isEqualTo(250);
    assertThat(s.dueAt(9_999)).isEqualTo(999);
    assertThat(s.dueAt(10_000)).isEqualTo(1_000);
    assertThat(s.dueAt(60_000)).isEqualTo(1_000);
    assertThat(new InjectionStep.Ramp(7, Duration.ZERO).dueAt(0)).isEqualTo(7);
  }

  @Test
  void constantRate_startsPerSecondForItsDuration() {
    InjectionStep s = new InjectionStep.ConstantRate(50, Duration.ofSeconds(4));
    assertThat(s.agents()).isEqualTo(200);
    assertThat(s.dueAt(1_000)).isEqualTo(50);
    assertThat(s.dueAt(1_990)).isEqualTo(99);
    assertThat(s.dueAt(10_000)).isEqualTo(200);
  }

  @Test
  void pause_startsNothing() {
    InjectionStep s = new InjectionStep.Pause(Duration.ofSeconds(3));
    assertThat(s.agents()).isZero();
    assertThat(s.dueAt(1_000)).isZero();
  }

  @Test
  void stepsRunOneAfterTheOther() {
    InjectionPlan plan =
        new InjectionPlan(
            List.of(
                new InjectionStep.AtOnce(100),
                new InjectionStep.Ramp(1_000, Duration.ofSeconds(10)),
                new InjectionStep.Pause(Duration.ofSeconds(5)),
                new InjectionStep.ConstantRate(10, Duration.ofSeconds(10))));
    assertThat(plan.agents()).isEqualTo(1_200);
    assertThat(plan.duration()).isEqualTo(Duration.ofSeconds(25));
    assertThat(plan.dueAt(-5)).isZero();
    assertThat(plan.dueAt(0)).isEqualTo(100);
    assertThat(plan.dueAt(5_000)).isEqualTo(600);
    assertThat(plan.dueAt(12_000)).isEqualTo(1_100); // in the pause
    assertThat(plan.dueAt(17_000)).isEqualTo(1_120);
    assertThat(plan.dueAt(100_000)).isEqualTo(1_200);
  }
}
