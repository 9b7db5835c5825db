package io.fleetsim.scenario;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigOrigin;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigValue;
import io.fleetsim.datamodel.ProfileException;
import io.fleetsim.mtp.Tls;
import io.fleetsim.profiles.FleetMix;
import java.io.File;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and validates a scenario (HOCON) in one place. Every problem fails at once with the file,
 * line and key ({@code demo.conf:12: scenario.phases[1].over: must be a duration}), and unknown
 * keys are errors too, so a typo never silently becomes a default. See the README's scenario
 * reference for the format.
 */
public final class ScenarioLoader {
  private static final String ROOT = "scenario";
  private static final Set<String> TOP =
      Set.of(
          "name",
          "duration",
          "seed",
          "target",
          "fleet",
          "phases",
          "behaviour",
          "incidents",
          "assertions",
          "output");

  private final String source;

  private ScenarioLoader(String source) {
    this.source = source;
  }

  /** Loads {@code file} with {@code overrides} (HOCON path → value, e.g. from --set) on top. */
  public static Scenario load(Path file, Map<String, String> overrides) {
    File f = file.toFile();
    if (!f.isFile()) {
      throw new ScenarioException(file + ": no such scenario file");
    }
    Config config;
    try {
      config =
          ConfigFactory.parseMap(overrides, "command line")
              .withFallback(
                  ConfigFactory.parseFile(f, ConfigParseOptions.defaults().setAllowMissing(false)))
              .resolve();
    } catch (ConfigException e) {
      throw new ScenarioException(e.getMessage());
    }
    return parse(config, file.toString());
  }

  /** Validates an already parsed scenario; {@code source} names it in errors. */
  public static Scenario parse(Config config, String source) {
    return new ScenarioLoader(source).scenario(config);
  }

  private Scenario scenario(Config root) {
    if (!root.hasPath(ROOT)) {
      throw error(root.root(), ROOT, "missing top-level 'scenario' block");
    }
    Config c = root.getConfig(ROOT);
    keys(root.getObject(ROOT), ROOT, TOP);
    String name = c.hasPath("name") ? string(c, "name") : "scenario";
    Duration duration = duration(c, "duration", true);
    long seed = c.hasPath("seed") ? number(c, "seed").longValue() : 1;
    Scenario.Target target = target(c);
    int agents = (int) positive(c, "fleet.agents");
    keys(
        c.getObject("fleet"),
        ROOT + ".fleet",
        Set.of("agents", "mix", "profile", "provisioned", "endpoint-id"));
    boolean provisioned = c.hasPath("fleet.provisioned") && bool(c, "fleet.provisioned", ROOT);

    Map<String, String> profileOverrides = new java.util.TreeMap<>();
    if (c.hasPath("fleet.profile")) {
      c.getConfig("fleet.profile")
          .entrySet()
          .forEach(e -> profileOverrides.put(e.getKey(), String.valueOf(e.getValue().unwrapped())));
    }
    if (c.hasPath("fleet.endpoint-id")) {
      String pattern = string(c, "fleet.endpoint-id");
      String problem = EndpointIdPattern.problem(pattern);
      if (problem != null) {
        throw error(c.getValue("fleet.endpoint-id"), ROOT + ".fleet.endpoint-id", problem);
      }
      // every profile names its agents by the same pattern; {index} is fleet-wide, so IDs differ
      profileOverrides.put(
          "objects.\"Device.LocalAgent.\".params.EndpointID.gen.template", pattern);
    }
    FleetMix mix;
    try {
      mix =
          c.hasPath("fleet.mix")
              ? FleetMix.parse(c, "fleet.mix")
              : new FleetMix(List.of(new FleetMix.Entry("home-gateway", 100, null)));
    } catch (ProfileException e) {
      throw new ScenarioException(e.getMessage().replace(": fleet.mix", ": scenario.fleet.mix"));
    }
    checkMixMtps(c, mix, target);
    InjectionPlan plan = phases(c, agents);
    Scenario.Behaviour behaviour = behaviour(c, target);
    // device-side behaviour is profile configuration: one place applies it to every profile
    if (!behaviour.periodicInterval().isZero()) {
      profileOverrides.put(
          "objects.\"Device.LocalAgent.Controller.{i}.\".params.PeriodicNotifInterval.default",
          Long.toString(behaviour.periodicInterval().toSeconds()));
    }
    if (!behaviour.valueChangeEvery().isZero()) {
      profileOverrides.put(
          "agent.value-change-every", behaviour.valueChangeEvery().toMillis() + "ms");
    }
    if (!behaviour.hostChurnEvery().isZero()) {
      profileOverrides.put("agent.host-churn-every", behaviour.hostChurnEvery().toMillis() + "ms");
    }
    List<Scenario.Incident> incidents = incidents(c, target, duration);
    List<Scenario.Assertion> assertions = assertions(c);
    Path output = Path.of(c.hasPath("output") ? string(c, "output") : "target/fleetsim/" + name);
    return new Scenario(
        name,
        source,
        duration,
        seed,
        target,
        agents,
        mix,
        profileOverrides,
        provisioned,
        plan,
        behaviour,
        incidents,
        assertions,
        output);
  }

