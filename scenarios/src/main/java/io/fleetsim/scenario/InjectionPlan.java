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

  /**
   * The same shape starting {@code n} agents: each step's share scaled (a constant rate by its
   * rate), the rounding remainder going to the last step that starts agents.
   */
  public InjectionPlan scaledTo(int n) {
    int from = agents();
    if (from == 0 || n == from) {
      return this;
    }
    List<InjectionStep> out = new java.util.ArrayList<>();
    int given = 0;
    int last = -1;
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i).agents() > 0) {
        last = i;
      }
    }
    for (int i = 0; i < steps.size(); i++) {
      InjectionStep s = steps.get(i);
      int share = i == last ? n - given : (int) Math.round((double) s.agents() * n / from);
      given += s.agents() > 0 ? share : 0;
      if (s instanceof InjectionStep.AtOnce) {
        out.add(new InjectionStep.AtOnce(share));
      } else if (s instanceof InjectionStep.Ramp r) {
        out.add(new InjectionStep.Ramp(share, r.over()));
      } else if (s instanceof InjectionStep.ConstantRate c) {
        out.add(
            new InjectionStep.ConstantRate(
                share * 1000.0 / Math.max(1, c.during().toMillis()), c.during()));
      } else {
        out.add(s);
      }
    }
    return new InjectionPlan(out);
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
