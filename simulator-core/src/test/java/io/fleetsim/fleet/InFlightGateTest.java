package io.fleetsim.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InFlightGateTest {

  @Test
  void runsAtMostTheLimit_thenTheQueueInOrderAsTasksFinish() {
    InFlightGate gate = new InFlightGate(2);
    List<Integer> started = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      int n = i;
      gate.submit(() -> started.add(n));
    }
    assertThat(started).containsExactly(0, 1);
    assertThat(gate.inFlight()).isEqualTo(2);

    gate.done();
    assertThat(started).containsExactly(0, 1, 2);
    gate.done();
    gate.done();
    assertThat(started).containsExactly(0, 1, 2, 3, 4);
    gate.done();
    gate.done();
    assertThat(gate.inFlight()).isZero();
  }

  @Test
  void aLimitBelowOneIsRefused() {
    assertThatThrownBy(() -> new InFlightGate(0)).hasMessageContaining(">= 1");
  }
}
