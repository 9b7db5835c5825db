package io.fleetsim.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigRenderOptions;
import io.fleetsim.fleet.ActorSystems;
import io.fleetsim.scenario.RunReport;
import io.fleetsim.scenario.Scenario;
import io.fleetsim.scenario.ScenarioLoader;
import io.fleetsim.scenario.ScenarioRunner;
import io.fleetsim.scenario.WorkerReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One scenario run by a coordinator over 1 and over 3 workers, all in this JVM (each node its own
 * ActorSystem on loopback, the agents on the in-memory MTP) with an outage at 4 s: the same fleet,
 * the same totals, the outage's curve back on the merged counts, and merged latencies that count
 * every worker's values.
 */
class ClusterRunTest {
  private static final String SCENARIO =
      """
      scenario {
        name = split
        duration = 10s
        seed = 11
        target { controller = embedded, mtp = memory }
        fleet {
          agents = 300
          provisioned = true
          mix = [ { profile = home-gateway, share = 70 }, { profile = iot-hub, share = 30 } ]
          profile.objects { "Device.LocalAgent.Controller.{i}.MTP.{i}.WebSocket." {
            params.SessionRetryMinimumWaitInterval.default = 1
          } }
        }
        phases = [ { ramp = 300, over = 2s } ]
        behaviour { workload { rate = 60, mix = [1, 0, 0] } }
        incidents = [ { at = 4s, outage = 1s } ]
        assertions = [ { connected-at-least = 100 } ]
      }
      """;

  @TempDir Path dir;

  @Test
  void oneOrThreeWorkers_runTheSameFleet_andTheMergedTotalsAddUp() throws Exception {
    RunReport one = run(1);
    RunReport three = run(3);
    for (RunReport r : List.of(one, three)) {
      assertThat(r.spawned()).isEqualTo(300);
      assertThat(r.connectedAtEnd()).isEqualTo(300);
      // every agent back after the outage each worker's Controller went through at 4 s
      assertThat(r.connects()).isEqualTo(600);
      assertThat(r.milestones())
          .filteredOn(m -> m.what().equals("back after the outage at 4 s"))
          .singleElement()
          .satisfies(m -> assertThat(m.reached()).containsKey("100%"));
      assertThat(r.statesAtEnd()).containsEntry("online", 300L);
      // every worker's values are in the merged histograms, none twice
      assertThat(r.latencies().get("connect").getTotalCount()).isEqualTo(600);
      assertThat(r.latencies().get("Notify Boot!").getTotalCount()).isEqualTo(300);
      // the embedded Controllers' latencies too (each worker has its own, with its share of the
      // workload)
      assertThat(r.latencies().keySet()).anyMatch(name -> name.startsWith("controller "));
      assertThat(r.drops()).isEmpty();
      assertThat(r.passed()).isTrue();
    }
    // every Boot! sent either way (the workload sends Gets only, which raise no Event), each
    // acknowledged once (the Notify Boot! count above). Not exact counts: a Boot! whose NotifyResp
    // the outage at 4 s swallowed goes again after the reconnect (NotifRetry; CI saw EVENT=301),
    // and the provisioned ValueChange subscription hears the values a device changes by itself
    // (a Wi-Fi channel hop), at wall-clock instants (CI saw VALUE_CHANGE=1).
    for (RunReport r : List.of(one, three)) {
      assertThat(r.notifications().get("EVENT")).isBetween(300L, 330L);
    }
    assertThat(three.json()).contains("\"workers\": [").contains("\"name\": \"w3\"");

    // the split: contiguous ranges that cover the fleet, each worker's agents all connected
    List<WorkerReport> workers = three.workers();
    assertThat(workers).extracting(WorkerReport::name).containsExactly("w1", "w2", "w3");
    int next = 0;
    for (WorkerReport w : workers) {
      assertThat(w.firstAgent()).isEqualTo(next);
      assertThat(w.agents()).isEqualTo(100);
      assertThat(w.connected()).isEqualTo(100);
      assertThat(w.messages()).isPositive();
      assertThat(w.lost()).isFalse();
      // each worker's own CPU over its part, and the run's cost is their sum
      assertThat(w.cost().cpuMillis()).isPositive();
      next += w.agents();
    }
    assertThat(one.workers()).singleElement().extracting(WorkerReport::agents).isEqualTo(300);
    assertThat(three.cost().cpuMillis())
        .isEqualTo(workers.stream().mapToLong(w -> w.cost().cpuMillis()).sum());
    assertThat(three.json()).contains("\"simulatorCost\": {\"cpuSeconds\": ");
  }

