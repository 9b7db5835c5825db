package io.fleetsim.fleet;

import io.fleetsim.metrics.FleetMetrics;
import io.fleetsim.mtp.Connector;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import java.time.Duration;
import org.apache.pekko.actor.typed.Scheduler;
import scala.concurrent.ExecutionContext;

/**
 * What every agent actor of a fleet shares, built once: the MTP connector and the loops its
 * sessions run on, the Controller's endpoint ID, the scheduler for retry waits, the metrics and the
 * fleet seed.
 */
public final class AgentRuntime {
  private final Connector connector;
  private final EventLoopGroup loops;
  private final String controllerId;
  private final Scheduler scheduler;
  private final ExecutionContext executor;
  private final FleetMetrics metrics;
  private final long seed;

  AgentRuntime(
      Connector connector,
      EventLoopGroup loops,
      String controllerId,
      Scheduler scheduler,
      ExecutionContext executor,
      FleetMetrics metrics,
      long seed) {
    this.connector = connector;
    this.loops = loops;
    this.controllerId = controllerId;
    this.scheduler = scheduler;
    this.executor = executor;
    this.metrics = metrics;
    this.seed = seed;
  }

  Connector connector() {
    return connector;
  }

  /** The loop a new session lives on (spread over the group). */
  EventLoop loop() {
    return loops.next();
  }

  String controllerId() {
    return controllerId;
  }

  FleetMetrics metrics() {
    return metrics;
  }

  long seed() {
    return seed;
  }

  /**
   * Runs {@code task} once after {@code delay} on the fleet's scheduler (a shared timing wheel).
   */
  void schedule(Duration delay, Runnable task) {
    scheduler.scheduleOnce(delay, task, executor);
  }
}
