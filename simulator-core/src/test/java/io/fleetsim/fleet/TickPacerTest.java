package io.fleetsim.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TickPacerTest {
  @Test
  void aRoundStartsWhenThePreviousOneReachedEveryAgent() {
    TickPacer pacer = new TickPacer();
    assertThat(pacer.startRound(1_000, 0)).isTrue();
    assertThat(pacer.startRound(2_000, 0)).isTrue();
    assertThat(pacer.rounds()).isEqualTo(2);
    assertThat(pacer.deferred()).isZero();
  }

  @Test
  void busyAgentsDeferTheNextRound_untilTheGapLimit() {
    TickPacer pacer = new TickPacer();
    assertThat(pacer.startRound(1_000, 0)).isTrue();
    assertThat(pacer.startRound(2_000, 500)).isFalse();
    assertThat(pacer.startRound(3_000, 20)).isFalse();
    assertThat(pacer.startRound(4_000, 0)).isTrue(); // caught up
    // agents that never answer (stopped meanwhile) cannot hold the fleet's ticks forever
    assertThat(pacer.startRound(5_000, 3)).isFalse();
    assertThat(pacer.startRound(4_000 + TickPacer.MAX_GAP_MILLIS, 3)).isTrue();
    assertThat(pacer.rounds()).isEqualTo(3);
    assertThat(pacer.deferred()).isEqualTo(3);
  }
}
