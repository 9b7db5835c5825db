package io.fleetsim.fleet;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.fleetsim.agent.AgentCore;
import io.fleetsim.agent.AgentEnvironment;
import io.fleetsim.agent.AgentTimer;
import io.fleetsim.agent.AgentTimers;
import io.fleetsim.agent.FileTransfers;
import io.fleetsim.datamodel.DeviceModel;
import io.fleetsim.metrics.FleetMetrics;
import io.fleetsim.mtp.Connector;
import io.fleetsim.usp.message.UspMessages;
import io.fleetsim.usp.proto.UspMsg.Header.MsgType;
import io.fleetsim.usp.proto.UspMsg.Msg;
import io.fleetsim.usp.proto.UspMsg.Request;
import io.netty.channel.EventLoopGroup;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;

/**
 * A fleet of agent actors in one Pekko actor system. The fleet guardian spawns agents in the
 * batches the injector asks for (agent indexes in order over the profile groups), forwards
 * fleet-level ticks, and stops them all. The fleet is also the agents' timer service: a due {@link
 * AgentTimer} is one entry in Pekko's shared timing wheel that tells the agent {@link
 * AgentActor.Fire}, never a timer of the agent's own.
 */
public final class ActorFleet implements AgentTimers, AutoCloseable {

  /** The guardian's protocol. */
  sealed interface Command {}

  private record Spawn(int count) implements Command {}

  private record TickAll(long nowMillis) implements Command {}

  private enum StopAll implements Command {
    INSTANCE
  }

  /**
   * Stopped agents still get the Disconnected of their last session: dead letters by design, not
   * worth a log line each; Pekko's own INFO lines (coordinated shutdown) are noise in a run. The
   * system is ended by its owner only: every command stops its fleet itself on Ctrl-C or SIGTERM
   * (agents first say goodbye, R-MTP.7), and a process that exits after its run's report need not
   * stop its agents one by one, which Pekko's own JVM hook would otherwise do at exit.
   */
  private static final Config QUIET =
      ConfigFactory.parseString(
          "pekko.log-dead-letters = off\n"
              + "pekko.log-dead-letters-during-shutdown = off\n"
              + "pekko.coordinated-shutdown.run-by-jvm-shutdown-hook = off\n"
              + "pekko.loglevel = WARNING");

  private final ActorSystem<Command> system;
  private final FleetShape shape;
  private final AtomicReferenceArray<ActorRef<AgentActor.Command>> refs;

  /** The agents due for a tick ({@link #tickAt}), and the rounds that deliver them. */
  private final FleetTicks ticks = new FleetTicks();

  private final AtomicInteger spawned = new AtomicInteger();
  private final FleetMetrics metrics;
  private final AtomicReference<Msg> preProvisioning = new AtomicReference<>();

  /**
   * @param shape the agents of the fleet: their index range and models
   * @param connector the MTP the agents connect through (WebSocket, MQTT or in-memory)
   * @param loops the event loops MTP sessions run on
   * @param transfers real file transfers for http(s) downloads, or {@link FileTransfers#NONE}
   * @param maxConnectsInFlight MTP connects outstanding at most ({@link ConnectsInFlight} over
   *     sockets; no limit is needed in memory)
   */
  public ActorFleet(
      String name,
      FleetShape shape,
      Connector connector,
      EventLoopGroup loops,
      String controllerId,
      FileTransfers transfers,
      FleetMetrics metrics,
      long seed,
      int maxConnectsInFlight) {
    this(
        name,
        shape,
        java.util.Collections.nCopies(shape.models().size(), connector),
        loops,
        controllerId,
        transfers,
        metrics,
        seed,
        maxConnectsInFlight,
        1);
  }

