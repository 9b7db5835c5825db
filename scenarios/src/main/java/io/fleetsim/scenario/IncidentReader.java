package io.fleetsim.scenario;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigObject;
import io.fleetsim.config.HoconReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads a scenario's {@code incidents} list: outages, reboot storms, firmware rollouts, flapping,
 * churn, misbehaving agents and timeline replays, each checked against the target it needs and the
 * run's duration; each problem as file:line: key.
 */
final class IncidentReader {
  private static final String ROOT = ScenarioLoader.ROOT;
  private final HoconReader in;
  private final String source;

  IncidentReader(HoconReader in, String source) {
    this.in = in;
    this.source = source;
  }

  List<Scenario.Incident> incidents(Config c, Scenario.Target target, Duration duration) {
    List<Scenario.Incident> out = new ArrayList<>();
    if (!c.hasPath("incidents")) {
      return out;
    }
    List<? extends ConfigObject> list = in.objects(c, "incidents");
    for (int i = 0; i < list.size(); i++) {
      ConfigObject o = list.get(i);
      Config p = o.toConfig();
      String k = ROOT + ".incidents[" + i + "]";
      Duration at = in.duration(p, "at", k);
      if (at.compareTo(duration) >= 0) {
        throw in.error(p.getValue("at"), k + ".at", "after the end of the run (" + duration + ")");
      }
      if (p.hasPath("power-outage")) {
        in.keys(o, k, Set.of("at", "power-outage", "within", "dark-min", "dark-max"));
        double percent = percent(p, k, "power-outage");
        Duration within = p.hasPath("within") ? in.duration(p, "within", k) : Duration.ZERO;
        Duration min =
            p.hasPath("dark-min") ? in.duration(p, "dark-min", k) : Duration.ofSeconds(10);
        Duration max =
            p.hasPath("dark-max") ? in.duration(p, "dark-max", k) : Duration.ofSeconds(60);
        if (max.compareTo(min) < 0) {
          throw in.error(
              p.getValue(p.hasPath("dark-max") ? "dark-max" : "dark-min"),
              k + (p.hasPath("dark-max") ? ".dark-max" : ".dark-min"),
              "dark-max (" + max + ") is below dark-min (" + min + ")");
        }
        out.add(new Scenario.Incident.PowerOutage(at, percent, within, min, max));
      } else if (p.hasPath("network-outage")) {
        in.keys(o, k, Set.of("at", "network-outage"));
        out.add(new Scenario.Incident.NetworkOutage(at, in.duration(p, "network-outage", k)));
      } else if (p.hasPath("outage")) {
        in.keys(o, k, Set.of("at", "outage"));
        out.add(new Scenario.Incident.Outage(at, in.duration(p, "outage", k)));
      } else if (p.hasPath("reboot-storm")) {
        in.keys(o, k, Set.of("at", "reboot-storm", "within"));
        double percent = in.positiveDouble(p, "reboot-storm", k);
        if (percent > 100) {
          throw in.error(
              p.getValue("reboot-storm"), k + ".reboot-storm", "a percentage in (0, 100]");
        }
        out.add(new Scenario.Incident.RebootStorm(at, percent, in.duration(p, "within", k)));
      } else if (p.hasPath("firmware-rollout")) {
        in.keys(
            o,
            k,
            Set.of(
                "at",
                "firmware-rollout",
                "image",
                "size",
                "rate",
                "failures",
                "rollbacks",
                "agents-per-second",
                "in-flight"));
        double percent = in.positiveDouble(p, "firmware-rollout", k);
        if (percent > 100) {
          throw in.error(
              p.getValue("firmware-rollout"), k + ".firmware-rollout", "a percentage in (0, 100]");
        }
        if (!p.hasPath("image")) {
          throw in.error(o, k + ".image", "missing (a file name such as fsim-2.0.0.bin)");
        }
        String image = in.string(p, "image");
        if (image.isEmpty() || image.contains("/") || image.contains("?")) {
          throw in.error(p.getValue("image"), k + ".image", "a file name such as fsim-2.0.0.bin");
        }
        double failures = in.share(p, "failures", k);
        double rollbacks = in.share(p, "rollbacks", k);
        out.add(
            new Scenario.Incident.FirmwareRollout(
                at,
                percent,
                image,
                in.bytes(p, "size", k),
                in.bytes(p, "rate", k),
                failures,
                rollbacks,
                p.hasPath("agents-per-second") ? in.positiveDouble(p, "agents-per-second", k) : 100,
                p.hasPath("in-flight") ? (int) in.positive(p, "in-flight", k) : 1_000));
      } else if (p.hasPath("flapping")) {
        Rounds r = rounds(o, p, k, "flapping", at, duration);
        out.add(new Scenario.Incident.Flapping(at, r.percent(), r.every(), r.until()));
      } else if (p.hasPath("churn")) {
        Rounds r = rounds(o, p, k, "churn", at, duration);
        out.add(new Scenario.Incident.Churn(at, r.percent(), r.every(), r.until()));
      } else if (p.hasPath("replay")) {
        in.keys(o, k, Set.of("at", "replay"));
        out.add(
            new Scenario.Incident.Replay(
                at, Timeline.load(TargetReader.besideScenario(source, in.path(p, "replay", k)))));
      } else if (p.hasPath("misbehaving-agents")) {
        in.keys(o, k, Set.of("at", "misbehaving-agents", "garbage", "flood"));
        int garbage = p.hasPath("garbage") ? (int) in.nonNegative(p, "garbage", k) : 0;
        int flood = p.hasPath("flood") ? (int) in.nonNegative(p, "flood", k) : 0;
        if (garbage + flood == 0) {
          throw in.error(o, k, "a misbehaving agent sends garbage or a flood (or both)");
        }
        out.add(
            new Scenario.Incident.Misbehaving(
                at, (int) in.positive(p, "misbehaving-agents", k), garbage, flood));
      } else {
        throw in.error(
            o,
            k,
            "an incident is { at, power-outage, within, dark-min, dark-max }, { at,"
                + " network-outage }, { at, outage }, { at, reboot-storm, within }, { at,"
                + " firmware-rollout, image, size, rate, … }, { at, flapping, every, until }, {"
                + " at, churn, every, until }, { at, misbehaving-agents, garbage, flood } or {"
                + " at, replay = FILE.csv }");
      }
      if (!out.get(out.size() - 1).fleetSide() && !target.embedded()) {
        throw in.error(
            o,
            k,
            "this incident needs the embedded controller (target.controller = embedded); with"
                + " any target: power-outage, network-outage, flapping, churn,"
                + " misbehaving-agents, replay");
      }
    }
    return out;
  }