  private Scenario.Target target(Config c) {
    String key = ROOT + ".target";
    if (!c.hasPath("target")) {
      return new Scenario.Target(
          Scenario.Target.Kind.EMBEDDED_MEMORY, null, "self::fleetsim-controller", true, null);
    }
    keys(
        c.getObject("target"),
        key,
        Set.of("controller", "controller-id", "mtp", "mqtt-version", "ca-cert", "broker"));
    Config t = c.getConfig("target");
    String controller = t.hasPath("controller") ? string(t, "controller") : "embedded";
    String id =
        t.hasPath("controller-id") ? string(t, "controller-id") : "self::fleetsim-controller";
    boolean mqtt5 = true;
    if (t.hasPath("mqtt-version")) {
      String v = string(t, "mqtt-version");
      if (!v.equals("5") && !v.equals("3.1.1")) {
        throw error(t.getValue("mqtt-version"), key + ".mqtt-version", "3.1.1 or 5, not " + v);
      }
      mqtt5 = v.equals("5");
    }
    if (controller.equals("embedded")) {
      String mtp = t.hasPath("mtp") ? string(t, "mtp") : "memory";
      return switch (mtp) {
        case "memory" ->
            new Scenario.Target(Scenario.Target.Kind.EMBEDDED_MEMORY, null, id, mqtt5, null);
        case "websocket" ->
            new Scenario.Target(
                Scenario.Target.Kind.EMBEDDED_WEBSOCKET, null, id, mqtt5, null, broker(t, key));
        default -> throw error(t.getValue("mtp"), key + ".mtp", "memory or websocket, not " + mtp);
      };
    }
    if (t.hasPath("mtp")) {
      throw error(t.getValue("mtp"), key + ".mtp", "only for the embedded controller");
    }
    URI url;
    try {
      url = URI.create(controller);
    } catch (IllegalArgumentException e) {
      throw error(t.getValue("controller"), key + ".controller", "not a URL: " + controller);
    }
    String scheme = String.valueOf(url.getScheme());
    if (url.getHost() == null) {
      throw error(t.getValue("controller"), key + ".controller", "a URL with a host, not " + url);
    }
    Path caCert = null;
    if (t.hasPath("ca-cert")) {
      if (!scheme.equals("wss") && !scheme.equals("mqtts")) {
        throw error(t.getValue("ca-cert"), key + ".ca-cert", "only for wss:// and mqtts://");
      }
      caCert = besideScenario(string(t, "ca-cert"));
      try {
        Tls.client(caCert); // fail now, not at the first connect
      } catch (IllegalArgumentException e) {
        throw error(t.getValue("ca-cert"), key + ".ca-cert", "unusable CA file: " + e.getMessage());
      }
    }
    return switch (scheme) {
      case "ws", "wss" ->
          new Scenario.Target(
              Scenario.Target.Kind.WEBSOCKET, url, id, mqtt5, caCert, broker(t, key));
      case "mqtt", "mqtts" ->
          new Scenario.Target(Scenario.Target.Kind.MQTT, url, id, mqtt5, caCert);
      default ->
          throw error(
              t.getValue("controller"),
              key + ".controller",
              "embedded, ws[s]://HOST:PORT/PATH or mqtt[s]://HOST:PORT, not " + controller);
    };
  }

