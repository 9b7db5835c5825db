package io.fleetsim.dashboard;

import io.fleetsim.metrics.FleetMetrics;
import io.fleetsim.metrics.Latencies;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Map;
import java.util.function.LongSupplier;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * The fleet's metrics for Prometheus, through the Prometheus Java client: every value is read by a
 * callback at scrape time from the counters the run keeps anyway, so exporting adds nothing to the
 * agents' hot path. Latencies are the run's HdrHistograms folded into classic buckets when scraped.
 */
public final class PrometheusMetrics {
  /** Bucket bounds in seconds: loopback round trips sit in the first few, firmware in the last. */
  static final double[] BUCKETS = {
    0.0005,
    0.001,
    0.0025,
    0.005,
    0.01,
    0.025,
    0.05,
    0.1,
    0.25,
    0.5,
    1,
    2.5,
    5,
    10,
    30,
    60,
    300,
    Double.POSITIVE_INFINITY
  };

  private final PrometheusRegistry registry = new PrometheusRegistry();

  /**
   * @param controller the embedded Controller's latencies, or null when the target is external
   * @param spawned agents started so far
   */
  public PrometheusMetrics(FleetMetrics fleet, Latencies controller, LongSupplier spawned) {
    fleet(fleet, spawned);
    registry.register(new LatencyCollector(fleet.latencies(), controller));
  }

  /**
   * The metrics of {@code fleetsim controller}: {@code fleetsim_controller_*} and its latencies
   * (source {@code controller}).
   */
  public PrometheusMetrics(ControllerCounters c) {
    GaugeWithCallback.builder()
        .name("fleetsim_controller_connected_agents")
        .help("Agents with a session to the Controller now")
        .callback(cb -> cb.call(c.connectedAgents().getAsLong()))
        .register(registry);
    counter("fleetsim_controller_connects", "Connect Records received", c.connectRecords());
    counter("fleetsim_controller_provisioned", "Agents provisioned", c.provisioned());
    counter("fleetsim_controller_boots", "Boot! events received", c.boots());
    counter("fleetsim_controller_notifications", "Notify requests received", c.notifications());
    counters(
        "fleetsim_controller_drops",
        "Records the Controller dropped, by reason",
        "reason",
        c.drops());
    registry.register(new LatencyCollector(null, c.latencies()));
  }

  private void counter(String name, String help, LongSupplier value) {
    CounterWithCallback.builder()
        .name(name)
        .help(help)
        .callback(cb -> cb.call(value.getAsLong()))
        .register(registry);
  }

  private void fleet(FleetMetrics fleet, LongSupplier spawned) {
    GaugeWithCallback.builder()
        .name("fleetsim_agents_spawned")
        .help("Simulated agents started so far")
        .callback(cb -> cb.call(spawned.getAsLong()))
        .register(registry);
    GaugeWithCallback.builder()
        .name("fleetsim_agents_connected")
        .help("Agents with an open MTP connection to the Controller")
        .callback(cb -> cb.call(fleet.connectedNow()))
        .register(registry);
    GaugeWithCallback.builder()
        .name("fleetsim_agents")
        .help("Agents per lifecycle state")
        .labelNames("state")
        .callback(cb -> fleet.states().forEach((state, n) -> cb.call(n, state.label())))
        .register(registry);
    counter(
        "fleetsim_agent_connects",
        "MTP connections established, reconnects included",
        fleet::connects);
    CounterWithCallback.builder()
        .name("fleetsim_usp_messages")
        .help("USP messages by MsgType, as the agents sent and received them")
        .labelNames("type", "direction")
        .callback(
            cb -> {
              fleet.stats().messagesToAgents().forEach((t, n) -> cb.call(n, t, "to_agent"));
              fleet.stats().messagesFromAgents().forEach((t, n) -> cb.call(n, t, "from_agent"));
            })
        .register(registry);
    counters(
        "fleetsim_drops",
        "Records and messages dropped, by reason",
        "reason",
        () -> fleet.stats().drops());
    counters(
        "fleetsim_notifications",
        "Notify requests sent by the agents, by notification type",
        "type",
        () -> fleet.stats().notifications());
    counters(
        "fleetsim_requests_handled",
        "Controller requests the agents answered, by MsgType",
        "type",
        () -> fleet.stats().handled());
    counters(
        "fleetsim_wrong_state_messages",
        "Messages an agent received in a state that cannot take them",
        "reason",
        () -> fleet.stats().unexpected());
    GaugeWithCallback.builder()
        .name("fleetsim_firmware_agents")
        .help("Agents running each firmware version")
        .labelNames("version")
        .callback(cb -> fleet.stats().firmwareVersions().forEach((v, n) -> cb.call(n, v)))
        .register(registry);
  }

  private void counters(
      String name, String help, String label, java.util.function.Supplier<Map<String, Long>> m) {
    CounterWithCallback.builder()
        .name(name)
        .help(help)
        .labelNames(label)
        .callback(cb -> m.get().forEach((k, n) -> cb.call(n, k)))
        .register(registry);
  }

  public PrometheusRegistry registry() {
    return registry;
  }

  /** The text exposition format (version 0.0.4) of one scrape. */
  public byte[] scrape() {
    ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
    try {
      PrometheusTextFormatWriter.create().write(out, registry.scrape());
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a byte array does not fail
    }
    return out.toByteArray();
  }

  /** The content type of {@link #scrape()}. */
  public static String contentType() {
    return PrometheusTextFormatWriter.CONTENT_TYPE;
  }

  /**
   * {@code fleetsim_latency_seconds{source, metric}}: each named latency of the agents (source
   * {@code agents}) and of the embedded Controller ({@code controller}) as a classic histogram.
   * Reads {@link Latencies#settled}, so a scrape never takes values from the run's interval log.
   */
  private static final class LatencyCollector implements MultiCollector {
    private final Latencies agents;
    private final Latencies controller;

    LatencyCollector(Latencies agents, Latencies controller) {
      this.agents = agents;
      this.controller = controller;
    }

    @Override
    public MetricSnapshots collect() {
      HistogramSnapshot.Builder family =
          HistogramSnapshot.builder()
              .name("fleetsim_latency_seconds")
              .help(
                  "Latencies by metric: connect, Notify round trips, request handling, and the"
                      + " embedded Controller's requests and firmware steps");
      if (agents != null) {
        add(family, agents, "agents");
      }
      if (controller != null) {
        add(family, controller, "controller");
      }
      return MetricSnapshots.of(family.build());
    }

    private static void add(HistogramSnapshot.Builder family, Latencies l, String source) {
      for (String name : l.names()) {
        Histogram h = l.settled(name);
        long[] counts = new long[BUCKETS.length];
        double sumSeconds = 0;
        for (HistogramIterationValue v : h.recordedValues()) {
          double seconds = v.getValueIteratedTo() / 1e6;
          int i = Arrays.binarySearch(BUCKETS, seconds);
          counts[i >= 0 ? i : -i - 1] += v.getCountAtValueIteratedTo();
          sumSeconds += seconds * v.getCountAtValueIteratedTo();
        }
        family.dataPoint(
            HistogramSnapshot.HistogramDataPointSnapshot.builder()
                .labels(Labels.of("source", source, "metric", name))
                .classicHistogramBuckets(ClassicHistogramBuckets.of(BUCKETS, counts))
                .sum(sumSeconds)
                .build());
      }
    }
  }
}
