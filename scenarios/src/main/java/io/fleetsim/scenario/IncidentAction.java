package io.fleetsim.scenario;

/**
 * What one kind of {@link Scenario.Incident} does when its time comes: one class per kind. An
 * action may schedule later rounds of itself (flapping, churn) on the run's event loops.
 */
sealed interface IncidentAction
    permits OutageIncident,
        PowerOutageIncident,
        NetworkOutageIncident,
        RebootStormIncident,
        FirmwareRolloutIncident,
        FlappingIncident,
        ChurnIncident,
        MisbehavingIncident,
        ReplayIncident {

  /** Starts the incident; runs on the incident thread, which may block (a server's bind). */
  void start(IncidentContext ctx);

  /** The action of {@code incident}. */
  static IncidentAction of(Scenario.Incident incident) {
    if (incident instanceof Scenario.Incident.Outage o) {
      return new OutageIncident(o);
    } else if (incident instanceof Scenario.Incident.PowerOutage p) {
      return new PowerOutageIncident(p);
    } else if (incident instanceof Scenario.Incident.NetworkOutage n) {
      return new NetworkOutageIncident(n);
    } else if (incident instanceof Scenario.Incident.RebootStorm r) {
      return new RebootStormIncident(r);
    } else if (incident instanceof Scenario.Incident.FirmwareRollout f) {
      return new FirmwareRolloutIncident(f);
    } else if (incident instanceof Scenario.Incident.Flapping f) {
      return new FlappingIncident(f);
    } else if (incident instanceof Scenario.Incident.Churn c) {
      return new ChurnIncident(c);
    } else if (incident instanceof Scenario.Incident.Misbehaving m) {
      return new MisbehavingIncident(m);
    }
    return new ReplayIncident((Scenario.Incident.Replay) incident);
  }
}
