package io.fleetsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TimeSeriesTest {
  @Test
  void columnsHoldOneValuePerSecond_messagesAsRates() {
    TimeSeries series = new TimeSeries();
    series.sample(1.0, 10, Map.of("online", 10L), 30, 40, 0);
    series.sample(2.0, 12, Map.of("online", 11L, "booting", 1L), 50, 45, 2);

    assertThat(series.rows()).isEqualTo(2);
    assertThat(series.json())
        .isEqualTo(
            "{\"seconds\": [1.0, 2.0], \"connected\": [10, 12],"
                + " \"messagesToAgentsPerSecond\": [30, 20],"
                + " \"messagesFromAgentsPerSecond\": [40, 5], \"drops\": [0, 2],"
                + " \"states\": {\"online\": [10, 11], \"booting\": [0, 1]}}");
  }
}
