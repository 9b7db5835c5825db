package io.fleetsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsim.testing.Await;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Chaos with real processes: a {@code fleetsim controller} process is killed with SIGKILL under a
 * running fleet of pre-provisioned agents and started again on the same port 8 s later. While it is
 * down, 20 agents power-cycle: each owes a Boot! (its subscription has NotifRetry, R-NOT.1-4) that
 * has no session to go to. The restarted Controller must receive exactly those 20 Boot! (none lost,
 * and none from the 80 that only reconnected), and every agent must be back within the TR-369
 * session retry bound (R-WS.19-21 with SessionRetryMinimumWaitInterval 1 s, multiplier 2: a wait of
 * at most 2^n s after the n-th failed attempt, so at most 16 s after the restart here).
 */
class ControllerKillIT {
  private static final Pattern T = Pattern.compile("t=\\s*([0-9.]+)s");

  @TempDir Path dir;

  @Test
  void aKilledControllerRestarted_getsEveryAgentBack_andTheBootsRaisedMeanwhile() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    Process first = controller(port);
    StringBuffer firstOut = FleetsimProcess.collect(first);
    Await.until(() -> firstOut.toString().contains("listening on"), Duration.ofSeconds(30));
    Files.writeString(dir.resolve("reboots.csv"), "9,0-19,reboot\n"); // at t = 10 s
    Path scenario = dir.resolve("chaos.conf");
    Files.writeString(
        scenario,
        """
        scenario {
          duration = 36s
          target.controller = "ws://127.0.0.1:%d/usp"
          fleet {
            agents = 100
            provisioned = true
            profile {
              agent.reboot-time = 1s
              objects."Device.LocalAgent.Controller.{i}.MTP.{i}.WebSocket.".params {
                SessionRetryMinimumWaitInterval.default = "1"
              }
            }
          }
          phases = [ { at-once = 100 } ]
          incidents = [ { at = 1s, replay = "reboots.csv" } ]
        }
        """
            .formatted(port));
    Path output = dir.resolve("out");
    StringWriter runOut = new StringWriter();
    CompletableFuture<Integer> run =
        FleetsimProcess.inProcess(
            runOut, "run", scenario.toString(), "--output", output.toString());
    Process second = null;
    try {
      Await.until(() -> runOut.toString().contains("connected 100"), Duration.ofSeconds(30));
      Await.until(() -> runTime(runOut) >= 5, Duration.ofSeconds(30)); // every Boot! answered
      first.destroyForcibly().waitFor(10, TimeUnit.SECONDS); // SIGKILL
      Await.until(() -> runTime(runOut) >= 13, Duration.ofSeconds(30)); // the reboots were at 10
      second = controller(port);
      StringBuffer secondOut = FleetsimProcess.collect(second);
      Await.until(() -> secondOut.toString().contains("listening on"), Duration.ofSeconds(30));
      double restartAt = runTime(runOut);
      assertThat(run.get(60, TimeUnit.SECONDS)).as(runOut.toString()).isZero();
      second.toHandle().destroy(); // SIGTERM (Process.destroy would close its output on us)
      assertThat(second.waitFor(20, TimeUnit.SECONDS)).isTrue();
      String status = lastStatus(secondOut.toString());
      assertThat(secondOut.toString()).contains("agents connected 100,");
      assertThat(status).as("exactly the Boot! raised during the outage").contains("Boot! 20,");
      assertThat(runOut.toString()).contains("observed outage at t=").contains("replay: reboot");
      String summary = Files.readString(output.resolve("summary.json"));
      Matcher back =
          Pattern.compile(
                  "\"back after the observed outage at ([0-9.]+) s\": \\{[^}]*\"100%\": ([0-9.]+)")
              .matcher(summary);
      assertThat(back.find()).as(summary).isTrue();
      double outageAt = Double.parseDouble(back.group(1));
      double allBackAfter = Double.parseDouble(back.group(2));
      System.out.printf(
          "controller killed at t=%.1f s, listening again at t=%.1f s, all 100 back %.1f s after"
              + " the kill; Boot! at the restarted controller: %s%n",
          outageAt, restartAt, allBackAfter, status);
      // after the restart, at most the longest wait an agent can be in (16 s), plus the 1 s
      // resolution of the run's clock as read here
      assertThat(allBackAfter).isLessThanOrEqualTo(restartAt - outageAt + 16 + 1);
    } finally {
      first.destroyForcibly();
      if (second != null) {
        second.destroyForcibly();
      }
    }
  }

  private static Process controller(int port) throws Exception {
    return FleetsimProcess.start(
        "controller", "--listen", "127.0.0.1:" + port, "--no-provisioning");
  }

  /** The run's clock in its last progress line. */
  private static double runTime(StringWriter out) {
    Matcher m = T.matcher(out.toString());
    double t = 0;
    while (m.find()) {
      t = Double.parseDouble(m.group(1));
    }
    return t;
  }

  private static String lastStatus(String out) {
    String last = "";
    for (String line : out.split("\n")) {
      if (line.startsWith("agents connected")) {
        last = line;
      }
    }
    return last;
  }
}
