package io.fleetsim.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ReasonCountsTest {
  @Test
  void eachReason_isCounted_andOnlyItsFirstOccurrenceSaysSo() throws Exception {
    ReasonCounts counts = new ReasonCounts();
    AtomicInteger firsts = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    for (int i = 0; i < 4_000; i++) {
      String reason = i % 2 == 0 ? "refused" : "tls";
      pool.execute(
          () -> {
            if (counts.count(reason)) {
              firsts.incrementAndGet();
            }
          });
    }
    pool.shutdown();
    assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    assertThat(firsts.get()).as("one first per reason, across threads").isEqualTo(2);
    assertThat(counts.snapshot())
        .containsExactly(
            java.util.Map.entry("refused", 2_000L), java.util.Map.entry("tls", 2_000L));
  }
}