  /** A percentage in (0, 100] at {@code name}. */
  private double percent(Config p, String k, String name) {
    double percent = in.positiveDouble(p, name, k);
    if (percent > 100) {
      throw in.error(p.getValue(name), k + "." + name, "a percentage in (0, 100]");
    }
    return percent;
  }

  /** A share of the fleet hit every {@code every} from {@code at} until {@code until}. */
  private record Rounds(double percent, Duration every, Duration until) {}

  /** Reads {@code { at, NAME = percent, every, until }} (until defaults to the run's end). */
  private Rounds rounds(
      ConfigObject o, Config p, String k, String name, Duration at, Duration runEnd) {
    in.keys(o, k, Set.of("at", name, "every", "until"));
    double percent = in.positiveDouble(p, name, k);
    if (percent > 100) {
      throw in.error(p.getValue(name), k + "." + name, "a percentage in (0, 100]");
    }
    Duration every = in.duration(p, "every", k);
    if (every.isZero()) {
      throw in.error(p.getValue("every"), k + ".every", "must be > 0");
    }
    Duration until = p.hasPath("until") ? in.duration(p, "until", k) : runEnd;
    if (until.compareTo(at) <= 0) {
      throw in.error(p.getValue("until"), k + ".until", "must be after at");
    }
    return new Rounds(percent, every, until);
  }
}
