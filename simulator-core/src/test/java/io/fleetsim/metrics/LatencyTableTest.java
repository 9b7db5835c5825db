package io.fleetsim.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LatencyTableTest {

  @Test
  void oneRowPerNameInMilliseconds() {
    Latencies l = new Latencies();
    for (int i = 0; i < 10; i++) {
      l.record("Get", 2_000_000); // 2 ms
    }
    l.record("Set", 40_000_000); // 40 ms

    String table = LatencyTable.of(l);

    assertThat(table.lines().toList()).hasSize(3);
    assertThat(table.lines().skip(1).findFirst().orElseThrow())
        .matches("Get\\s+10\\s+2\\.000\\s+2\\.000\\s+2\\.000\\s+2\\.000\\s+2\\.00\\d");
    assertThat(table).containsPattern("Set\\s+1\\s+40\\.0\\d\\d");
  }

  @Test
  void saysSoWhenEmpty() {
    assertThat(LatencyTable.of(new Latencies())).isEqualTo("no latencies recorded\n");
  }
}
