package io.fleetsim.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The JVM's CPU and GC time, read twice, give what was spent between. */
class ProcessCostTest {
  @Test
  void cpuSpentBetweenTwoReadings_isCounted() {
    ProcessCost before = ProcessCost.now();
    long sum = 0;
    long until = System.nanoTime() + 200_000_000L; // 0.2 s of this thread's CPU at least
    while (System.nanoTime() < until) {
      sum += Long.numberOfTrailingZeros(sum + until);
    }
    ProcessCost spent = ProcessCost.now().since(before);
    assertThat(sum).isNotNegative();
    assertThat(spent.cpuMillis()).isGreaterThanOrEqualTo(150);
    assertThat(spent.gcMillis()).isNotNegative();
    assertThat(spent.jitMillis()).isNotNegative();
  }

  @Test
  void unknownCpu_staysUnknown_andCostsAdd() {
    ProcessCost a = new ProcessCost(1_200, 30, 500);
    ProcessCost b = new ProcessCost(800, 10, 100);
    assertThat(a.plus(b)).isEqualTo(new ProcessCost(2_000, 40, 600));
    assertThat(a.since(b)).isEqualTo(new ProcessCost(400, 20, 400));
    assertThat(a.plus(new ProcessCost(-1, 5, 0))).isEqualTo(new ProcessCost(-1, 35, 500));
    assertThat(ProcessCost.ZERO.plus(a)).isEqualTo(a);
  }
}
