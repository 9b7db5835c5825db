package io.fleetsim.scenario;

import static io.fleetsim.usp.message.Json.quote;

import io.fleetsim.usp.message.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A scenario's phases and incidents on one time axis, as the report and the live dashboard show
 * them: each injection step after the previous one, each incident at its time, with when it ends.
 */
final class RunTimeline {
  private RunTimeline() {}

  /** One entry: from {@code at} to {@code until} seconds since the start (equal for an instant). */
  record Event(double at, double until, String kind, String what) {}

  static List<Event> of(Scenario s) {
    List<Event> out = new ArrayList<>();
    Duration start = Duration.ZERO;
    for (InjectionStep step : s.plan().steps()) {
      Duration end = start.plus(step.duration());
      out.add(new Event(seconds(start), seconds(end), "phase", phase(step)));
      start = end;
    }
    for (Scenario.Incident i : s.incidents()) {
      out.add(incident(i));
    }
    out.sort(java.util.Comparator.comparingDouble(Event::at));
    return out;
  }

  /** The events as a JSON array. */
  static String json(List<Event> events) {
    return Json.array(
        events,
        e ->
            String.format(
                Locale.ROOT,
                "{\"at\": %.1f, \"until\": %.1f, \"kind\": %s, \"what\": %s}",
                e.at(),
                e.until(),
                quote(e.kind()),
                quote(e.what())));
  }

  private static String phase(InjectionStep step) {
    if (step instanceof InjectionStep.AtOnce a) {
      return a.agents() + " agents at once";
    } else if (step instanceof InjectionStep.Ramp r) {
      return "ramp of " + r.agents() + " agents over " + human(r.over());
    } else if (step instanceof InjectionStep.ConstantRate c) {
      return String.format(
          Locale.ROOT, "%.1f agents/s for %s (%d)", c.perSecond(), human(c.during()), c.agents());
    }
    return "pause of " + human(step.duration());
  }

  private static Event incident(Scenario.Incident i) {
    double at = seconds(i.at());
    if (i instanceof Scenario.Incident.Outage o) {
      return new Event(at, seconds(o.at().plus(o.length())), "outage", "Controller down");
    } else if (i instanceof Scenario.Incident.NetworkOutage n) {
      return new Event(
          at, seconds(n.at().plus(n.length())), "network outage", "the fleet's link is cut");
    } else if (i instanceof Scenario.Incident.PowerOutage p) {
      return new Event(
          at,
          seconds(p.at().plus(p.within()).plus(p.darkMax())),
          "power outage",
          String.format(
              Locale.ROOT,
              "%.1f %% of the agents lose power, dark %s to %s",
              p.percent(),
              human(p.darkMin()),
              human(p.darkMax())));
    } else if (i instanceof Scenario.Incident.RebootStorm r) {
      return new Event(
          at,
          seconds(r.at().plus(r.within())),
          "reboot storm",
          String.format(Locale.ROOT, "%.1f %% of the agents rebooted", r.percent()));
    } else if (i instanceof Scenario.Incident.FirmwareRollout f) {
      return new Event(
          at,
          at,
          "firmware rollout",
          String.format(
              Locale.ROOT,
              "%s to %.1f %% (%.1f %% downloads fail, %.1f %% roll back)",
              f.image(),
              f.percent(),
              f.failures(),
              f.rollbacks()));
    } else if (i instanceof Scenario.Incident.Flapping f) {
      return new Event(
          at,
          seconds(f.until()),
          "flapping",
          String.format(
              Locale.ROOT, "%.1f %% lose their link every %s", f.percent(), human(f.every())));
    } else if (i instanceof Scenario.Incident.Churn c) {
      return new Event(
          at,
          seconds(c.until()),
          "churn",
          String.format(Locale.ROOT, "%.1f %% replaced every %s", c.percent(), human(c.every())));
    } else if (i instanceof Scenario.Incident.Misbehaving m) {
      return new Event(
          at,
          at,
          "misbehaving",
          m.agents()
              + " agents send "
              + m.garbage()
              + " garbage Records, "
              + m.flood()
              + " Notify");
    }
    Scenario.Incident.Replay r = (Scenario.Incident.Replay) i;
    Duration last =
        r.timeline().entries().stream()
            .map(Timeline.Entry::offset)
            .max(Duration::compareTo)
            .orElse(Duration.ZERO);
    return new Event(
        at,
        seconds(r.at().plus(last)), // its drops are the scenario's doing until the last one
        "replay",
        r.timeline().entries().size() + " events of " + r.timeline().file().getFileName());
  }

  private static double seconds(Duration d) {
    return d.toMillis() / 1000.0;
  }

  private static String human(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }
}
