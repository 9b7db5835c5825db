package io.fleetsim.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetsim.datamodel.DeviceModel;
import io.fleetsim.testing.TestModels;
import java.util.List;
import org.junit.jupiter.api.Test;

class FleetShapeTest {
  private static final List<DeviceModel> MODELS = List.of(TestModels.gateway(1));

  @Test
  void aContiguousFleet_indexesFromItsFirst() {
    FleetShape s = new FleetShape(MODELS, i -> 0, 100, 10);
    assertThat(s.index(0)).isEqualTo(100);
    assertThat(s.index(9)).isEqualTo(109);
  }

  @Test
  void joinersPastTheInitialAgents_takeIndicesFromJoinersFirst() {
    // a worker with agents 100..109 of a 1,000-agent fleet whose joiners start at 1,020
    FleetShape s = new FleetShape(MODELS, i -> 0, 100, 14, 10, 1_020);
    assertThat(s.index(9)).isEqualTo(109);
    assertThat(s.index(10)).isEqualTo(1_020);
    assertThat(s.index(13)).isEqualTo(1_023);
    for (int i = 0; i < 14; i++) {
      assertThat(s.local(s.index(i))).isEqualTo(i);
    }
    assertThat(s.local(99)).isEqualTo(-1);
    assertThat(s.local(110)).isEqualTo(-1); // the next worker's first agent
    assertThat(s.local(1_024)).isEqualTo(-1);
  }

  @Test
  void moreInitialAgentsThanTheFleetHolds_isRefused() {
    assertThatThrownBy(() -> new FleetShape(MODELS, i -> 0, 0, 10, 11, 10))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