  @Test
  void aWorkerThatJoinsMidRun_getsNoAgentsOfIt_butTakesTheNextRun() throws Exception {
    Loaded late =
        load(
            "late",
            SCENARIO
                .replace("duration = 10s", "duration = 6s")
                .replace("incidents = [ { at = 4s, outage = 1s } ]", ""));
    Scenario s = late.scenario();
    String hocon = late.hocon();
    List<ActorSystem<?>> nodes = new java.util.concurrent.CopyOnWriteArrayList<>();
    try (Coordinator c = Coordinator.start(loopback())) {
      nodes.add(node(c, "early"));
      List<Coordinator.Joined> one = c.awaitWorkers(1, Duration.ofSeconds(60));
      StringWriter out = new StringWriter();
      ScenarioRunner runner =
          new ScenarioRunner(
              s.withOutput(dir.resolve("first")),
              new PrintWriter(out, true),
              null,
              scenario -> ClusterFleet.open(scenario, hocon, c, one, false));
      java.util.concurrent.CompletableFuture<RunReport> running = inBackground(runner);
      // the run is under way once it prints its first progress line; then the late one joins
      io.fleetsim.testing.Await.until(() -> out.toString().contains("t="), Duration.ofSeconds(60));
      nodes.add(node(c, "late"));
      RunReport first = running.get();
      assertThat(first.workers()).extracting(WorkerReport::name).containsExactly("early");
      assertThat(first.connectedAtEnd()).isEqualTo(300);

      List<Coordinator.Joined> two = c.awaitWorkers(2, Duration.ofSeconds(60));
      RunReport next = run(s.withOutput(dir.resolve("next")), hocon, c, two);
      assertThat(next.workers()).extracting(WorkerReport::name).containsExactly("early", "late");
      assertThat(next.connectedAtEnd()).isEqualTo(300);
    } finally {
      nodes.forEach(ActorSystems::terminate);
    }
  }

  /**
   * A rollout that every worker runs on its agents: one merged report and one curve; a replay that
   * names an agent by its fleet-wide index reaches that agent alone, on its worker.
   */
  @Test
  void aFirmwareRolloutOverTwoWorkers_isOneRolloutWithOneCurve() throws Exception {
    // agent 150 by its fleet-wide index: the second worker's 51st agent, and no one else
    Files.writeString(dir.resolve("one.csv"), "1,150,reboot\n");
    Loaded loaded =
        load(
            "rollout",
            """
        scenario {
          duration = 9s
          seed = 4
          fleet { agents = 200, provisioned = true, profile { agent.reboot-time = 300ms } }
          incidents = [
            { at = 1s, firmware-rollout = 50, image = "fsim-9.1.0.bin", size = 200kB,
              rate = 1MB, agents-per-second = 500 }
            { at = 6s, replay = "one.csv" }
          ]
        }
        """);
    Scenario s = loaded.scenario();
    String hocon = loaded.hocon();
    List<ActorSystem<?>> nodes = new ArrayList<>();
    try (Coordinator c = Coordinator.start(loopback())) {
      nodes.add(node(c, "a"));
      nodes.add(node(c, "b"));
      RunReport r = run(s, hocon, c, c.awaitWorkers(2, Duration.ofSeconds(60)));
      // half of each worker's 100 agents, reported as the one rollout of the scenario
      assertThat(r.rollouts())
          .singleElement()
          .satisfies(
              rollout -> {
                assertThat(rollout.agents()).isEqualTo(100);
                assertThat(rollout.upgraded()).isEqualTo(100);
              });
      // a Boot! from each agent, from each upgraded one, and from agent 150's power cycle
      assertThat(r.latencies().get("Notify Boot!").getTotalCount()).isEqualTo(200 + 100 + 1);
      assertThat(r.milestones())
          .filteredOn(m -> m.what().equals("on fsim-9.1.0.bin (rollout at 1 s)"))
          .singleElement()
          .satisfies(m -> assertThat(m.reached()).containsKeys("50%", "100%"));
    } finally {
      nodes.forEach(ActorSystems::terminate);
    }
  }

