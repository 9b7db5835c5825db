package io.fleetsim.scenario;

import io.fleetsim.fleet.ActorFleet;
import io.fleetsim.fleet.AgentActor;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Devices that leave for good and new ones that join: each round, a share of the devices that have
 * not left yet stop (with a DisconnectRecord) and as many are spawned from the fleet's reserve.
 */
final class ChurnIncident implements IncidentAction {
  private final Scenario.Incident.Churn c;

  ChurnIncident(Scenario.Incident.Churn churn) {
    this.c = churn;
  }

  @Override
  public void start(IncidentContext ctx) {
    round(ctx, new SplittableRandom(ctx.scenario().seed() + 4), c.at(), new HashSet<>());
  }

  /** One round of churn; then the next one {@code every} later while before {@code until}. */
  private void round(
      IncidentContext ctx, SplittableRandom random, Duration now, Set<Integer> left) {
    ActorFleet fleet = ctx.fleet();
    int n = c.perRound(ctx.scenario().agents());
    int spawned = fleet.spawned();
    int leaving = 0;
    for (int tries = 0; leaving < n && tries < 20 * n && left.size() < spawned; tries++) {
      int i = random.nextInt(Math.max(1, spawned));
      if (left.add(i)) {
        fleet.tell(i, AgentActor.Stop.INSTANCE);
        leaving++;
      }
    }
    fleet.spawn(n);
    ctx.say("incident: churn: %d devices leave, %d new ones join", leaving, n);
    Duration next = now.plus(c.every());
    if (next.compareTo(c.until()) < 0) {
      ctx.transports()
          .group()
          .schedule(
              () -> round(ctx, random, next, left), c.every().toMillis(), TimeUnit.MILLISECONDS);
    }
  }
}