  /** An optional duration of at least a second, ZERO when absent. */
  private Duration atLeastOneSecond(Config b, String path, String key) {
    Duration d = duration(b, path, key, false);
    if (b.hasPath(path) && d.toMillis() < 1_000) {
      throw error(b.getValue(path), key + "." + path, "a duration >= 1s");
    }
    return d;
  }

  /** {@code target.broker}: the mqtt[s]:// broker of mix entries with mtp = mqtt, or null. */
  private URI broker(Config t, String key) {
    if (!t.hasPath("broker")) {
      return null;
    }
    String b = string(t, "broker");
    URI url;
    try {
      url = URI.create(b);
    } catch (IllegalArgumentException e) {
      throw error(t.getValue("broker"), key + ".broker", "not a URL: " + b);
    }
    String scheme = String.valueOf(url.getScheme());
    if (!(scheme.equals("mqtt") || scheme.equals("mqtts")) || url.getHost() == null) {
      throw error(t.getValue("broker"), key + ".broker", "mqtt[s]://HOST:PORT, not " + b);
    }
    return url;
  }

  /**
   * Each mix entry's own MTP must be one the target can serve: MQTT entries beside a WebSocket
   * target need {@code target.broker}; the in-memory target has no second MTP.
   */
  private void checkMixMtps(Config c, FleetMix mix, Scenario.Target target) {
    for (int i = 0; i < mix.entries().size(); i++) {
      String mtp = mix.entries().get(i).mtp();
      if (mtp == null) {
        continue;
      }
      ConfigValue at = c.getObjectList("fleet.mix").get(i).get("mtp");
      String key = ROOT + ".fleet.mix[" + i + "].mtp";
      boolean ws = mtp.equals("websocket");
      switch (target.kind()) {
        case EMBEDDED_MEMORY ->
            throw error(
                at, key, "the in-memory target has one MTP; use target.mtp = websocket instead");
        case MQTT -> {
          if (ws) {
            throw error(at, key, "needs a ws[s]:// target; this one is " + target.url());
          }
        }
        default -> {
          if (!ws && target.broker() == null) {
            throw error(at, key, "needs target.broker = \"mqtt://HOST:PORT\"");
          }
        }
      }
    }
  }

  /** A file named in the scenario: relative paths are beside the scenario file. */
  private Path besideScenario(String name) {
    Path file = Path.of(name);
    if (!file.isAbsolute()) {
      Path dir = Path.of(source).toAbsolutePath().getParent();
      file = dir == null ? file : dir.resolve(file);
    }
    return file;
  }

