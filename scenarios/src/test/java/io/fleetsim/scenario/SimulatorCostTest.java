package io.fleetsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsim.metrics.ProcessCost;
import org.junit.jupiter.api.Test;

/** The simulator's cost as the report prints and stores it. */
class SimulatorCostTest {
  @Test
  void perAgentAndPerMessage() {
    ProcessCost cost = new ProcessCost(50_600, 1_300, 12_000);
    assertThat(SimulatorCost.fields(cost, 100_000, 400_000))
        .isEqualTo(
            "\"cpuSeconds\": 50.600, \"gcSeconds\": 1.300, \"jitSeconds\": 12.000,"
                + " \"cpuMicrosPerAgent\": 506.0, \"cpuMicrosPerMessage\": 126.50");
    assertThat(SimulatorCost.line(cost, 100_000, 400_000))
        .isEqualTo(
            "CPU 50.6 s (506 µs per agent, 126.5 µs per message), GC 1.3 s, JIT compiling 12.0 s");
  }

  @Test
  void unknownCpuOrNothingToDivide_isMinusOne() {
    assertThat(SimulatorCost.fields(new ProcessCost(-1, 0, 0), 10, 10))
        .isEqualTo(
            "\"cpuSeconds\": -1.000, \"gcSeconds\": 0.000, \"jitSeconds\": 0.000,"
                + " \"cpuMicrosPerAgent\": -1.0, \"cpuMicrosPerMessage\": -1.00");
    assertThat(SimulatorCost.fields(new ProcessCost(10, 0, 0), 0, 0))
        .contains("\"cpuMicrosPerAgent\": -1.0");
    assertThat(SimulatorCost.line(new ProcessCost(-1, 2_000, 300), 1, 1))
        .isEqualTo("CPU unknown, GC 2.0 s, JIT compiling 0.3 s");
  }
}
