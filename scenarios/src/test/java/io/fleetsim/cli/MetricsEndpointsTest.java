package io.fleetsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsim.testing.Await;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code fleetsim controller} and {@code fleetsim agents} serve Prometheus {@code /metrics} while
 * they run, with their own counters: the Controller's sessions, provisioning and Boot!, the agents'
 * states and connects.
 */
class MetricsEndpointsTest {
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void controllerAndAgents_serveTheirOwnMetrics() throws Exception {
    int controllerPort = freePort();
    int controllerMetrics = freePort();
    int agentsMetrics = freePort();
    CompletableFuture<Integer> controller =
        CompletableFuture.supplyAsync(
            () ->
                run(
                    "controller",
                    "--listen",
                    "127.0.0.1:" + controllerPort,
                    "--metrics-port",
                    Integer.toString(controllerMetrics),
                    "--duration",
                    "PT8S"));
    Await.until(() -> scrape(controllerMetrics) != null, Duration.ofSeconds(10));
    CompletableFuture<Integer> agents =
        CompletableFuture.supplyAsync(
            () ->
                run(
                    "agents",
                    "--count",
                    "5",
                    "--target",
                    "ws://127.0.0.1:" + controllerPort + "/usp",
                    "--metrics-port",
                    Integer.toString(agentsMetrics),
                    "--duration",
                    "PT5S"));
    Await.until(
        () ->
            String.valueOf(scrape(controllerMetrics))
                .contains("fleetsim_controller_provisioned_total 5.0"),
        Duration.ofSeconds(10));
    String c = scrape(controllerMetrics);
    assertThat(c)
        .contains("fleetsim_controller_connected_agents 5.0")
        .contains("fleetsim_controller_connects_total 5.0")
        .contains("fleetsim_latency_seconds_bucket{metric=\"Add\",source=\"controller\"");
    Await.until(
        () -> String.valueOf(scrape(agentsMetrics)).contains("fleetsim_agents_connected 5.0"),
        Duration.ofSeconds(10));
    assertThat(scrape(agentsMetrics))
        .contains("fleetsim_agents_spawned 5.0")
        .contains("fleetsim_agent_connects_total 5.0")
        .contains("fleetsim_requests_handled_total{type=\"ADD\"} 5.0");
    assertThat(agents.get()).isZero();
    assertThat(controller.get()).isZero();
  }

  @Test
  void aMetricsPortOutOfRange_isRefusedUpFront() {
    assertThat(run("controller", "--metrics-port", "70000", "--duration", "PT1S")).isEqualTo(2);
    assertThat(run("agents", "--target", "ws://127.0.0.1:9/usp", "--metrics-port", "-1"))
        .isEqualTo(2);
  }

  /** The body of {@code /metrics} on {@code port}, or null while nothing answers there. */
  private String scrape(int port) {
    try {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
              HttpResponse.BodyHandlers.ofString());
      return r.statusCode() == 200 ? r.body() : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private static int run(String... args) {
    CommandLine cli = Fleetsim.commandLine();
    cli.setOut(new PrintWriter(new StringWriter(), true));
    cli.setErr(new PrintWriter(new StringWriter(), true));
    return cli.execute(args);
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
