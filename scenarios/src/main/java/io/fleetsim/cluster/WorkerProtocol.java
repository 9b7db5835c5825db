package io.fleetsim.cluster;

import org.apache.pekko.actor.typed.ActorRef;

/** What the coordinator says to a worker node, and what the worker answers. */
public final class WorkerProtocol {
  private WorkerProtocol() {}

  /** A worker's commands. */
  public sealed interface Command extends ClusterMessage permits Describe {}

  /** Asks the worker who it is. */
  public record Describe(ActorRef<WorkerInfo> replyTo) implements Command {}

  /**
   * A worker as the report names it.
   *
   * @param maxAgents the most agents it takes ({@link Partitioner#UNLIMITED}: it declared none)
   */
  public record WorkerInfo(String name, String host, long pid, int maxAgents)
      implements ClusterMessage {
    @Override
    public String toString() {
      return name
          + " ("
          + host
          + ", pid "
          + pid
          + (maxAgents == Partitioner.UNLIMITED ? "" : ", at most " + maxAgents + " agents")
          + ")";
    }
  }
}
