package io.fleetsim.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C or SIGTERM for a long-running command. The JVM exits as soon as its shutdown hooks return,
 * so the hook does not just signal the stop: it waits (up to {@code grace}) until the command has
 * {@linkplain #close() finished} what it owes on the way out (the final latency table, the agents'
 * DisconnectRecords). Without that wait a SIGTERM lost the table every time.
 */
final class StopSignal implements AutoCloseable {
  private final CountDownLatch stop = new CountDownLatch(1);
  private final CountDownLatch finished = new CountDownLatch(1);
  private final Thread hook;

  StopSignal(Duration grace) {
    hook =
        new Thread(
            () -> {
              stop.countDown();
              try {
                finished.await(grace.toMillis(), TimeUnit.MILLISECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "fleetsim-stop");
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /** The shutdown hook (for tests: running it is what Ctrl-C or SIGTERM does). */
  Thread hook() {
    return hook;
  }

  /** Waits up to {@code millis} for a stop; true when one came. */
  boolean await(long millis) throws InterruptedException {
    return stop.await(millis, TimeUnit.MILLISECONDS);
  }

  /** Waits for a stop. */
  void await() throws InterruptedException {
    stop.await();
  }

  /** The command is done: a stop that is waiting may let the JVM exit now. */
  @Override
  public void close() {
    finished.countDown();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the JVM is exiting because of the stop: the hook is running and now returns
    }
  }
}
