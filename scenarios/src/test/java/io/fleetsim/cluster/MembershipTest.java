package io.fleetsim.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.actor.typed.ActorSystem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A coordinator and worker nodes as several ActorSystems in one JVM on loopback: the workers join,
 * the coordinator learns who they are over the cluster (through {@link ClusterSerializer}), and a
 * run that asks for more workers than came fails naming those that did.
 */
class MembershipTest {
  private final List<ActorSystem<?>> workers = new ArrayList<>();

  @AfterEach
  void stopWorkers() {
    workers.forEach(ActorSystem::terminate);
  }

  @Test
  void workersJoin_andTheCoordinatorKnowsWhoTheyAre() throws Exception {
    InetSocketAddress seed = loopback();
    try (Coordinator c = Coordinator.start(seed)) {
      worker(seed, "w-b", 5_000);
      worker(seed, "w-a", Partitioner.UNLIMITED);
      List<Coordinator.Joined> joined = c.awaitWorkers(2, Duration.ofSeconds(30));
      assertThat(joined)
          .extracting(j -> j.info().name())
          .as("in a stable order, by name")
          .containsExactly("w-a", "w-b");
      assertThat(joined.get(1).info().maxAgents()).isEqualTo(5_000);
      assertThat(joined.get(0).info().pid()).isEqualTo(ProcessHandle.current().pid());
    }
  }

  @Test
  void tooFewWorkers_failAfterTheTimeout_namingThoseThatJoined() throws Exception {
    InetSocketAddress seed = loopback();
    try (Coordinator c = Coordinator.start(seed)) {
      worker(seed, "only-one", Partitioner.UNLIMITED);
      c.awaitWorkers(1, Duration.ofSeconds(30)); // it is there
      assertThatThrownBy(() -> c.awaitWorkers(3, Duration.ofSeconds(2)))
          .isInstanceOf(WorkersMissingException.class)
          .hasMessageStartingWith("1 of 3 workers joined within 2 s: only-one (127.0.0.1, pid ")
          .hasMessageContaining("; 2 missing");
    }
  }

  private void worker(InetSocketAddress seed, String name, int maxAgents) throws IOException {
    workers.add(
        WorkerNode.start(
            loopback(),
            seed,
            new WorkerProtocol.WorkerInfo(
                name, "127.0.0.1", ProcessHandle.current().pid(), maxAgents),
            new java.io.PrintWriter(java.io.Writer.nullWriter())));
  }

  private static InetSocketAddress loopback() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return new InetSocketAddress("127.0.0.1", s.getLocalPort());
    }
  }
}
