package io.fleetsim.scenario;

import io.fleetsim.fleet.ActorFleet;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Turns the injection plan's phases into spawns: every {@link #EVERY_MILLIS} it asks the fleet for
 * the agents that have fallen due since the last look, so a late tick catches up at once.
 */
final class Injector implements Runnable {
  /** How often the injector starts what is due. */
  static final long EVERY_MILLIS = 100;

  private final InjectionPlan plan;
  private final ActorFleet fleet;
  private final long startNanos;
  private int requested;

  private Injector(InjectionPlan plan, ActorFleet fleet, long startNanos) {
    this.plan = plan;
    this.fleet = fleet;
    this.startNanos = startNanos;
  }

  /** Starts injecting on {@code timer}, the plan's time 0 being {@code startNanos}. */
  static ScheduledFuture<?> start(
      InjectionPlan plan, ActorFleet fleet, long startNanos, ScheduledExecutorService timer) {
    return timer.scheduleAtFixedRate(
        new Injector(plan, fleet, startNanos), 0, EVERY_MILLIS, TimeUnit.MILLISECONDS);
  }

  /** Runs on the timer's one thread only. */
  @Override
  public void run() {
    int due = plan.dueAt((System.nanoTime() - startNanos) / 1_000_000);
    if (due > requested) {
      fleet.spawn(due - requested);
      requested = due;
    }
  }
}
