package io.fleetsim.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeapBudgetTest {
  private static final long MIB = 1L << 20;

  @Test
  void aFleetThatFits_passes() {
    assertThat(HeapBudget.problem(100_000, HeapBudget.IN_MEMORY_BYTES, 512 * MIB)).isNull();
  }

  @Test
  void aFleetTooBigForTheHeap_isRefusedWithTheFigureAndTheAdvice() {
    // the case found: 100,000,000 agents with -Xmx512m passed, then ran out of memory at ~57,000
    assertThat(HeapBudget.problem(100_000_000, HeapBudget.IN_MEMORY_BYTES, 512 * MIB))
        .startsWith("this run needs about 200,367 MiB of heap (100,000,000 agents at 2,100 B each")
        .contains("this JVM may use 512 MiB: about 207,717 agents fit")
        .contains("FLEETSIM_JAVA_OPTS=\"-Xmx196g\"");
  }

  @Test
  void socketsAndAnEmbeddedControllerEnd_costMore() {
    assertThat(HeapBudget.problem(80_000, HeapBudget.IN_MEMORY_BYTES, 512 * MIB)).isNull();
    assertThat(
            HeapBudget.problem(
                80_000, HeapBudget.SOCKET_BYTES + HeapBudget.CONTROLLER_END_BYTES, 512 * MIB))
        .isNotNull();
  }

  @Test
  void tlsAndAnIdentityPerAgent_areCountedToo() {
    long max = Runtime.getRuntime().maxMemory();
    long fitsWithTls =
        (max - HeapBudget.BASE_BYTES) / (HeapBudget.SOCKET_BYTES + HeapBudget.TLS_BYTES) - 1;
    assertThat(HeapBudget.check(fitsWithTls, true, false, true, false)).isNull();
    assertThat(HeapBudget.check(fitsWithTls, true, false, true, true))
        .contains("agents at " + String.format(java.util.Locale.ROOT, "%,d", 17_900) + " B each");
  }
}
