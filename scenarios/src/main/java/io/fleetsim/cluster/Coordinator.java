package io.fleetsim.cluster;

import io.fleetsim.fleet.ActorSystems;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.Terminated;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.receptionist.Receptionist;

/**
 * The coordinator node of a run spread over workers: the cluster's seed (and oldest member), which
 * waits for the workers and, later, hands out their agent ranges.
 */
public final class Coordinator implements AutoCloseable {
  /** A worker that joined: where to reach it and who it is. */
  public record Joined(ActorRef<WorkerProtocol.Command> ref, WorkerProtocol.WorkerInfo info) {}

  private final ActorSystem<Void> system;

  /** The workers the receptionist lists now; replaced (and notified on) with each new listing. */
  private Set<ActorRef<WorkerProtocol.Command>> listed = Set.of();

  private Coordinator(ActorSystem<Void> system) {
    this.system = system;
    ActorRef<Receptionist.Listing> listener =
        system.systemActorOf(
            Behaviors.<Receptionist.Listing>receiveMessage(
                l -> {
                  synchronized (this) {
                    listed = l.getServiceInstances(WorkerNode.KEY);
                    notifyAll();
                  }
                  return Behaviors.same();
                }),
            "worker-listing",
            Props.empty());
    system.receptionist().tell(Receptionist.subscribe(WorkerNode.KEY, listener));
  }

  /** Starts the coordinator node bound to {@code bind}; the workers join it there. */
  public static Coordinator start(InetSocketAddress bind) {
    ActorSystem<Void> system =
        ActorSystem.create(
            Behaviors.<Void>empty(),
            ClusterConfig.SYSTEM,
            ClusterConfig.node(bind, null, ClusterConfig.COORDINATOR));
    // the first member forms the cluster by joining itself, at the port it really got
    org.apache.pekko.cluster.Cluster c =
        org.apache.pekko.cluster.Cluster.get(
            org.apache.pekko.actor.typed.javadsl.Adapter.toClassic(system));
    c.join(c.selfAddress());
    return new Coordinator(system);
  }

  /** Where the workers join: the bound host and port (the port picked when 0 was asked). */
  public InetSocketAddress address() {
    org.apache.pekko.actor.Address a =
        org.apache.pekko.cluster.Cluster.get(
                org.apache.pekko.actor.typed.javadsl.Adapter.toClassic(system))
            .selfAddress();
    return InetSocketAddress.createUnresolved(a.getHost().get(), (Integer) a.getPort().get());
  }

  /**
   * Waits until {@code n} workers have joined and said who they are, in a stable order (by name).
   *
   * @throws WorkersMissingException when {@code timeout} passes first, naming who joined
   */
  public List<Joined> awaitWorkers(int n, Duration timeout)
      throws InterruptedException, WorkersMissingException {
    long deadline = System.nanoTime() + timeout.toNanos();
    Set<ActorRef<WorkerProtocol.Command>> seen;
    synchronized (this) {
      while (listed.size() < n) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          break;
        }
        TimeUnit.NANOSECONDS.timedWait(this, left);
      }
      seen = listed;
    }
    List<Joined> joined = describe(seen);
    if (joined.size() < n) {
      // too few came in time, or some left again while asked who they are
      throw new WorkersMissingException(n, joined, timeout);
    }
    return List.copyOf(joined.subList(0, n)); // more than asked for: the first n by name
  }

  private List<Joined> describe(Set<ActorRef<WorkerProtocol.Command>> refs)
      throws InterruptedException {
    List<Joined> out = new ArrayList<>();
    for (ActorRef<WorkerProtocol.Command> ref : refs) {
      CompletableFuture<WorkerProtocol.WorkerInfo> info =
          AskPattern.<WorkerProtocol.Command, WorkerProtocol.WorkerInfo>ask(
                  ref, WorkerProtocol.Describe::new, Duration.ofSeconds(5), system.scheduler())
              .toCompletableFuture();
      try {
        out.add(new Joined(ref, info.get(10, TimeUnit.SECONDS)));
      } catch (ExecutionException | TimeoutException gone) {
        // it left again while asked: not a worker of this run
      }
    }
    out.sort(Comparator.comparing(j -> j.info().name()));
    return out;
  }

  /**
   * The actor a run's workers send their events to: it hands them to {@code state} and watches the
   * workers, so that one the cluster removes is reported lost.
   */
  ActorRef<WorkerProtocol.Event> inbox(ClusterRunState state) {
    return system.systemActorOf(
        Behaviors.<WorkerProtocol.Event>setup(
            ctx -> {
              state.refs().forEach(ctx::watch);
              return Behaviors.receive(WorkerProtocol.Event.class)
                  .onMessage(
                      WorkerProtocol.Event.class,
                      e -> {
                        state.onEvent(e);
                        return Behaviors.same();
                      })
                  .onSignal(
                      Terminated.class,
                      t -> {
                        state.lost(t.getRef());
                        return Behaviors.same();
                      })
                  .build();
            }),
        "run-" + state.runId(),
        Props.empty());
  }

  @Override
  public void close() {
    ActorSystems.terminate(system);
  }
}
