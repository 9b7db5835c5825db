package io.fleetsim.scenario;

import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Starts each incident of the scenario at its time. Incidents run on a thread of their own, not an
 * event loop: starting one may block (a firmware rollout binds its HTTP server and waits for it,
 * which Netty refuses on the loop the new channel happens to be registered on). A failed incident
 * is reported on the console and the run goes on.
 */
final class IncidentDriver implements AutoCloseable {
  private final ScheduledThreadPoolExecutor thread = OneThread.scheduler("fleetsim-incidents");

  IncidentDriver() {
    // at the end of the run, incidents not started yet never start; one under way finishes
    thread.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
  }

  /** Schedules every incident of {@code ctx}'s scenario, times counted from now. */
  void start(IncidentContext ctx) {
    for (Scenario.Incident incident : ctx.scenario().incidents()) {
      IncidentAction action = IncidentAction.of(incident);
      thread.schedule(
          () -> {
            try {
              action.start(ctx);
            } catch (RuntimeException e) {
              ctx.say("incident at %s failed: %s", incident.at(), e);
            }
            ctx.out().flush();
          },
          incident.at().toMillis(),
          TimeUnit.MILLISECONDS);
    }
  }

  /** No incident starts after this; also when the run failed. */
  @Override
  public void close() {
    thread.shutdown();
  }
}
