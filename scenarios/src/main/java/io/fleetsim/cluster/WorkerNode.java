package io.fleetsim.cluster;

import java.io.PrintWriter;
import java.net.InetSocketAddress;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.Terminated;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.receptionist.Receptionist;
import org.apache.pekko.actor.typed.receptionist.ServiceKey;

/**
 * A worker node: joins the coordinator's cluster and offers itself under {@link #KEY}, then takes
 * runs ({@link WorkerRuns}) one after another until its ActorSystem is terminated. It watches the
 * coordinator of each run it takes: when the coordinator is gone the run's agents stop.
 */
public final class WorkerNode {
  /** Where the coordinator finds workers (the receptionist spreads it over the cluster). */
  public static final ServiceKey<WorkerProtocol.Command> KEY =
      ServiceKey.create(WorkerProtocol.Command.class, "fleetsim-worker");

  private WorkerNode() {}

  /**
   * Starts a worker node bound to {@code bind} that joins the coordinator at {@code join}; its run
   * lines go to {@code out}.
   */
  public static ActorSystem<WorkerProtocol.Command> start(
      InetSocketAddress bind,
      InetSocketAddress join,
      WorkerProtocol.WorkerInfo info,
      PrintWriter out) {
    return ActorSystem.create(
        behavior(info, out),
        ClusterConfig.SYSTEM,
        ClusterConfig.node(bind, join, ClusterConfig.WORKER));
  }

  static Behavior<WorkerProtocol.Command> behavior(
      WorkerProtocol.WorkerInfo info, PrintWriter out) {
    return Behaviors.setup(
        ctx -> {
          ctx.getSystem().receptionist().tell(Receptionist.register(KEY, ctx.getSelf()));
          WorkerRuns runs = new WorkerRuns(info.name(), out);
          return Behaviors.receive(WorkerProtocol.Command.class)
              .onMessage(
                  WorkerProtocol.Describe.class,
                  d -> {
                    d.replyTo().tell(info);
                    return Behaviors.same();
                  })
              .onMessage(
                  WorkerProtocol.Assign.class,
                  a -> {
                    ctx.watch(a.coordinator());
                    runs.assign(a);
                    return Behaviors.same();
                  })
              .onMessage(
                  WorkerProtocol.Start.class,
                  s -> {
                    runs.start(s);
                    return Behaviors.same();
                  })
              .onMessage(
                  WorkerProtocol.Finish.class,
                  f -> {
                    runs.finish(f);
                    return Behaviors.same();
                  })
              .onMessage(
                  WorkerProtocol.Abort.class,
                  x -> {
                    runs.abort(x.runId(), x.why());
                    return Behaviors.same();
                  })
              .onSignal(
                  Terminated.class,
                  t -> {
                    runs.coordinatorGone(t.getRef());
                    return Behaviors.same();
                  })
              .onSignal(
                  PostStop.class,
                  s -> {
                    runs.close(); // the node leaves the cluster: no run outlives it
                    return Behaviors.same();
                  })
              .build();
        });
  }
}
