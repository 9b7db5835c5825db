package io.fleetsim.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import io.fleetsim.metrics.AgentState;
import io.fleetsim.metrics.FleetMetrics;
import io.fleetsim.metrics.Latencies;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@org.junit.jupiter.api.Timeout(30)
class DashboardServerTest {
  private final HttpClient http = HttpClient.newHttpClient();
  private DashboardServer server;
  private final FleetMetrics fleet = new FleetMetrics();
  private final Latencies controller = new Latencies();

  @BeforeEach
  void start() {
    server =
        DashboardServer.start(
            new InetSocketAddress("127.0.0.1", 0),
            "test run",
            new PrometheusMetrics(fleet, controller, () -> 3));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(server.url() + path.substring(1))).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** A fleet that has done one of everything the exporter reports. */
  private void activity() {
    fleet.moved(AgentState.OFFLINE, AgentState.CONNECTING);
    fleet.moved(AgentState.CONNECTING, AgentState.ONLINE);
    fleet.connected(2_000_000);
    fleet.stats().message("NOTIFY", false);
    fleet.stats().message("GET", true);
    fleet.stats().dropped("undecodable record", "test");
    fleet.stats().handled("GET", 300_000);
    fleet.stats().notified("Boot!", false);
    fleet.stats().unexpected("rebooting: inbound");
    fleet.stats().acknowledged("Boot!", 4_000_000);
    fleet.stats().firmware("1.0", "2.0");
    controller.record("Get", 7_000_000);
    // the run's interval log drains every second; the exporter reads what it has settled
    fleet.latencies().names().forEach(fleet.latencies()::interval);
    controller.names().forEach(controller::interval);
  }

  @Test
  void servesThePrometheusTextFormatFromTheRunsCounters() throws Exception {
    activity();

    HttpResponse<String> r = get("/metrics");

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("content-type")).hasValue(PrometheusMetrics.contentType());
    assertThat(r.body())
        .contains("fleetsim_agents_connected 1.0")
        .contains("fleetsim_agents_spawned 3.0")
        .contains("fleetsim_agents{state=\"online\"} 1.0")
        .contains("fleetsim_usp_messages_total{direction=\"to_agent\",type=\"GET\"} 1.0")
        .contains("fleetsim_drops_total{reason=\"undecodable record\"} 1.0")
        .contains("fleetsim_firmware_agents{version=\"2.0\"} 1.0")
        // 4 ms lands in the 5 ms bucket and all above it; 7 ms is the controller's
        .contains(
            "fleetsim_latency_seconds_bucket{metric=\"Notify Boot!\",source=\"agents\",le=\"0.0025\"} 0")
        .contains(
            "fleetsim_latency_seconds_bucket{metric=\"Notify Boot!\",source=\"agents\",le=\"0.005\"} 1")
        .contains("fleetsim_latency_seconds_count{metric=\"Get\",source=\"controller\"} 1");
  }

  @Test
  void aScrapeLeavesTheValuesToTheIntervalLog() throws Exception {
    fleet.stats().acknowledged("Boot!", 4_000_000);

    assertThat(get("/metrics").body()) // not settled yet
        .contains("fleetsim_latency_seconds_count{metric=\"Notify Boot!\",source=\"agents\"} 0");
    assertThat(fleet.latencies().interval("Notify Boot!").getTotalCount()).isEqualTo(1);
    assertThat(get("/metrics").body())
        .contains("fleetsim_latency_seconds_count{metric=\"Notify Boot!\",source=\"agents\"} 1");
  }

  @Test
  void everyGrafanaQueryUsesAMetricTheEndpointExports() throws Exception {
    activity();
    Set<String> exported = new TreeSet<>();
    Matcher sample = Pattern.compile("(?m)^(fleetsim_\\w+)[{ ]").matcher(get("/metrics").body());
    while (sample.find()) {
      exported.add(sample.group(1));
    }
    Path file = Path.of("grafana", "fleetsim.json");
    List<String> exprs = new ArrayList<>();
    Config dashboard = ConfigFactory.parseFile(file.toFile());
    for (ConfigValue panel : dashboard.getList("panels")) {
      Config p = ((com.typesafe.config.ConfigObject) panel).toConfig();
      assertThat(p.getList("targets")).as(p.getString("title")).isNotEmpty();
      for (ConfigValue t : p.getList("targets")) {
        assertThat(t.valueType()).isEqualTo(ConfigValueType.OBJECT);
        exprs.add(((com.typesafe.config.ConfigObject) t).toConfig().getString("expr"));
      }
    }

    assertThat(exprs).hasSizeGreaterThan(10);
    Pattern metric = Pattern.compile("\\bfleetsim_\\w+");
    for (String expr : exprs) {
      Matcher m = metric.matcher(expr);
      assertThat(m.find()).as("a fleetsim metric in " + expr).isTrue();
      do {
        assertThat(exported).as("exported metrics, for " + expr).contains(m.group());
      } while (m.find());
    }
    // and the dashboard shows every metric family the endpoint has
    for (String name : exported) {
      String family = name.replaceAll("_(bucket|count|sum)$", "");
      assertThat(String.join("\n", exprs)).as("a panel for " + family).contains(family);
    }
  }

  @Test
  void streamsEachPublishedSnapshotAsAServerSentEvent_andEndsTheStreamCleanlyOnClose()
      throws Exception {
    server.publish("{\"n\": 1,\n \"x\": 2}");
    HttpResponse<java.io.InputStream> r =
        http.send(
            HttpRequest.newBuilder(URI.create(server.url() + "events")).build(),
            HttpResponse.BodyHandlers.ofInputStream());
    assertThat(r.headers().firstValue("content-type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("text/event-stream"));
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
      assertThat(in.readLine()).isEqualTo("data: {\"n\": 1,  \"x\": 2}"); // the latest, at once
      assertThat(in.readLine()).isEmpty();
      while (server.viewers() == 0) {
        Thread.onSpinWait(); // registered right after the first event is written
      }
      server.publish("{\"n\": 2}");
      assertThat(in.readLine()).isEqualTo("data: {\"n\": 2}");
      assertThat(in.readLine()).isEmpty();

      server.close();

      // the stream ends with HTTP's last chunk: a clean end of input, not a broken transfer
      assertThat(in.readLine()).isNull();
    }
  }

  @Test
  void servesThePageAndTheLatestSnapshot_andNothingElse() throws Exception {
    server.publish("{\"n\": 3}");

    HttpResponse<String> page = get("/");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("<title>test run</title>").contains("EventSource");
    assertThat(get("/snapshot.json").body()).isEqualTo("{\"n\": 3}");
    assertThat(get("/nothing").statusCode()).isEqualTo(404);
    HttpResponse<String> post =
        http.send(
            HttpRequest.newBuilder(URI.create(server.url() + "metrics"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(post.statusCode()).isEqualTo(405);
  }
}
