package io.fleetsim.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsim.metrics.Latencies;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LatencySeriesTest {
  private static Histogram micros(long... values) {
    Histogram h = new Histogram(1, Latencies.HIGHEST_MICROS, 3);
    for (long v : values) {
      h.recordValue(v);
    }
    return h;
  }

  @Test
  void keepsPercentilesPerIntervalAndTheRunsDistribution() {
    LatencySeries s = new LatencySeries();
    // values below 2048 µs are exact in a 3-digit histogram
    s.add("Notify_Boot!", 1.0, micros(100, 200, 300, 400));
    s.add("Notify_Boot!", 2.0, micros()); // an empty interval adds no point
    s.add("Notify_Boot!", 3.0, micros(1_000));

    assertThat(s.names()).containsExactly("Notify Boot!");
    String json = s.json();
    assertThat(json).startsWith("{\"Notify Boot!\": {\"t\": [1.0,3.0], \"count\": [4,1]");
    assertThat(json).contains("\"p50\": [0.200,1.000]").contains("\"max\": [0.400,1.000]");
    // the run's distribution holds both intervals: its median is 0.3 ms, its max 1 ms
    assertThat(json)
        .contains(
            "\"ms\": [0.100,0.100,0.200,0.300,0.400,1.000,1.000,1.000,1.000,1.000,1.000,1.000,"
                + "1.000,1.000]");
  }

  @Test
  void readsBackTheIntervalLogARunWrites(@TempDir Path dir) throws Exception {
    Path hlog = dir.resolve("latencies.hlog");
    long start = 1_795_000_000_000L;
    try (PrintStream file = new PrintStream(hlog.toFile())) {
      HistogramLogWriter w = new HistogramLogWriter(file);
      w.outputLogFormatVersion();
      w.outputStartTime(start);
      w.setBaseTime(start);
      w.outputLegend();
      for (int second = 0; second < 3; second++) {
        Histogram h = micros(500L * (second + 1));
        h.setStartTimeStamp(start + second * 1000L);
        h.setEndTimeStamp(start + (second + 1) * 1000L);
        h.setTag("connect");
        w.outputIntervalHistogram(h);
      }
    }

    LatencySeries s = LatencySeries.read(hlog);

    assertThat(s.names()).containsExactly("connect");
    assertThat(s.json())
        .startsWith("{\"connect\": {\"t\": [1.0,2.0,3.0], \"count\": [1,1,1]")
        .contains("\"p50\": [0.500,1.000,1.500]");
    assertThat(Files.size(hlog)).isPositive();
  }
}
