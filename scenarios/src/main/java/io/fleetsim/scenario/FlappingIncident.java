package io.fleetsim.scenario;

import io.fleetsim.fleet.ActorFleet;
import io.fleetsim.fleet.AgentActor;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Links that flap: every {@code every}, a share of the agents lose their MTP connection and come
 * back along their retry spread, until {@code until}.
 */
final class FlappingIncident implements IncidentAction {
  private final Scenario.Incident.Flapping f;

  FlappingIncident(Scenario.Incident.Flapping flapping) {
    this.f = flapping;
  }

  @Override
  public void start(IncidentContext ctx) {
    round(ctx, new SplittableRandom(ctx.scenario().seed() + 2), f.at());
  }

  /** One round of flapping, then the next one {@code every} later while before {@code until}. */
  private void round(IncidentContext ctx, SplittableRandom random, Duration now) {
    ActorFleet fleet = ctx.fleet();
    int n = (int) Math.round(fleet.spawned() * f.percent() / 100.0);
    ctx.say("incident: %d agents lose their link", n);
    for (int i = 0; i < n; i++) {
      fleet.tell(random.nextInt(Math.max(1, fleet.spawned())), AgentActor.Drop.INSTANCE);
    }
    Duration next = now.plus(f.every());
    if (next.compareTo(f.until()) < 0) {
      ctx.transports()
          .group()
          .schedule(() -> round(ctx, random, next), f.every().toMillis(), TimeUnit.MILLISECONDS);
    }
  }
}