  private InjectionPlan phases(Config c, int agents) {
    String key = ROOT + ".phases";
    if (!c.hasPath("phases")) {
      return new InjectionPlan(List.of(new InjectionStep.AtOnce(agents)));
    }
    List<InjectionStep> steps = new ArrayList<>();
    List<? extends ConfigObject> list = objects(c, "phases");
    for (int i = 0; i < list.size(); i++) {
      ConfigObject o = list.get(i);
      Config p = o.toConfig();
      String k = key + "[" + i + "]";
      if (p.hasPath("ramp")) {
        keys(o, k, Set.of("ramp", "over"));
        steps.add(new InjectionStep.Ramp((int) positive(p, "ramp", k), duration(p, "over", k)));
      } else if (p.hasPath("at-once")) {
        keys(o, k, Set.of("at-once"));
        steps.add(new InjectionStep.AtOnce((int) positive(p, "at-once", k)));
      } else if (p.hasPath("rate")) {
        keys(o, k, Set.of("rate", "during"));
        steps.add(
            new InjectionStep.ConstantRate(positiveDouble(p, "rate", k), duration(p, "during", k)));
      } else if (p.hasPath("pause")) {
        keys(o, k, Set.of("pause"));
        steps.add(new InjectionStep.Pause(duration(p, "pause", k)));
      } else {
        throw error(
            o, k, "a phase is one of { ramp, over }, { at-once }, { rate, during }, { pause }");
      }
    }
    InjectionPlan plan = new InjectionPlan(steps);
    if (plan.agents() != agents) {
      throw error(
          c.getValue("phases"),
          key,
          "the phases start " + plan.agents() + " agents but scenario.fleet.agents is " + agents);
    }
    return plan;
  }

  private Scenario.Behaviour behaviour(Config c, Scenario.Target target) {
    String key = ROOT + ".behaviour";
    if (!c.hasPath("behaviour")) {
      return new Scenario.Behaviour(0, 8, 1, 1, false, Duration.ZERO, Duration.ZERO, Duration.ZERO);
    }
    keys(
        c.getObject("behaviour"),
        key,
        Set.of(
            "workload",
            "reboot-after-provisioning",
            "periodic-interval",
            "value-change-every",
            "host-churn-every"));
    Config b = c.getConfig("behaviour");
    Duration periodic = duration(b, "periodic-interval", key, false);
    if (b.hasPath("periodic-interval")
        && (periodic.toMillis() < 1_000 || periodic.toMillis() % 1_000 != 0)) {
      throw error(
          b.getValue("periodic-interval"),
          key + ".periodic-interval",
          "whole seconds >= 1s (PeriodicNotifInterval is in seconds)");
    }
    Duration valueChangeEvery = atLeastOneSecond(b, "value-change-every", key);
    Duration hostChurnEvery = atLeastOneSecond(b, "host-churn-every", key);
    double rate = 0;
    int[] mix = {8, 1, 1};
    if (b.hasPath("workload")) {
      if (!target.embedded()) {
        throw error(
            b.getValue("workload"),
            key + ".workload",
            "only the embedded controller runs a workload");
      }
      keys(b.getObject("workload"), key + ".workload", Set.of("rate", "mix"));
      rate = positiveDouble(b, "workload.rate", key);
      if (b.hasPath("workload.mix")) {
        List<Integer> weights;
        try {
          weights = b.getIntList("workload.mix");
        } catch (ConfigException e) {
          throw error(
              b.getValue("workload.mix"),
              key + ".workload.mix",
              "a list [GET, SET, OPERATE] of weights");
        }
        if (weights.size() != 3
            || weights.stream().anyMatch(w -> w < 0)
            || weights.stream().mapToInt(Integer::intValue).sum() == 0) {
          throw error(
              b.getValue("workload.mix"),
              key + ".workload.mix",
              "three weights >= 0, [GET, SET, OPERATE], not all 0");
        }
        mix = new int[] {weights.get(0), weights.get(1), weights.get(2)};
      }
    }
    boolean reboot =
        b.hasPath("reboot-after-provisioning") && bool(b, "reboot-after-provisioning", key);
    if (reboot && !target.embedded()) {
      throw error(
          b.getValue("reboot-after-provisioning"),
          key + ".reboot-after-provisioning",
          "only for the embedded controller");
    }
    return new Scenario.Behaviour(
        rate, mix[0], mix[1], mix[2], reboot, periodic, valueChangeEvery, hostChurnEvery);
  }

