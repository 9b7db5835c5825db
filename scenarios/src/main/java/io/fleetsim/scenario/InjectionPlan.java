package io.fleetsim.scenario;

import java.time.Duration;
import java.util.List;

/** The steps of a scenario in order: how many agents are due by a time since the start. */
public record InjectionPlan(List<InjectionStep> steps) {
  public InjectionPlan {
    steps = List.copyOf(steps);
  }

  /** Agents started by the whole plan. */
  public int agents() {
    return steps.stream().mapToInt(InjectionStep::agents).sum();
  }

  /** When the last step ends. */
  public Duration duration() {
    return steps.stream().map(InjectionStep::duration).reduce(Duration.ZERO, Duration::plus);
  }

  /** Agents due {@code millis} after the start: steps run one after the other. */
  public int dueAt(long millis) {
    int due = 0;
    long stepStart = 0;
    for (InjectionStep s : steps) {
      if (millis < stepStart) {
        break;
      }
      due += s.dueAt(millis - stepStart);
      stepStart += s.duration().toMillis();
    }
    return due;
  }
}
