package io.fleetsim.scenario;

import java.time.Duration;

/**
 * One step of a scenario's injection profile, as a pure value: how many agents it starts and how
 * many of them are due a given time into the step (Gatling's injection steps, for agents).
 */
public sealed interface InjectionStep {

  /** Agents this step starts. */
  int agents();

  /** How long the step lasts. */
  Duration duration();

  /**
   * Agents of this step due {@code millis} into it: 0 at the start, {@link #agents()} at the end.
   */
  int dueAt(long millis);

  /** All agents at once. */
  record AtOnce(int agents) implements InjectionStep {
    @Override
    public Duration duration() {
      return Duration.ZERO;
    }

    @Override
    public int dueAt(long millis) {
      return millis < 0 ? 0 : agents;
    }
  }

  /** {@code agents} spread evenly over {@code over} (a linear ramp). */
  record Ramp(int agents, Duration over) implements InjectionStep {
    @Override
    public Duration duration() {
      return over;
    }

    @Override
    public int dueAt(long millis) {
      long total = over.toMillis();
      if (millis < 0) {
        return 0;
      }
      if (total == 0 || millis >= total) {
        return agents;
      }
      return (int) ((long) agents * millis / total);
    }
  }

  /** {@code perSecond} agents a second for {@code during}. */
  record ConstantRate(double perSecond, Duration during) implements InjectionStep {
    @Override
    public int agents() {
      return (int) Math.round(perSecond * during.toMillis() / 1000.0);
    }

    @Override
    public Duration duration() {
      return during;
    }

    @Override
    public int dueAt(long millis) {
      if (millis < 0) {
        return 0;
      }
      return (int)
          Math.min(agents(), Math.floor(perSecond * Math.min(millis, during.toMillis()) / 1000.0));
    }
  }

  /** Nothing for {@code pause}. */
  record Pause(Duration pause) implements InjectionStep {
    @Override
    public int agents() {
      return 0;
    }

    @Override
    public Duration duration() {
      return pause;
    }

    @Override
    public int dueAt(long millis) {
      return 0;
    }
  }
}
