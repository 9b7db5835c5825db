package io.fleetsim.agent;

import java.time.Instant;
import java.time.InstantSource;

/** A clock that only moves when a test moves it. */
final class ManualClock implements InstantSource {
  private long millis;

  ManualClock(long startMillis) {
    this.millis = startMillis;
  }

  @Override
  public Instant instant() {
    return Instant.ofEpochMilli(millis);
  }

  @Override
  public long millis() {
    return millis;
  }

  void set(long newMillis) {
    this.millis = newMillis;
  }
}