  private List<Scenario.Incident> incidents(Config c, Scenario.Target target, Duration duration) {
    List<Scenario.Incident> out = new ArrayList<>();
    if (!c.hasPath("incidents")) {
      return out;
    }
    List<? extends ConfigObject> list = objects(c, "incidents");
    for (int i = 0; i < list.size(); i++) {
      ConfigObject o = list.get(i);
      Config p = o.toConfig();
      String k = ROOT + ".incidents[" + i + "]";
      boolean fleetSide =
          p.hasPath("flapping")
              || p.hasPath("churn")
              || p.hasPath("misbehaving-agents")
              || p.hasPath("replay");
      if (!fleetSide && !target.embedded()) {
        throw error(
            o, k, "this incident needs the embedded controller (target.controller = embedded)");
      }
      Duration at = duration(p, "at", k);
      if (at.compareTo(duration) >= 0) {
        throw error(p.getValue("at"), k + ".at", "after the end of the run (" + duration + ")");
      }
      if (p.hasPath("outage")) {
        keys(o, k, Set.of("at", "outage"));
        out.add(new Scenario.Incident.Outage(at, duration(p, "outage", k)));
      } else if (p.hasPath("reboot-storm")) {
        keys(o, k, Set.of("at", "reboot-storm", "within"));
        double percent = positiveDouble(p, "reboot-storm", k);
        if (percent > 100) {
          throw error(p.getValue("reboot-storm"), k + ".reboot-storm", "a percentage in (0, 100]");
        }
        out.add(new Scenario.Incident.RebootStorm(at, percent, duration(p, "within", k)));
      } else if (p.hasPath("firmware-rollout")) {
        keys(
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
        double percent = positiveDouble(p, "firmware-rollout", k);
        if (percent > 100) {
          throw error(
              p.getValue("firmware-rollout"), k + ".firmware-rollout", "a percentage in (0, 100]");
        }
        if (!p.hasPath("image")) {
          throw error(o, k + ".image", "missing (a file name such as fsim-2.0.0.bin)");
        }
        String image = string(p, "image");
        if (image.isEmpty() || image.contains("/") || image.contains("?")) {
          throw error(p.getValue("image"), k + ".image", "a file name such as fsim-2.0.0.bin");
        }
        double failures = share(p, "failures", k);
        double rollbacks = share(p, "rollbacks", k);
        out.add(
            new Scenario.Incident.FirmwareRollout(
                at,
                percent,
                image,
                bytes(p, "size", k),
                bytes(p, "rate", k),
                failures,
                rollbacks,
                p.hasPath("agents-per-second") ? positiveDouble(p, "agents-per-second", k) : 100,
                p.hasPath("in-flight") ? (int) positive(p, "in-flight", k) : 1_000));
      } else if (p.hasPath("flapping")) {
        Rounds r = rounds(o, p, k, "flapping", at, duration);
        out.add(new Scenario.Incident.Flapping(at, r.percent(), r.every(), r.until()));
      } else if (p.hasPath("churn")) {
        Rounds r = rounds(o, p, k, "churn", at, duration);
        out.add(new Scenario.Incident.Churn(at, r.percent(), r.every(), r.until()));
      } else if (p.hasPath("replay")) {
        keys(o, k, Set.of("at", "replay"));
        out.add(
            new Scenario.Incident.Replay(at, Timeline.load(besideScenario(string(p, "replay")))));
      } else if (p.hasPath("misbehaving-agents")) {
        keys(o, k, Set.of("at", "misbehaving-agents", "garbage", "flood"));
        int garbage = p.hasPath("garbage") ? (int) nonNegative(p, "garbage", k) : 0;
        int flood = p.hasPath("flood") ? (int) nonNegative(p, "flood", k) : 0;
        if (garbage + flood == 0) {
          throw error(o, k, "a misbehaving agent sends garbage or a flood (or both)");
        }
        out.add(
            new Scenario.Incident.Misbehaving(
                at, (int) positive(p, "misbehaving-agents", k), garbage, flood));
      } else {
        throw error(
            o,
            k,
            "an incident is { at, outage }, { at, reboot-storm, within }, { at, firmware-rollout,"
                + " image, size, rate, … }, { at, flapping, every, until }, { at, churn, every,"
                + " until }, { at,"
                + " misbehaving-agents, garbage, flood } or { at, replay = FILE.csv }");
      }
    }
    return out;
  }

  /** A share of the fleet hit every {@code every} from {@code at} until {@code until}. */
  private record Rounds(double percent, Duration every, Duration until) {}

  /** Reads {@code { at, NAME = percent, every, until }} (until defaults to the run's end). */
  private Rounds rounds(
      ConfigObject o, Config p, String k, String name, Duration at, Duration runEnd) {
    keys(o, k, Set.of("at", name, "every", "until"));
    double percent = positiveDouble(p, name, k);
    if (percent > 100) {
      throw error(p.getValue(name), k + "." + name, "a percentage in (0, 100]");
    }
    Duration every = duration(p, "every", k);
    if (every.isZero()) {
      throw error(p.getValue("every"), k + ".every", "must be > 0");
    }
    Duration until = p.hasPath("until") ? duration(p, "until", k) : runEnd;
    if (until.compareTo(at) <= 0) {
      throw error(p.getValue("until"), k + ".until", "must be after at");
    }
    return new Rounds(percent, every, until);
  }

  private List<Scenario.Assertion> assertions(Config c) {
    List<Scenario.Assertion> out = new ArrayList<>();
    if (!c.hasPath("assertions")) {
      return out;
    }
    List<? extends ConfigObject> list = objects(c, "assertions");
    for (int i = 0; i < list.size(); i++) {
      ConfigObject o = list.get(i);
      Config p = o.toConfig();
      String k = ROOT + ".assertions[" + i + "]";
      if (p.hasPath("latency")) {
        keys(o, k, Set.of("latency", "percentile", "below"));
        double pct = positiveDouble(p, "percentile", k);
        if (pct > 100) {
          throw error(p.getValue("percentile"), k + ".percentile", "a percentile in (0, 100]");
        }
        out.add(
            new Scenario.Assertion.LatencyBelow(
                string(p, "latency"), pct, duration(p, "below", k)));
      } else if (p.hasPath("connected-at-least")) {
        keys(o, k, Set.of("connected-at-least"));
        double pct = positiveDouble(p, "connected-at-least", k);
        if (pct > 100) {
          throw error(
              p.getValue("connected-at-least"),
              k + ".connected-at-least",
              "a percentage in (0, 100]");
        }
        out.add(new Scenario.Assertion.ConnectedAtLeast(pct));
      } else if (p.hasPath("max-drops")) {
        keys(o, k, Set.of("max-drops"));
        long max = number(p, "max-drops").longValue();
        if (max < 0) {
          throw error(p.getValue("max-drops"), k + ".max-drops", "must be >= 0");
        }
        out.add(new Scenario.Assertion.MaxDrops(max));
      } else {
        throw error(
            o,
            k,
            "an assertion is { latency, percentile, below }, { connected-at-least } or { max-drops }");
      }
    }
    return out;
  }

  // ---- typed reads with file:line:key errors ----------------------------------------------------

  private List<? extends ConfigObject> objects(Config c, String path) {
    try {
      return c.getObjectList(path);
    } catch (ConfigException.WrongType e) {
      throw error(c.getValue(path), ROOT + "." + path, "must be a list of { … } blocks");
    }
  }

  private void keys(ConfigObject o, String key, Set<String> allowed) {
    for (Map.Entry<String, ConfigValue> e : o.entrySet()) {
      if (!allowed.contains(e.getKey())) {
        throw error(
            e.getValue(),
            key + "." + e.getKey(),
            "unknown key; expected one of " + new java.util.TreeSet<>(allowed));
      }
    }
  }

  private String string(Config c, String path) {
    try {
      return c.getString(path);
    } catch (ConfigException.WrongType e) {
      throw error(c.getValue(path), path, "must be a string");
    }
  }

  private Number number(Config c, String path) {
    try {
      return c.getNumber(path);
    } catch (ConfigException.WrongType e) {
      throw error(c.getValue(path), path, "must be a number");
    }
  }

  private boolean bool(Config c, String path, String key) {
    try {
      return c.getBoolean(path);
    } catch (ConfigException.WrongType e) {
      throw error(c.getValue(path), key + "." + path, "must be true or false");
    }
  }

  private long positive(Config c, String path) {
    return positive(c, path, ROOT);
  }

  private long positive(Config c, String path, String key) {
    return whole(c, path, key, 1, Integer.MAX_VALUE, "must be > 0");
  }

  private long nonNegative(Config c, String path, String key) {
    return whole(c, path, key, 0, 1_000_000, "must be in 0..1000000");
  }

  /** A whole number in [min, max]; {@code range} says so when it is not. */
  private long whole(Config c, String path, String key, long min, long max, String range) {
    if (!c.hasPath(path)) {
      throw error(c.root(), key + "." + path, "missing");
    }
    long n;
    try {
      n = c.getLong(path);
    } catch (ConfigException.WrongType e) {
      throw error(c.getValue(path), key + "." + path, "must be a whole number");
    }
    if (n < min || n > max) {
      throw error(c.getValue(path), key + "." + path, range);
    }
    return n;
  }

  /** A byte count &gt; 0: a number or a HOCON size such as {@code 8MB} or {@code 2MiB}. */
  private long bytes(Config c, String path, String key) {
    if (!c.hasPath(path)) {
      throw error(c.root(), key + "." + path, "missing");
    }
    long n;
    try {
      n = c.getBytes(path);
    } catch (ConfigException.BadValue | ConfigException.WrongType e) {
      throw error(c.getValue(path), key + "." + path, "must be a size such as 8000000 or 8MB");
    }
    if (n <= 0) {
      throw error(c.getValue(path), key + "." + path, "must be > 0");
    }
    return n;
  }

  /** An optional percentage in [0, 100], 0 when absent. */
  private double share(Config p, String key, String k) {
    double v = p.hasPath(key) ? number(p, key).doubleValue() : 0;
    if (v < 0 || v > 100) {
      throw error(p.getValue(key), k + "." + key, "a percentage in [0, 100]");
    }
    return v;
  }

  private double positiveDouble(Config c, String path, String key) {
    if (!c.hasPath(path)) {
      throw error(c.root(), key + "." + path, "missing");
    }
    double d;
    try {
      d = c.getDouble(path);
    } catch (ConfigException.WrongType e) {
      throw error(c.getValue(path), key + "." + path, "must be a number");
    }
    if (!(d > 0)) {
      throw error(c.getValue(path), key + "." + path, "must be > 0");
    }
    return d;
  }

  private Duration duration(Config c, String path, boolean required) {
    return duration(c, path, ROOT, required);
  }

  private Duration duration(Config c, String path, String key) {
    return duration(c, path, key, true);
  }

  private Duration duration(Config c, String path, String key, boolean required) {
    if (!c.hasPath(path)) {
      if (required) {
        throw error(c.root(), key + "." + path, "missing");
      }
      return Duration.ZERO;
    }
    try {
      Duration d = c.getDuration(path);
      if (d.isNegative()) {
        throw error(c.getValue(path), key + "." + path, "must not be negative");
      }
      return d;
    } catch (ConfigException.BadValue | ConfigException.WrongType e) {
      throw error(c.getValue(path), key + "." + path, "must be a duration such as 30s or 2m");
    }
  }

  private ScenarioException error(ConfigValue at, String key, String problem) {
    return new ScenarioException(
        where(at == null ? null : at.origin()) + ": " + key + ": " + problem);
  }

  private String where(ConfigOrigin origin) {
    String file = origin == null || origin.filename() == null ? source : origin.filename();
    int line = origin == null ? -1 : origin.lineNumber();
    return file + (line > 0 ? ":" + line : "");
  }
}
