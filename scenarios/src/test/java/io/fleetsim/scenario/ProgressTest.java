package io.fleetsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsim.metrics.AgentState;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ProgressTest {
  @Test
  void connectFailures_areShownByCause_andOnlyWhenThereAreAny() {
    assertThat(Progress.failures(Map.of())).isEmpty();
    assertThat(Progress.failures(new TreeMap<>(Map.of("refused", 12L, "tls", 3L))))
        .isEqualTo(" connect failures refused 12 tls 3");
  }

  @Test
  void statesOtherThanOnline_areShown() {
    Map<AgentState, Long> states = new EnumMap<>(AgentState.class);
    states.put(AgentState.ONLINE, 90L);
    states.put(AgentState.BOOTING, 10L);
    assertThat(Progress.states(states)).isEqualTo(" booting 10");
  }
}
