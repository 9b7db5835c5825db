package io.fleetsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class FirmwareSeriesTest {
  @Test
  void keepsASampleOnlyWhenTheDistributionMoved() {
    FirmwareSeries series = new FirmwareSeries();
    series.observe(0, Map.of("1.0", 10L));
    series.observe(1, Map.of("1.0", 10L));
    series.observe(2, Map.of("1.0", 7L, "2.0", 3L));
    series.observe(3, Map.of("1.0", 7L, "2.0", 3L));
    series.observe(4, Map.of("2.0", 10L));

    assertThat(series.samples())
        .containsExactly(
            new FirmwareSeries.Sample(0, Map.of("1.0", 10L)),
            new FirmwareSeries.Sample(2, Map.of("1.0", 7L, "2.0", 3L)),
            new FirmwareSeries.Sample(4, Map.of("2.0", 10L)));
  }
}