  /**
   * As above, with an MTP per model: {@code connectors.get(m)} connects the agents of {@code
   * models.get(m)}, so one fleet can hold WebSocket gateways and MQTT IoT hubs.
   *
   * @param sourceAddresses how many loopback source addresses (127.0.0.1 to 127.0.0.N) socket
   *     connects spread over; 1 = any
   */
  public ActorFleet(
      String name,
      FleetShape shape,
      List<Connector> connectors,
      EventLoopGroup loops,
      String controllerId,
      FileTransfers transfers,
      FleetMetrics metrics,
      long seed,
      int maxConnectsInFlight,
      int sourceAddresses) {
    if (connectors.size() != shape.models().size()) {
      throw new IllegalArgumentException("one connector per model");
    }
    this.shape = shape;
    this.refs = new AtomicReferenceArray<>(shape.total());
    this.metrics = metrics;
    this.system =
        ActorSystem.create(
            Behaviors.setup(
                ctx ->
                    new Guardian(
                        ctx,
                        runtime(
                            connectors,
                            loops,
                            controllerId,
                            ctx.getSystem().scheduler(),
                            ctx.getSystem().executionContext(),
                            seed,
                            maxConnectsInFlight,
                            sourceAddresses),
                        transfers)),
            name,
            QUIET.withFallback(ConfigFactory.load()));
  }

  private AgentRuntime runtime(
      List<Connector> connectors,
      EventLoopGroup loops,
      String controllerId,
      org.apache.pekko.actor.typed.Scheduler scheduler,
      scala.concurrent.ExecutionContext executor,
      long seed,
      int maxConnectsInFlight,
      int sourceAddresses) {
    AgentRuntime r =
        new AgentRuntime(
            connectors.get(0),
            loops,
            controllerId,
            scheduler,
            executor,
            metrics,
            seed,
            preProvisioning,
            maxConnectsInFlight,
            sourceAddresses);
    List<DeviceModel> models = shape.models();
    for (int m = 0; m < models.size(); m++) {
      if (connectors.get(m) != connectors.get(0)) {
        r.connectModel(models.get(m), connectors.get(m));
      }
    }
    return r;
  }

  /** Agents in the fleet when all are spawned. */
  public int total() {
    return shape.total();
  }

  /**
   * The EndpointID of the fleet's agent {@code i} (index {@link FleetShape#index}), computed from
   * its profile and index as the agent itself does (nothing is kept per agent to answer it).
   */
  public String endpointId(int i) {
    int index = shape.index(i);
    return AgentCore.endpointIdOf(shape.modelOf(index), index);
  }

  /**
   * The fleet's own number of the agent of fleet-wide index {@code index} (what {@link #tell}
   * takes), or -1 when that agent is not in this fleet.
   */
  public int local(int index) {
    return shape.local(index);
  }

  /** One past the highest fleet-wide index of this fleet's agents. */
  public int indexBound() {
    return shape.total() == 0 ? 0 : shape.index(shape.total() - 1) + 1;
  }

  /** Agents spawned (and started) so far. */
  public int spawned() {
    return spawned.get();
  }

  public FleetMetrics metrics() {
    return metrics;
  }

  /**
   * Agents spawned from now on start already provisioned: {@code add} (the Controller's
   * first-contact Add) is applied to each before it connects, as if persisted from an earlier
   * session, so it announces Boot! to that Controller at its first connect (a boot storm of a
   * deployed fleet rather than first contact).
   */
  public void preProvision(Request add) {
    preProvisioning.set(UspMessages.request("pre-provision", MsgType.ADD, add));
  }

  /** Agents spawned per guardian message: a big batch is split so other work interleaves. */
  static final int SPAWN_CHUNK = 1_000;

  /** Spawns and starts the next {@code count} agents (fewer when the fleet runs out). */
  public void spawn(int count) {
    for (int left = count; left > 0; left -= SPAWN_CHUNK) {
      system.tell(new Spawn(Math.min(SPAWN_CHUNK, left)));
    }
  }

  /**
   * Tells agent {@code index} {@code command} (ignored when it is not spawned or has left). After a
   * Stop the agent is gone from the fleet: no more ticks or timers are sent to it.
   */
  public void tell(int index, AgentActor.Command command) {
    ActorRef<AgentActor.Command> ref = index >= 0 && index < shape.total() ? refs.get(index) : null;
    if (ref != null) {
      ref.tell(command);
      if (command == AgentActor.Stop.INSTANCE) {
        refs.set(index, null);
      }
    }
  }

