package io.fleetsim.scenario;

import io.fleetsim.fleet.ActorFleet;
import io.fleetsim.fleet.AgentActor;
import java.util.SplittableRandom;

/**
 * Hostile or broken devices: seeded agents send garbage Records and floods of Notify, which the
 * Controller must drop and survive without starving the others.
 */
final class MisbehavingIncident implements IncidentAction {
  private final Scenario.Incident.Misbehaving m;

  MisbehavingIncident(Scenario.Incident.Misbehaving misbehaving) {
    this.m = misbehaving;
  }

  @Override
  public void start(IncidentContext ctx) {
    ActorFleet fleet = ctx.fleet();
    SplittableRandom random = new SplittableRandom(ctx.scenario().seed() + 3);
    ctx.say(
        "incident: %d misbehaving agents (%d garbage Records, %d Notify each)",
        m.agents(), m.garbage(), m.flood());
    for (int i = 0; i < m.agents(); i++) {
      fleet.tell(
          random.nextInt(Math.max(1, fleet.spawned())),
          new AgentActor.Misbehave(m.garbage(), m.flood()));
    }
  }
}
