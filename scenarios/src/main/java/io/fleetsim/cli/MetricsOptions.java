package io.fleetsim.cli;

import io.fleetsim.controller.ReferenceController;
import io.fleetsim.dashboard.ControllerCounters;
import io.fleetsim.dashboard.DashboardServer;
import io.fleetsim.dashboard.PrometheusMetrics;
import io.fleetsim.metrics.FleetMetrics;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.util.function.LongSupplier;
import picocli.CommandLine.Option;

/**
 * Prometheus {@code /metrics} for the long-running {@code fleetsim agents} and {@code fleetsim
 * controller}, as {@code fleetsim run --dashboard-port} serves it: labs run them for hours beside a
 * real controller or a real fleet, and scrape them with the rest of the lab.
 */
final class MetricsOptions {
  @Option(
      names = "--metrics-port",
      paramLabel = "PORT",
      description =
          "Serve Prometheus /metrics on this port while running (0: any free port), on"
              + " --metrics-bind.")
  Integer port;

  @Option(
      names = "--metrics-bind",
      paramLabel = "HOST",
      defaultValue = "127.0.0.1",
      description = "Address /metrics listens on (default: ${DEFAULT-VALUE}; it has no login).")
  String bind;

  /** The agents' metrics endpoint, or null when not asked for. */
  DashboardServer agents(FleetMetrics metrics, LongSupplier spawned, PrintWriter out) {
    return port == null ? null : serve(new PrometheusMetrics(metrics, null, spawned), out);
  }

  /** The Controller's metrics endpoint, or null when not asked for. */
  DashboardServer controller(ReferenceController c, PrintWriter out) {
    if (port == null) {
      return null;
    }
    return serve(
        new PrometheusMetrics(
            new ControllerCounters(
                () -> c.connectedAgents().size(),
                c::connectRecords,
                c::provisioned,
                c::boots,
                c::notifications,
                c::drops,
                c.latencies())),
        out);
  }

  /** Fails on a port out of range, before anything else starts. */
  void check() {
    if (port != null && (port < 0 || port > 65_535)) {
      throw new IllegalArgumentException("--metrics-port must be 0..65535, not " + port);
    }
  }

  private DashboardServer serve(PrometheusMetrics m, PrintWriter out) {
    DashboardServer d = DashboardServer.start(new InetSocketAddress(bind, port), "fleetsim", m);
    out.printf("Prometheus: %smetrics%n", d.url());
    out.flush();
    return d;
  }
}
