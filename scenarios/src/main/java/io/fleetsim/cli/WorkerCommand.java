package io.fleetsim.cli;

import io.fleetsim.cluster.Partitioner;
import io.fleetsim.cluster.WorkerNode;
import io.fleetsim.cluster.WorkerProtocol;
import io.fleetsim.fleet.ActorSystems;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.cluster.Cluster;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code fleetsim worker}: a node of a run spread over several JVMs or machines. */
@Command(
    name = "worker",
    mixinStandardHelpOptions = true,
    description =
        "Joins the cluster of a coordinator (`fleetsim run … --cluster-bind`) as a worker and runs"
            + " the agents it is given, run after run, until stopped (Ctrl-C, SIGTERM).")
final class WorkerCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--join",
      required = true,
      description = "HOST:PORT of the coordinator: its --cluster-bind.")
  String join;

  @Option(
      names = "--bind",
      defaultValue = "127.0.0.1:0",
      description =
          "HOST:PORT this worker listens on for the cluster (Artery TCP); HOST must be what the"
              + " coordinator and the other workers reach it at. Port 0 picks a free one (default"
              + " ${DEFAULT-VALUE}).")
  String bind;

  @Option(names = "--name", description = "How reports name this worker (default: HOST-PID).")
  String name;

  @Option(
      names = "--max-agents",
      description =
          "The most agents this worker takes (default: no limit); the coordinator splits the"
              + " fleet within it, or refuses the run up front.")
  Integer maxAgents;

  @Option(
      names = "--parent-pid",
      hidden = true,
      description = "Stop when this process ends (the coordinator of --local-workers).")
  Long parentPid;

  @Override
  public Integer call() throws InterruptedException {
    InetSocketAddress joinAt;
    InetSocketAddress bindAt;
    try {
      joinAt = HostPort.parse("--join", join);
      bindAt = HostPort.parse("--bind", bind);
      if (maxAgents != null && maxAgents <= 0) {
        throw new IllegalArgumentException("--max-agents must be > 0");
      }
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println("fleetsim: " + e.getMessage());
      return 2;
    }
    long pid = ProcessHandle.current().pid();
    WorkerProtocol.WorkerInfo info =
        new WorkerProtocol.WorkerInfo(
            name != null ? name : bindAt.getHostString() + "-" + pid,
            bindAt.getHostString(),
            pid,
            maxAgents == null ? Partitioner.UNLIMITED : maxAgents);
    PrintWriter out = spec.commandLine().getOut();
    try (StopSignal stop = new StopSignal(Duration.ofSeconds(10))) {
      if (parentPid != null) {
        ProcessHandle.of(parentPid)
            .ifPresentOrElse(
                p -> p.onExit().thenRun(() -> stop.hook().run()), () -> stop.hook().run());
      }
      // A node the cluster removed (its coordinator died: keep-oldest downs the side without the
      // oldest member) cannot rejoin: a fresh one is started at the same address, and waits.
      while (true) {
        ActorSystem<WorkerProtocol.Command> system = WorkerNode.start(bindAt, joinAt, info, out);
        Cluster cluster = Cluster.get(Adapter.toClassic(system));
        out.printf(
            "worker %s at %s, joining the coordinator at %s:%d%n",
            info.name(), cluster.selfMember().address(), joinAt.getHostString(), joinAt.getPort());
        out.flush();
        cluster.registerOnMemberUp(
            () -> {
              out.printf("worker %s is up: waiting for work%n", info.name());
              out.flush();
            });
        while (!stop.await(500) && !system.whenTerminated().isCompleted()) {
          // wait for a stop or for the cluster to remove this node
        }
        boolean stopped = !system.whenTerminated().isCompleted();
        ActorSystems.terminate(system);
        if (stopped || stop.await(0)) {
          break;
        }
        out.printf(
            "worker %s left the cluster (its coordinator is gone): joining again%n", info.name());
        out.flush();
        if (stop.await(2000)) {
          break;
        }
      }
      out.printf("worker %s stopped%n", info.name());
      out.flush();
    }
    return 0;
  }
}