  /** The live dashboard's Prometheus endpoint on the coordinator shows the workers' sum. */
  @Test
  void prometheusOnTheCoordinator_showsTheMergedFleet() throws Exception {
    Loaded live = load("live", SCENARIO.replace("duration = 10s", "duration = 30s"));
    Scenario s = live.scenario();
    String hocon = live.hocon();
    List<ActorSystem<?>> nodes = new ArrayList<>();
    try (Coordinator c = Coordinator.start(loopback())) {
      nodes.add(node(c, "a"));
      nodes.add(node(c, "b"));
      List<Coordinator.Joined> two = c.awaitWorkers(2, Duration.ofSeconds(60));
      ScenarioRunner runner =
          new ScenarioRunner(
              s,
              new PrintWriter(new StringWriter()),
              new InetSocketAddress("127.0.0.1", 0),
              scenario -> ClusterFleet.open(scenario, hocon, c, two, false));
      java.util.concurrent.CompletableFuture<RunReport> run = inBackground(runner);
      io.fleetsim.testing.Await.until(() -> runner.dashboardUrl() != null, Duration.ofSeconds(60));
      String metrics = runner.dashboardUrl() + "metrics";
      io.fleetsim.testing.Await.until(
          () -> get(metrics).contains("fleetsim_agents_connected 300.0"), Duration.ofSeconds(60));
      // the workers' Notify round trips, merged, as the one histogram family of the run
      io.fleetsim.testing.Await.until(
          () ->
              get(metrics)
                  .matches(
                      "(?s).*fleetsim_latency_seconds_count\\{[^}]*Notify Boot![^}]*\\} 300(\\.0)?\n.*"),
          Duration.ofSeconds(30));
      assertThat(get(metrics)).contains("fleetsim_agents_spawned 300.0");
      runner.stop();
      assertThat(run.get().workers()).hasSize(2);
    } finally {
      nodes.forEach(ActorSystems::terminate);
    }
  }

  private static String get(String url) {
    try {
      return java.net.http.HttpClient.newHttpClient()
          .send(
              java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).build(),
              java.net.http.HttpResponse.BodyHandlers.ofString())
          .body();
    } catch (IOException | InterruptedException e) {
      return "";
    }
  }

  /** Runs {@code runner} on another thread, so the test can watch the run. */
  private static java.util.concurrent.CompletableFuture<RunReport> inBackground(
      ScenarioRunner runner) {
    return java.util.concurrent.CompletableFuture.supplyAsync(
        () -> {
          try {
            return runner.run();
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
  }

  private static ActorSystem<?> node(Coordinator c, String name) throws IOException {
    return WorkerNode.start(
        loopback(),
        c.address(),
        new WorkerProtocol.WorkerInfo(
            name, "127.0.0.1", ProcessHandle.current().pid(), Partitioner.UNLIMITED),
        new PrintWriter(Writer.nullWriter()));
  }

  private static RunReport run(
      Scenario s, String hocon, Coordinator c, List<Coordinator.Joined> joined) throws Exception {
    return new ScenarioRunner(
            s,
            new PrintWriter(new StringWriter()),
            null,
            scenario -> ClusterFleet.open(scenario, hocon, c, joined, false))
        .run();
  }

  private RunReport run(int n) throws Exception {
    Loaded split = load("split-" + n, SCENARIO);
    Scenario s = split.scenario();
    String hocon = split.hocon();
    List<ActorSystem<?>> nodes = new ArrayList<>();
    try (Coordinator c = Coordinator.start(loopback())) {
      for (int i = 1; i <= n; i++) {
        nodes.add(node(c, "w" + i));
      }
      return run(s, hocon, c, c.awaitWorkers(n, Duration.ofSeconds(60)));
    } finally {
      nodes.forEach(ActorSystems::terminate);
    }
  }

  /** A scenario as a run reads it, and as its coordinator sends it to the workers. */
  private record Loaded(Scenario scenario, String hocon) {}

  /** Writes {@code text} as {@code name}.conf and loads it, its output in a folder of that name. */
  private Loaded load(String name, String text) throws IOException {
    Path file = dir.resolve(name + ".conf");
    Files.writeString(file, text);
    return new Loaded(
        ScenarioLoader.load(file, Map.of()).withOutput(dir.resolve(name)),
        ScenarioLoader.resolve(file, Map.of()).root().render(ConfigRenderOptions.concise()));
  }

  private static InetSocketAddress loopback() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return new InetSocketAddress("127.0.0.1", s.getLocalPort());
    }
  }
}
