package io.fleetsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsim.cluster.Coordinator;
import io.fleetsim.testing.Await;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code fleetsim worker} as a user starts it: it joins a coordinator, then stops on SIGTERM. */
class WorkerCommandTest {
  @Test
  void aWorkerProcess_joinsTheCoordinator_underItsName_andStopsOnSigterm() throws Exception {
    InetSocketAddress seed;
    try (ServerSocket s = new ServerSocket(0)) {
      seed = new InetSocketAddress("127.0.0.1", s.getLocalPort());
    }
    try (Coordinator c = Coordinator.start(seed)) {
      Process worker =
          FleetsimProcess.start(
              "worker",
              "--join",
              "127.0.0.1:" + seed.getPort(),
              "--name",
              "w1",
              "--max-agents",
              "1000");
      StringBuffer out = FleetsimProcess.collect(worker);
      try {
        List<Coordinator.Joined> joined = c.awaitWorkers(1, Duration.ofSeconds(60));
        assertThat(joined.get(0).info().name()).isEqualTo("w1");
        assertThat(joined.get(0).info().pid()).isEqualTo(worker.pid());
        assertThat(joined.get(0).info().maxAgents()).isEqualTo(1000);
        Await.until(() -> out.toString().contains("worker w1 is up"), Duration.ofSeconds(30));
        // SIGTERM through the handle: Process.destroy() would also close our end of its output
        worker.toHandle().destroy();
        assertThat(worker.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        Await.until(() -> out.toString().contains("worker w1 stopped"), Duration.ofSeconds(5));
      } finally {
        worker.destroyForcibly();
      }
    }
  }

  @Test
  void aBadJoinAddress_isOneLine_exit2() {
    java.io.StringWriter err = new java.io.StringWriter();
    picocli.CommandLine cli = Fleetsim.commandLine();
    cli.setErr(new java.io.PrintWriter(err, true));
    assertThat(cli.execute("worker", "--join", "nohost")).isEqualTo(2);
    assertThat(err.toString().trim())
        .isEqualTo("fleetsim: --join takes HOST:PORT with a port of 0..65535, got nohost");
  }
}
