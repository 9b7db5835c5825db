package io.fleetsim.fleet;

import io.fleetsim.agent.ProvisionedSnapshots;
import io.fleetsim.metrics.FleetMetrics;
import io.fleetsim.mtp.Connector;
import io.fleetsim.usp.proto.UspMsg.Msg;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.pekko.actor.typed.Scheduler;
import scala.concurrent.ExecutionContext;

/**
 * What every agent actor of a fleet shares, built once: the MTP connector (one per model in a
 * mixed-MTP fleet) and the loops its sessions run on, the Controller's endpoint ID, the scheduler
 * for retry waits, the metrics, the fleet seed and the count of ticks not yet processed.
 */
public final class AgentRuntime {
  private final Connector connector;
  private final EventLoopGroup loops;
  private final String controllerId;
  private final Scheduler scheduler;
  private final ExecutionContext executor;
  private final FleetMetrics metrics;
  private final long seed;
  private final AtomicReference<Msg> preProvisioning;
  private final ProvisionedSnapshots provisioned = new ProvisionedSnapshots();
  private final InFlightGate connects;
  private final int sourceAddresses;

  /** Models whose agents use another MTP than {@link #connector}; set before any agent exists. */
  private final java.util.Map<io.fleetsim.datamodel.DeviceModel, Connector> byModel =
      new java.util.IdentityHashMap<>();

  /** Agent ticks sent and not yet processed (see {@link TickPacer}). */
  private final java.util.concurrent.atomic.LongAdder ticksPending =
      new java.util.concurrent.atomic.LongAdder();

  AgentRuntime(
      Connector connector,
      EventLoopGroup loops,
      String controllerId,
      Scheduler scheduler,
      ExecutionContext executor,
      FleetMetrics metrics,
      long seed,
      AtomicReference<Msg> preProvisioning,
      int maxConnectsInFlight,
      int sourceAddresses) {
    this.preProvisioning = preProvisioning;
    this.sourceAddresses = sourceAddresses;
    this.connects = new InFlightGate(maxConnectsInFlight);
    this.connector = connector;
    this.loops = loops;
    this.controllerId = controllerId;
    this.scheduler = scheduler;
    this.executor = executor;
    this.metrics = metrics;
    this.seed = seed;
  }

  void connectModel(io.fleetsim.datamodel.DeviceModel model, Connector c) {
    byModel.put(model, c);
  }

  /** The MTP an agent of {@code model} connects through (a fleet may mix MTPs per profile). */
  Connector connector(io.fleetsim.datamodel.DeviceModel model) {
    return byModel.isEmpty() ? connector : byModel.getOrDefault(model, connector);
  }

  /** The loop a new session lives on (spread over the group). */
  EventLoop loop() {
    return loops.next();
  }

  /**
   * The source address agent {@code index} connects from: any (null), or one of 127.0.0.1 to
   * 127.0.0.N round-robin, so one box holds more than one ephemeral port range of connections to a
   * loopback Controller. Computed, not stored per agent.
   */
  InetSocketAddress localAddress(int index) {
    return sourceAddresses <= 1
        ? null
        : new InetSocketAddress("127.0.0." + (1 + index % sourceAddresses), 0);
  }

  String controllerId() {
    return controllerId;
  }

  void tickSent() {
    ticksPending.increment();
  }

  /** An agent processed its tick. */
  void tickDone() {
    ticksPending.decrement();
  }

  long ticksPending() {
    return ticksPending.sum();
  }

  void forgetPendingTicks() {
    ticksPending.reset();
  }

  FleetMetrics metrics() {
    return metrics;
  }

  long seed() {
    return seed;
  }

  /**
   * Runs {@code attempt} (an MTP connect) now, or once fewer than the maximum are in flight. A
   * burst of SYNs beyond the server's listen backlog is dropped by the kernel and retransmitted
   * seconds later, which makes a connect storm slower, not faster; the gate keeps it below.
   */
  void connect(Runnable attempt) {
    connects.submit(attempt);
  }

  /** A connect attempt has its result (session up, or failed): let the next one go. */
  void connectDone() {
    connects.done();
  }

  /**
   * The Controller's Add to apply before an agent's first connect, or null when the fleet is not
   * pre-provisioned.
   */
  Msg preProvisioning() {
    return preProvisioning.get();
  }

  /** The fleet's provisioned state, built once per device model and shared by its agents. */
  ProvisionedSnapshots provisioned() {
    return provisioned;
  }

  /**
   * Runs {@code task} once after {@code delay} on the fleet's scheduler (a shared timing wheel).
   */
  void schedule(Duration delay, Runnable task) {
    scheduler.scheduleOnce(delay, task, executor);
  }
}
