package io.fleetsim.scenario;

import java.util.concurrent.ScheduledThreadPoolExecutor;

/** A scheduler on one daemon thread of its own name: a run's helpers never keep the JVM alive. */
public final class OneThread {
  private OneThread() {}

  public static ScheduledThreadPoolExecutor scheduler(String name) {
    return new ScheduledThreadPoolExecutor(
        1,
        r -> {
          Thread t = new Thread(r, name);
          t.setDaemon(true);
          return t;
        });
  }
}
