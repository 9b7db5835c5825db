package io.fleetsim.scenario;

import io.fleetsim.fleet.ActorFleet;
import io.fleetsim.fleet.AgentActor;

/**
 * The fleet's own link to its target is cut, whatever the target: every session drops without a
 * DisconnectRecord and every connect fails ({@link io.fleetsim.mtp.connect.LinkCut}) for the length
 * of the cut; then the agents return along their TR-369 retry wait, and the curve back counts them
 * as after the Controller's own outage.
 */
final class NetworkOutageIncident implements IncidentAction {
  private final Scenario.Incident.NetworkOutage outage;

  NetworkOutageIncident(Scenario.Incident.NetworkOutage outage) {
    this.outage = outage;
  }

  @Override
  public void start(IncidentContext ctx) {
    ctx.say("incident: the fleet's network is cut for %s", outage.length());
    long connectedBefore = ctx.metrics().connectedNow();
    ctx.link().cut(outage.length());
    ActorFleet fleet = ctx.fleet();
    for (int i = 0; i < fleet.spawned(); i++) {
      fleet.tell(i, AgentActor.Drop.INSTANCE);
    }
    ctx.curveBackAfter(outage.length(), RunCurves.outageName(outage), connectedBefore);
  }
}
