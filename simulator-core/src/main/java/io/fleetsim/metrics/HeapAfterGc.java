package io.fleetsim.metrics;

import java.lang.management.ManagementFactory;

/** Heap in use after forced full collections: the measure behind every bytes-per-agent figure. */
public final class HeapAfterGc {
  private HeapAfterGc() {}

  /** Bytes of heap in use after four full collections 100 ms apart. */
  public static long used() {
    for (int i = 0; i < 4; i++) {
      System.gc();
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
