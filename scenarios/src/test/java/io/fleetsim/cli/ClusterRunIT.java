package io.fleetsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsim.testing.Await;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs spread over real worker processes on loopback: {@code run --local-workers 3} with WebSocket
 * agents against each worker's embedded Controller; a worker killed with SIGKILL mid-run; and a
 * coordinator killed mid-run, after which its workers wait for, and take, the next run.
 */
class ClusterRunIT {
  private static final Pattern PID = Pattern.compile("\"pid\": (\\d+)");

  @TempDir Path dir;

  private Path scenario(String name, String duration, int agents) throws Exception {
    return scenario(name, duration, agents, "");
  }

  private Path scenario(String name, String duration, int agents, String extra) throws Exception {
    Path file = dir.resolve(name + ".conf");
    Files.writeString(
        file,
        """
        scenario {
          name = %s
          duration = %s
          seed = 5
          target { controller = embedded, mtp = websocket }
          fleet { agents = %d, provisioned = true }
          phases = [ { ramp = %d, over = 2s } ]
          behaviour { workload { rate = 30 } }
          assertions = [ { connected-at-least = 50 }, { max-drops = 0 } ]
          %s
        }
        """
            .formatted(name, duration, agents, agents, extra));
    return file;
  }

  @Test
  void threeLocalWorkers_runTheFleet_andTheReportNamesEach() throws Exception {
    Path out = dir.resolve("out");
    Process run =
        FleetsimProcess.start(
            "run",
            scenario("three", "8s", 600).toString(),
            "--local-workers",
            "3",
            "--output",
            out.toString());
    String output = FleetsimProcess.readAll(run, (line, p) -> {});
    assertThat(run.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(run.exitValue()).as(output).isZero();
    String summary = Files.readString(out.resolve("summary.json"));
    Set<Long> pids = new HashSet<>();
    Matcher m = PID.matcher(summary);
    while (m.find()) {
      pids.add(Long.parseLong(m.group(1)));
    }
    assertThat(pids).hasSize(3).doesNotContain(run.pid());
    assertThat(summary)
        .contains("\"connectedAtEnd\": 600")
        .contains("\"name\": \"local-1\"")
        .contains("\"name\": \"local-3\"")
        .contains("\"lost\": false")
        .doesNotContain("\"lost\": true")
        .containsPattern("\"Notify Boot!\": \\{\"count\": 600,");
    assertThat(Files.readString(out.resolve("report.txt"))).contains("workers:");
    assertThat(out.resolve("workers/local-2.log")).exists();
  }

  @Test
  void aWorkerKilledMidRun_isNamedLost_andItsAgentsCountAsDisconnected() throws Exception {
    Path out = dir.resolve("killed");
    String output = killWorkerTwo(scenario("kill", "30s", 300), out);
    assertThat(output).contains("worker local-2 lost at t=");
    String summary = Files.readString(out.resolve("summary.json"));
    assertThat(summary)
        .containsPattern(
            "\"name\": \"local-2\".*\"firstAgent\": 100, \"agents\": 100,"
                + " \"connected\": 0,.*\"lost\": true, \"lostAtSeconds\": ")
        .contains("\"connectedAtEnd\": 200")
        .contains("\"interrupted\": false");
  }

  @Test
  void underOnWorkerLossFail_aKilledWorkerEndsTheRunWithExit1() throws Exception {
    Path out = dir.resolve("fail");
    Path file = scenario("fail", "60s", 300, "cluster { on-worker-loss = fail }");
    Process run =
        FleetsimProcess.start(
            "run", file.toString(), "--local-workers", "3", "--output", out.toString());
    String output = killWorkerTwoOf(run);
    assertThat(run.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(run.exitValue()).as(output).isEqualTo(1);
    assertThat(output)
        .contains("the run stops early: cluster.on-worker-loss = fail and worker local-2")
        .contains("FAIL cluster.on-worker-loss = fail: lost local-2 (agents 100-199) at t=");
    assertThat(Files.readString(out.resolve("summary.json"))).contains("\"lost\": true");
  }

  /** Runs {@code file} over 3 local workers, kills worker 2 at t = 5 s; returns the output. */
  private String killWorkerTwo(Path file, Path out) throws Exception {
    Process run =
        FleetsimProcess.start(
            "run", file.toString(), "--local-workers", "3", "--output", out.toString());
    String output = killWorkerTwoOf(run);
    assertThat(run.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(run.exitValue()).as(output).isZero(); // connected-at-least 50 % holds
    return output;
  }

  private static String killWorkerTwoOf(Process run) throws Exception {
    Pattern worker = Pattern.compile("worker local-2 \\(127.0.0.1, pid (\\d+)\\)");
    long[] victim = {-1};
    return FleetsimProcess.readAll(
        run,
        (line, p) -> {
          Matcher w = worker.matcher(line);
          if (w.find()) {
            victim[0] = Long.parseLong(w.group(1));
          }
          if (line.startsWith("t=  5.") && victim[0] > 0) {
            ProcessHandle.of(victim[0]).ifPresent(ProcessHandle::destroyForcibly);
          }
        });
  }

  @Test
  void workersOfAKilledCoordinator_waitForTheNextRun_andTakeIt() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    String join = "127.0.0.1:" + port;
    Process a = FleetsimProcess.start("worker", "--join", join, "--name", "a");
    Process b = FleetsimProcess.start("worker", "--join", join, "--name", "b");
    StringBuffer aOut = FleetsimProcess.collect(a);
    try {
      Process first =
          FleetsimProcess.start(
              "run",
              scenario("first", "60s", 200).toString(),
              "--cluster-bind",
              join,
              "--workers",
              "2",
              "--output",
              dir.resolve("first").toString());
      FleetsimProcess.readAll(
          first,
          (line, p) -> {
            if (line.startsWith("t=  3.")) {
              p.toHandle().destroyForcibly();
            }
          });
      first.waitFor(30, TimeUnit.SECONDS);
      Await.until(() -> aOut.toString().contains("joining again"), Duration.ofSeconds(60));
      assertThat(aOut.toString()).contains("stopped"); // its agents of the first run

      Process second =
          FleetsimProcess.start(
              "run",
              scenario("second", "5s", 200).toString(),
              "--cluster-bind",
              join,
              "--workers",
              "2",
              "--workers-timeout",
              "PT90S",
              "--output",
              dir.resolve("second").toString());
      String output = FleetsimProcess.readAll(second, (line, p) -> {});
      assertThat(second.waitFor(120, TimeUnit.SECONDS)).isTrue();
      assertThat(second.exitValue()).as(output + "\nworker a:\n" + aOut).isZero();
      assertThat(Files.readString(dir.resolve("second/summary.json")))
          .contains("\"connectedAtEnd\": 200")
          .contains("\"name\": \"a\"")
          .contains("\"name\": \"b\"");
    } finally {
      a.toHandle().destroy();
      b.toHandle().destroy();
      a.waitFor(20, TimeUnit.SECONDS);
      b.waitFor(20, TimeUnit.SECONDS);
    }
  }
}
