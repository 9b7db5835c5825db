package io.fleetsim.testing;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Polls a condition of a running fleet for the integration tests, failing after a timeout. */
public final class Await {
  private Await() {}

  /** Waits up to 20 s; returns {@link System#nanoTime()} when the condition became true. */
  public static long until(BooleanSupplier condition) {
    return until(condition, Duration.ofSeconds(20));
  }

  /** Waits up to {@code timeout}; returns {@link System#nanoTime()} when it became true. */
  public static long until(BooleanSupplier condition, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within " + timeout);
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
    }
    return System.nanoTime();
  }
}
