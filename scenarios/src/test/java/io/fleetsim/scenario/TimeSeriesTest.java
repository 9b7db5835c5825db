package io.fleetsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TimeSeriesTest {
  @Test
  void columnsHoldOneValuePerSecond_messagesAsRatesInAllAndByType() {
    TimeSeries series = new TimeSeries();
    series.sample(1.0, 10, Map.of("online", 10L), Map.of("GET", 30L), Map.of("NOTIFY", 40L), 0);
    series.sample(
        2.0,
        12,
        Map.of("online", 11L, "booting", 1L),
        new java.util.TreeMap<>(Map.of("GET", 45L, "SET", 5L)),
        Map.of("NOTIFY", 45L),
        2);

    assertThat(series.rows()).isEqualTo(2);
    assertThat(series.json())
        .isEqualTo(
            "{\"seconds\": [1.0, 2.0], \"connected\": [10, 12],"
                + " \"messagesToAgentsPerSecond\": [30, 20],"
                + " \"messagesFromAgentsPerSecond\": [40, 5], \"drops\": [0, 2],"
                + " \"states\": {\"online\": [10, 11], \"booting\": [0, 1]},"
                + " \"toAgentsByType\": {\"GET\": [30, 15], \"SET\": [0, 5]},"
                + " \"fromAgentsByType\": {\"NOTIFY\": [40, 5]}}");
  }

  @Test
  void aStateGoneFromARowReadsZero_andSecondsHaveOneDecimalAsFormatted() {
    TimeSeries series = new TimeSeries();
    double[] at = {0.04, 0.05, 1.25, 9.96, 59.949, 3599.95};
    for (int i = 0; i < at.length; i++) {
      series.sample(at[i], 1, i == 2 ? Map.of() : Map.of("online", 1L), Map.of(), Map.of(), 0);
    }
    StringBuilder expected = new StringBuilder();
    for (double a : at) {
      expected.append(expected.length() == 0 ? "" : ", ");
      expected.append(String.format(java.util.Locale.ROOT, "%.1f", a));
    }
    assertThat(series.json())
        .startsWith("{\"seconds\": [" + expected + "]")
        .contains("\"states\": {\"online\": [1, 1, 0, 1, 1, 1]}");
  }
}
