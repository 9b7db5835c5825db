package io.fleetsim.scenario;

import io.fleetsim.scenario.Scenario.Incident;
import java.util.ArrayList;
import java.util.List;

/** The part of a scenario one cluster worker runs. */
final class ScenarioPart {
  private ScenarioPart() {}

  /**
   * The share of scenario {@code s} a cluster worker runs: {@code n} of its agents, and every
   * phase, the embedded Controller's workload rate and each incident's rates and agent counts in
   * proportion. Incidents that act on a percentage of the fleet at hand keep it: on each worker
   * they act on that share of its agents.
   */
  static Scenario of(Scenario s, int n) {
    double share = s.agents() == 0 ? 0 : (double) n / s.agents();
    Scenario.Behaviour b = s.behaviour();
    List<Incident> shares = new ArrayList<>();
    for (Incident i : s.incidents()) {
      shares.add(share(i, share));
    }
    return s.with(
        n,
        s.plan().scaledTo(n),
        new Scenario.Behaviour(
            b.workloadRate() * share,
            b.getWeight(),
            b.setWeight(),
            b.operateWeight(),
            b.rebootAfterProvisioning(),
            b.periodicInterval(),
            b.valueChangeEvery(),
            b.hostChurnEvery()),
        shares);
  }

  /**
   * An incident as one worker with {@code share} of the fleet runs it: what it sets as a rate or a
   * number of agents scales (a rollout's pace and parallel downloads, misbehaving agents);
   * percentages of the fleet at hand and times stay.
   */
  private static Incident share(Incident i, double share) {
    if (i instanceof Incident.FirmwareRollout f) {
      return new Incident.FirmwareRollout(
          f.at(),
          f.percent(),
          f.image(),
          f.size(),
          f.rate(),
          f.failures(),
          f.rollbacks(),
          f.agentsPerSecond() * share,
          Math.max(1, (int) Math.round(f.inFlight() * share)));
    }
    if (i instanceof Incident.Misbehaving m) {
      return new Incident.Misbehaving(
          m.at(), (int) Math.round(m.agents() * share), m.garbage(), m.flood());
    }
    return i;
  }
}
