package io.fleetsim.scenario;

import io.fleetsim.metrics.FleetMetrics;
import io.fleetsim.metrics.Latencies;
import io.fleetsim.report.LatencySeries;
import java.io.FileNotFoundException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * The run's one per-second swap: each second it drains one interval of every latency (the agents'
 * and the embedded Controller's) into the {@code .hlog} and the live dashboard's series (a drained
 * interval also moves into the totals a Prometheus scrape reads), samples the firmware versions and
 * the time series of the report, and gives the progress line. Called from the run's thread only.
 */
final class IntervalSwap implements AutoCloseable {
  private final PrintStream file;
  private final HistogramLogWriter hlog;
  private final LatencySeries live;
  private final FleetMetrics metrics;
  private final Latencies controller;
  private final Progress progress;
  private final FirmwareSeries firmware = new FirmwareSeries();
  private final TimeSeries series = new TimeSeries();
  private long lastInterval;

  /**
   * Opens {@code hlogPath} and writes its header; intervals count from now.
   *
   * @param live the dashboard's latency series, or null without a dashboard
   * @param fleet the run whose latencies (the agents' and the embedded Controller's) are logged
   */
  IntervalSwap(Path hlogPath, String comment, LatencySeries live, RunSource fleet)
      throws FileNotFoundException {
    this.file = new PrintStream(hlogPath.toFile());
    this.hlog = new HistogramLogWriter(file);
    this.live = live;
    this.metrics = fleet.metrics();
    this.controller = fleet.controllerLatencies();
    this.progress = new Progress(fleet);
    lastInterval = System.currentTimeMillis();
    hlog.outputComment(comment);
    hlog.outputLogFormatVersion();
    hlog.outputStartTime(lastInterval);
    hlog.setBaseTime(lastInterval);
    hlog.outputLegend();
  }

  /** One second's swap, {@code at} seconds into the run; returns the progress line. */
  String second(double at) {
    swap(at);
    file.flush(); // a run killed now keeps its latencies up to this second
    firmware.observe(at, metrics.stats().firmwareVersions());
    series.sample(
        at,
        metrics.connectedNow(),
        statesByName(metrics),
        metrics.stats().messagesToAgents(),
        metrics.stats().messagesFromAgents(),
        Progress.sum(metrics.stats().drops()));
    return progress.line(at);
  }

  /** The firmware versions at the end, sampled before the agents stop. */
  void lastFirmware(double at) {
    firmware.observe(at, metrics.stats().firmwareVersions());
  }

  /** The last interval, then every latency's total over the run, by report name. */
  Map<String, Histogram> last(double at) {
    swap(at);
    Map<String, Histogram> latencies = new TreeMap<>();
    RunReport.collect(metrics.latencies(), "", latencies);
    if (controller != null) {
      RunReport.collect(controller, "controller ", latencies);
    }
    file.flush();
    return latencies;
  }

  FirmwareSeries firmware() {
    return firmware;
  }

  TimeSeries series() {
    return series;
  }

  LatencySeries live() {
    return live;
  }

  private void swap(double at) {
    long now = System.currentTimeMillis();
    write(at, metrics.latencies(), "", now);
    if (controller != null) {
      write(at, controller, "controller ", now);
    }
    lastInterval = now;
  }

  /** Drains one interval of every latency of {@code l} into the log and the live series. */
  private void write(double at, Latencies l, String prefix, long now) {
    l.intervals()
        .forEach(
            (name, h) -> {
              h.setStartTimeStamp(lastInterval);
              h.setEndTimeStamp(now);
              h.setTag((prefix + name).replace(' ', '_').replace(',', '_'));
              hlog.outputIntervalHistogram(h);
              if (live != null) {
                live.add(h.getTag(), at, h);
              }
            });
  }

  /** Agents per state, by the state's report name. */
  static Map<String, Long> statesByName(FleetMetrics metrics) {
    Map<String, Long> out = new LinkedHashMap<>();
    metrics.states().forEach((st, n) -> out.put(st.label(), n));
    return out;
  }

  @Override
  public void close() {
    file.close();
  }
}
