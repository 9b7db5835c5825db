package io.fleetsim.fleet;

import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorSystem;

/** Ending an ActorSystem the same way everywhere: terminate, then wait a bounded time for it. */
public final class ActorSystems {
  private ActorSystems() {}

  /** Terminates {@code system} and waits up to 10 s; a slow end is not an error worth raising. */
  public static void terminate(ActorSystem<?> system) {
    system.terminate();
    try {
      system.getWhenTerminated().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      // terminating anyway; nothing to recover
    }
  }
}
