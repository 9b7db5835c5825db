package io.fleetsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live dashboard and the HTML report in real headless Chromium (Debian's, driven by
 * playwright-core from interop/page-check.js): during a small run over loopback WebSocket the page
 * loads without console errors and its connected count rises; at the end the report file opens from
 * disk, draws its charts and shows the verdict. Screenshots are kept in target/dashboard-it/.
 */
@Timeout(180)
class DashboardIT {
  private static final Path INTEROP = Path.of("..", "interop").toAbsolutePath().normalize();
  private static final Path ARTIFACTS = Path.of("target", "dashboard-it").toAbsolutePath();

  @TempDir Path dir;

  private static final String SCENARIO =
      """
      scenario {
        name = dashboard-it
        duration = 42s
        seed = 5
        target { controller = embedded, mtp = websocket }
        fleet {
          agents = 300
          mix = [ { profile = home-gateway, share = 80 }, { profile = iot-hub, share = 20 } ]
          profile {
            agent.reboot-time = 300ms
            objects { "Device.LocalAgent.Controller.{i}.MTP.{i}.WebSocket." {
              params.SessionRetryMinimumWaitInterval.default = 1
            } }
          }
        }
        phases = [ { ramp = 300, over = 20s } ]
        behaviour { workload { rate = 20 } }
        incidents = [
          { at = 22s, firmware-rollout = 50, image = "fsim-9.0.0.bin", size = 200000, rate = 1MB,
            agents-per-second = 100, in-flight = 100 }
          { at = 30s, outage = 2s }
        ]
        assertions = [ { connected-at-least = 90 } ]
      }
      """;

  @Test
  void liveDashboardFollowsTheRun_andTheReportOpensFromDisk() throws Exception {
    Files.createDirectories(ARTIFACTS);
    Path file = dir.resolve("dashboard-it.conf");
    Files.writeString(file, SCENARIO);
    Scenario s = ScenarioLoader.load(file, Map.of()).withOutput(dir.resolve("out"));
    StringWriter log = new StringWriter();
    ScenarioRunner runner =
        new ScenarioRunner(
            s, new PrintWriter(log, true), false, new InetSocketAddress("127.0.0.1", 0));
    CompletableFuture<RunReport> run =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return runner.run();
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    while (runner.dashboardUrl() == null) {
      assertThat(run).as(log.toString()).isNotDone();
      Thread.onSpinWait();
    }

    Config live =
        pageCheck(
            runner.dashboardUrl(),
            ARTIFACTS.resolve("dashboard.png"),
            "25",
            "--live",
            "--wait-end");

    assertThat(live.getStringList("errors")).isEmpty();
    List<Integer> connected = live.getIntList("connected");
    assertThat(connected).hasSizeGreaterThanOrEqualTo(2);
    assertThat(connected.get(connected.size() - 1)).isGreaterThan(connected.get(0));
    assertThat(live.getInt("charts")).isGreaterThanOrEqualTo(5);
    assertThat(live.getString("liveStatus")).startsWith("live");
    assertPng(ARTIFACTS.resolve("dashboard.png"));

    RunReport report = run.get(120, TimeUnit.SECONDS);
    // the open page turned into the final report when the run ended
    assertThat(live.getString("status")).startsWith(report.passed() ? "PASSED" : "FAILED");
    Path html = s.output().resolve("report.html");
    Config end = pageCheck(html.toUri().toString(), ARTIFACTS.resolve("report.png"), "20");

    assertThat(end.getStringList("errors")).isEmpty();
    assertThat(end.getStringList("titles"))
        .contains(
            "Connected agents and agents per state",
            "Reconnect curve after the outage at 30 s",
            "To the agents (Controller requests, Notify responses)",
            "From the agents (Notify, responses, errors)",
            "connect: percentiles per second",
            "controller Get: percentiles per second",
            "Percentile distribution over the run",
            "Drops over time",
            "Share of the fleet on each firmware version");
    assertThat(end.getStringList("headings"))
        .as(log.toString())
        .contains(
            "Scenario and fleet mix",
            "The simulator's own cost",
            "Phases and incidents",
            "Rollouts",
            "Assertions");
    // the simulator's CPU per agent, as summary.json has it
    assertThat(end.getString("cpuPerAgent")).matches("[0-9,]+");
    assertThat(end.getIntList("connected")).containsExactly((int) report.connectedAtEnd());
    assertThat(end.getString("status")).startsWith(report.passed() ? "PASSED" : "FAILED");
    assertPng(ARTIFACTS.resolve("report.png"));
  }

  /** Runs interop/page-check.js on {@code url}; its one JSON line of what the page showed. */
  private static Config pageCheck(String url, Path screenshot, String seconds, String... flags)
      throws Exception {
    List<String> command =
        new java.util.ArrayList<>(
            List.of("node", "page-check.js", url, screenshot.toString(), "--seconds", seconds));
    command.addAll(List.of(flags));
    Process p =
        new ProcessBuilder(command)
            .directory(INTEROP.toFile())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(150, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("page-check.js: " + stdout).isZero();
    return ConfigFactory.parseString(stdout.trim());
  }

  private static void assertPng(Path file) throws Exception {
    byte[] bytes = Files.readAllBytes(file);
    assertThat(bytes.length).isGreaterThan(20_000); // a page of charts, not a blank one
    assertThat(new String(bytes, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
  }
}
