package io.fleetsim.fleet;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs submitted tasks with at most {@code max} outstanding, the rest queued in order; each task
 * calls {@link #done()} once its work has a result. Used for connects (a burst beyond the server's
 * listen backlog is dropped and retransmitted seconds later) and for downloads (each one more
 * socket against the open-file limit). Thread-safe, lock-free.
 */
public final class InFlightGate {
  private final int max;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final Queue<Runnable> waiting = new ConcurrentLinkedQueue<>();

  public InFlightGate(int max) {
    if (max < 1) {
      throw new IllegalArgumentException("the in-flight limit must be >= 1");
    }
    this.max = max;
  }

  /** Runs {@code task} now, or once fewer than the limit are outstanding. */
  public void submit(Runnable task) {
    waiting.add(task);
    pump();
  }

  /** One submitted task has its result: the next one may go. */
  public void done() {
    inFlight.decrementAndGet();
    pump();
  }

  /** Tasks running now. */
  public int inFlight() {
    return inFlight.get();
  }

  private void pump() {
    while (!waiting.isEmpty()) {
      if (inFlight.incrementAndGet() > max) {
        inFlight.decrementAndGet();
        return;
      }
      Runnable next = waiting.poll();
      if (next == null) {
        inFlight.decrementAndGet();
        continue; // another thread took it; look again
      }
      next.run();
    }
  }
}
