package io.fleetsim.scenario;

import io.fleetsim.fleet.ActorFleet;
import io.fleetsim.fleet.AgentActor;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * A regional power cut, whatever the target: a seeded share of the agents, each at a seeded moment
 * within the window, lose power ({@link AgentActor.PowerLoss}: no DisconnectRecord), stay dark for
 * a seeded time between the incident's bounds, then boot with Boot! Cause LocalReboot. Two curves
 * follow: the fleet back to where it was once the window is over, and the affected agents' Boot!
 * acknowledged from the start.
 */
final class PowerOutageIncident implements IncidentAction {
  private final Scenario.Incident.PowerOutage p;

  PowerOutageIncident(Scenario.Incident.PowerOutage outage) {
    this.p = outage;
  }

  @Override
  public void start(IncidentContext ctx) {
    ActorFleet fleet = ctx.fleet();
    int spawned = fleet.spawned();
    int n = (int) Math.round(spawned * p.percent() / 100.0);
    ctx.say(
        "incident: power outage: %d agents lose power within %s, dark %s to %s",
        n, p.within(), p.darkMin(), p.darkMax());
    long connectedBefore = ctx.metrics().connectedNow();
    ctx.curves()
        .bootsSince(RunCurves.incidentName(p), n, ctx.metrics().stats().acknowledged("Boot!"));
    // distinct agents: the first n of a seeded shuffle of the indexes (Fisher-Yates, partial)
    SplittableRandom random = new SplittableRandom(ctx.scenario().seed() + 5);
    int[] order = new int[spawned];
    for (int i = 0; i < spawned; i++) {
      order[i] = i;
    }
    long window = p.within().toMillis();
    long darkMin = p.darkMin().toMillis();
    long darkSpread = p.darkMax().toMillis() - darkMin;
    for (int i = 0; i < n; i++) {
      int j = i + random.nextInt(spawned - i);
      int agent = order[j];
      order[j] = order[i];
      long dark = darkMin + (darkSpread == 0 ? 0 : random.nextLong(darkSpread + 1));
      AgentActor.PowerLoss loss = new AgentActor.PowerLoss(dark);
      ctx.transports()
          .group()
          .schedule(
              () -> fleet.tell(agent, loss),
              window == 0 ? 0 : random.nextLong(window + 1),
              TimeUnit.MILLISECONDS);
    }
    ctx.curveBackAfter(p.within(), RunCurves.outageName(p), connectedBefore);
  }
}
