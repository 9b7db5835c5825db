package io.fleetsim.fleet;

import java.time.InstantSource;
import java.util.function.IntFunction;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * The fleet's ticks: the agents that asked for one, by the second they are due ({@link DueWheel}),
 * delivered in rounds paced to what the agents work off ({@link TickPacer}), and counted. An idle
 * fleet's round finds nobody due and costs next to nothing.
 */
final class FleetTicks {
  private final DueWheel due = new DueWheel();
  private final TickPacer pacer = new TickPacer();
  private volatile long rounds;
  private volatile long deferred;
  private volatile long delivered;

  /** Agent {@code local} has something due at {@code dueMillis} (any thread). */
  void ask(int local, long dueMillis) {
    due.add(local, dueMillis, InstantSource.system().millis());
  }

  /**
   * A fleet tick at {@code nowMillis} (the guardian's thread): every agent due by then gets one,
   * unless the last round is still being worked off (then they wait for the next round).
   */
  void round(
      long nowMillis, AgentRuntime runtime, IntFunction<ActorRef<AgentActor.Command>> refOf) {
    long pending = runtime.ticksPending();
    boolean start = pacer.startRound(nowMillis, pending);
    rounds = pacer.rounds();
    deferred = pacer.deferred();
    if (!start) {
      return;
    }
    if (pending != 0) {
      runtime.forgetPendingTicks(); // the gap limit passed: agents that left never answer
    }
    AgentActor.Tick tick = new AgentActor.Tick(nowMillis);
    due.drain(
        nowMillis,
        local -> {
          ActorRef<AgentActor.Command> ref = refOf.apply(local);
          if (ref != null) {
            runtime.tickSent();
            delivered++; // the guardian's thread only
            ref.tell(tick);
          }
        });
  }

  long rounds() {
    return rounds;
  }

  long deferred() {
    return deferred;
  }

  /** Ticks delivered so far: only agents with something due get one. */
  long delivered() {
    return delivered;
  }

  /** Asks waiting in the wheel. */
  long waiting() {
    return due.entries();
  }
}
