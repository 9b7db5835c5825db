package io.fleetsim.scenario;

/**
 * The Controller is unreachable for a while (its first MTP goes down); when it is back, a curve
 * follows how the agents that were connected before reconnect along their TR-369 retry spread.
 */
final class OutageIncident implements IncidentAction {
  private final Scenario.Incident.Outage outage;

  OutageIncident(Scenario.Incident.Outage outage) {
    this.outage = outage;
  }

  @Override
  public void start(IncidentContext ctx) {
    ctx.say("incident: outage for %s", outage.length());
    long connectedBefore = ctx.metrics().connectedNow();
    ctx.controller().outage(outage.length(), ctx.transports().group());
    ctx.curveBackAfter(outage.length(), RunCurves.outageName(outage), connectedBefore);
  }
}
