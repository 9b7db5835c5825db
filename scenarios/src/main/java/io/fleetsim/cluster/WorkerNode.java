package io.fleetsim.cluster;

import java.net.InetSocketAddress;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.receptionist.Receptionist;
import org.apache.pekko.actor.typed.receptionist.ServiceKey;

/**
 * A worker node: joins the coordinator's cluster and offers itself under {@link #KEY}, then answers
 * for itself. It serves run after run until its ActorSystem is terminated.
 */
public final class WorkerNode {
  /** Where the coordinator finds workers (the receptionist spreads it over the cluster). */
  public static final ServiceKey<WorkerProtocol.Command> KEY =
      ServiceKey.create(WorkerProtocol.Command.class, "fleetsim-worker");

  private WorkerNode() {}

  /** Starts a worker node bound to {@code bind} that joins the coordinator at {@code join}. */
  public static ActorSystem<WorkerProtocol.Command> start(
      InetSocketAddress bind, InetSocketAddress join, WorkerProtocol.WorkerInfo info) {
    return ActorSystem.create(
        behavior(info), ClusterConfig.SYSTEM, ClusterConfig.node(bind, join, ClusterConfig.WORKER));
  }

  static Behavior<WorkerProtocol.Command> behavior(WorkerProtocol.WorkerInfo info) {
    return Behaviors.setup(
        ctx -> {
          ctx.getSystem().receptionist().tell(Receptionist.register(KEY, ctx.getSelf()));
          return Behaviors.receiveMessage(
              msg -> {
                if (msg instanceof WorkerProtocol.Describe d) {
                  d.replyTo().tell(info);
                }
                return Behaviors.same();
              });
        });
  }
}