  /** Fleet tick rounds started so far. */
  public long tickRounds() {
    return ticks.rounds();
  }

  /** Fleet ticks deferred because agents were still working on the previous round. */
  public long ticksDeferred() {
    return ticks.deferred();
  }

  /** A fleet-level tick at the current time, to every agent with something due by then. */
  public void tick() {
    system.tell(new TickAll(InstantSource.system().millis()));
  }

  @Override
  public void tickAt(int agentIndex, long dueMillis) {
    int local = shape.local(agentIndex);
    if (local >= 0) {
      ticks.ask(local, dueMillis);
    }
  }

  /** Tick asks waiting in the wheel. */
  long ticksWaiting() {
    return ticks.waiting();
  }

  /** Ticks delivered to agents so far (only agents with something due get one). */
  long ticksDelivered() {
    return ticks.delivered();
  }

  @Override
  public void schedule(int agentIndex, long dueMillis, AgentTimer timer) {
    int local = shape.local(agentIndex); // agents name themselves by their fleet-wide index
    ActorRef<AgentActor.Command> ref = local < 0 ? null : refs.get(local);
    if (ref == null) {
      return; // not spawned: nothing of it can be due
    }
    long delay = Math.max(0, dueMillis - InstantSource.system().millis());
    AgentActor.Fire fire = new AgentActor.Fire(timer);
    if (delay == 0) {
      ref.tell(fire);
    } else {
      system
          .scheduler()
          .scheduleOnce(Duration.ofMillis(delay), () -> ref.tell(fire), system.executionContext());
    }
  }

  /**
   * Stops every agent (each sends a DisconnectRecord when online), gives them {@code grace} to do
   * so, then terminates the actor system.
   */
  public void stop(Duration grace) {
    system.tell(StopAll.INSTANCE);
    try {
      TimeUnit.MILLISECONDS.sleep(grace.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    close();
  }

  @Override
  public void close() {
    ActorSystems.terminate(system);
  }

  /** Whether the fleet's actor system has ended ({@link #close()}, {@link #stop}). */
  public boolean ended() {
    return system.whenTerminated().isCompleted();
  }

  /** The fleet guardian: few instances, so a ReceiveBuilder is fine here. */
  private final class Guardian extends AbstractBehavior<Command> {
    private final AgentRuntime runtime;
    private final List<AgentEnvironment> environments = new ArrayList<>();

    Guardian(ActorContext<Command> ctx, AgentRuntime runtime, FileTransfers transfers) {
      super(ctx);
      this.runtime = runtime;
      for (DeviceModel m : shape.models()) {
        environments.add(AgentEnvironment.of(m, ActorFleet.this, metrics.stats(), transfers));
      }
    }

    @Override
    public Receive<Command> createReceive() {
      return newReceiveBuilder()
          .onMessage(Spawn.class, this::onSpawn)
          .onMessage(TickAll.class, this::onTick)
          .onMessageEquals(StopAll.INSTANCE, this::onStopAll)
          .build();
    }

    private Behavior<Command> onSpawn(Spawn s) {
      int from = spawned.get();
      int to = Math.min(shape.total(), from + s.count());
      for (int i = from; i < to; i++) {
        int index = shape.index(i);
        ActorRef<AgentActor.Command> ref =
            getContext()
                .spawnAnonymous(
                    AgentActor.create(AgentCore.create(environment(index), index), runtime));
        refs.set(i, ref);
        ref.tell(AgentActor.Start.INSTANCE);
        spawned.set(i + 1);
      }
      return this;
    }

    private Behavior<Command> onTick(TickAll t) {
      ticks.round(t.nowMillis(), runtime, refs::get); // null: not spawned yet, or left
      return this;
    }

    private Behavior<Command> onStopAll() {
      for (int i = 0, n = spawned.get(); i < n; i++) {
        ActorRef<AgentActor.Command> ref = refs.get(i);
        if (ref != null) {
          ref.tell(AgentActor.Stop.INSTANCE);
        }
      }
      return this;
    }

    private AgentEnvironment environment(int index) {
      return environments.get(shape.modelOf().applyAsInt(index));
    }
  }
}
