package io.fleetsim.scenario;

import io.fleetsim.fleet.ActorFleet;
import io.fleetsim.fleet.AgentActor;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Replays a recorded timeline (CSV or JSON) of fleet events: link drops, reboots and garbage
 * Records, each to the agents its entry selects, at the entry's offset.
 */
final class ReplayIncident implements IncidentAction {
  private final Scenario.Incident.Replay r;

  ReplayIncident(Scenario.Incident.Replay replay) {
    this.r = replay;
  }

  @Override
  public void start(IncidentContext ctx) {
    ctx.say(
        "incident: replaying %d events of %s",
        r.timeline().entries().size(), r.timeline().file().getFileName());
    for (Timeline.Entry e : r.timeline().entries()) {
      ctx.transports()
          .group()
          .schedule(() -> replay(ctx, e), e.offset().toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private static void replay(IncidentContext ctx, Timeline.Entry e) {
    AgentActor.Command command =
        switch (e.event()) {
          case DROP -> AgentActor.Drop.INSTANCE;
          case REBOOT -> AgentActor.PowerCycle.INSTANCE;
          case GARBAGE -> new AgentActor.Misbehave(1, 0);
        };
    ActorFleet fleet = ctx.fleet();
    int spawned = fleet.spawned();
    int[] agents =
        e.byIndex()
            ? java.util.stream.IntStream.of(e.select(fleet.indexBound(), ctx.scenario().seed()))
                .map(fleet::local)
                .filter(i -> i >= 0 && i < spawned)
                .toArray()
            : e.select(spawned, ctx.scenario().seed());
    ctx.say(
        "replay: %s %s (%d agents)",
        e.event().name().toLowerCase(Locale.ROOT), e.agents(), agents.length);
    for (int i : agents) {
      fleet.tell(i, command);
    }
  }
}
