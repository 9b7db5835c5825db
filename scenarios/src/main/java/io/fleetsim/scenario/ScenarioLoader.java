package io.fleetsim.scenario;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigParseOptions;
import io.fleetsim.config.HoconReader;
import io.fleetsim.config.HoconSyntax;
import io.fleetsim.datamodel.ProfileException;
import io.fleetsim.datamodel.Schema;
import io.fleetsim.mtp.connect.Connectors;
import io.fleetsim.mtp.stomp.StompConfig;
import io.fleetsim.profiles.FleetMix;
import io.fleetsim.profiles.StompOverlay;
import java.io.File;
import java.net.URI;
import java.nio.file.InvalidPathException;
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
  static final String ROOT = "scenario";
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
          "output",
          "cluster");

  private final String source;
  private final HoconReader in;

  private ScenarioLoader(String source) {
    this.source = source;
    this.in = new HoconReader(source, ROOT, ScenarioException::new);
  }

  /**
   * Compiles the fleet's profiles, each mix entry with its firmware and the scenario's profile
   * overrides: what {@code validate} checks and {@code run} runs. A bad or unknown profile is a
   * {@link ScenarioException} naming the scenario and the profile's own file:line: key.
   */
  public static List<Schema> profiles(Scenario s) {
    try {
      return s.mix().schemas(s.profileOverrides(), e -> mtpOverlay(s.target(), e.mtp()));
    } catch (ProfileException | IllegalArgumentException e) {
      throw new ScenarioException(s.source() + ": fleet profile: " + e.getMessage());
    }
  }

  /**
   * What a mix entry's MTP adds to its profile: over STOMP, Device.STOMP.Connection.1 and the STOMP
   * parts of the MTP tables with the run's broker and settings ({@link StompOverlay}); null for the
   * other MTPs.
   */
  private static java.util.function.UnaryOperator<com.typesafe.config.Config> mtpOverlay(
      Scenario.Target target, String entryMtp) {
    URI broker =
        target.kind() == Scenario.Target.Kind.STOMP
            ? target.url() // a STOMP target's entries are all on it (TargetReader checks)
            : entryMtp == null ? null : target.broker(entryMtp);
    if (broker == null || !Connectors.stomp(broker)) {
      return null;
    }
    StompConfig c = Connectors.stompConfig(broker, target.options());
    return profile -> StompOverlay.of(c, Connectors.secure(broker), profile);
  }

  /** Loads {@code file} with {@code overrides} (HOCON path → value, e.g. from --set) on top. */
  public static Scenario load(Path file, Map<String, String> overrides) {
    return parse(resolve(file, overrides), file.toString());
  }

  /**
   * {@code file} with {@code overrides} on top, resolved: what {@link #load} validates, and what a
   * cluster coordinator sends its workers so that each reads the very same scenario.
   */
  public static Config resolve(Path file, Map<String, String> overrides) {
    File f = file.toFile();
    if (!f.isFile()) {
      throw new ScenarioException(file + ": no such scenario file");
    }
    try {
      return ConfigFactory.parseMap(overrides, "command line")
          .withFallback(
              ConfigFactory.parseFile(f, ConfigParseOptions.defaults().setAllowMissing(false)))
          .resolve();
    } catch (ConfigException e) {
      throw new ScenarioException(HoconSyntax.message(e, file));
    }
  }

  /** Validates an already parsed scenario; {@code source} names it in errors. */
  public static Scenario parse(Config config, String source) {
    try {
      return new ScenarioLoader(source).scenario(config);
    } catch (ConfigException e) {
      // a value of the wrong kind the readers did not check first (a list where a block goes):
      // the HOCON message already names the file, the line and the key
      throw new ScenarioException(e.getMessage());
    }
  }

  /** target/fleetsim/NAME: a name the file system cannot take is an error on {@code name}. */
  private Path defaultOutput(Config c, String name) {
    try {
      return Path.of("target/fleetsim", name);
    } catch (InvalidPathException e) {
      throw in.error(
          c.getValue("name"), "scenario.name", "cannot name the output folder: " + e.getReason());
    }
  }

  private Scenario scenario(Config root) {
    if (!root.hasPath(ROOT)) {
      throw in.error(root.root(), ROOT, "missing top-level 'scenario' block");
    }
    Config c = root.getConfig(ROOT);
    in.keys(root.getObject(ROOT), ROOT, TOP);
    String name = c.hasPath("name") ? in.string(c, "name") : "scenario";
    Duration duration = in.duration(c, "duration", true);
    long seed = c.hasPath("seed") ? in.number(c, "seed").longValue() : 1;
    Scenario.Target target = new TargetReader(in, source).target(c);
    int agents = (int) in.positive(c, "fleet.agents");
    in.keys(
        c.getObject("fleet"),
        ROOT + ".fleet",
        Set.of("agents", "mix", "profile", "provisioned", "endpoint-id", "identity", "identities"));
    target =
        target.withIdentities(
            new IdentityReader(in, source)
                .read(c.getConfig("fleet"), ROOT + ".fleet", target, agents, System.getenv()));
    boolean provisioned = c.hasPath("fleet.provisioned") && in.bool(c, "fleet.provisioned", ROOT);

    Map<String, String> profileOverrides = new java.util.TreeMap<>();
    if (c.hasPath("fleet.profile")) {
      c.getConfig("fleet.profile")
          .entrySet()
          .forEach(e -> profileOverrides.put(e.getKey(), String.valueOf(e.getValue().unwrapped())));
    }
    if (c.hasPath("fleet.endpoint-id")) {
      String pattern = in.string(c, "fleet.endpoint-id");
      String problem = EndpointIdPattern.problem(pattern);
      if (problem != null) {
        throw in.error(c.getValue("fleet.endpoint-id"), ROOT + ".fleet.endpoint-id", problem);
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
    TargetReader.checkMixMtps(in, c, mix, target);
    if (target.identities().devices() != null) {
      // agent i is the list's row i: its EndpointID, serial and MAC (ProfileMembers)
      profileOverrides.put("agent.device-list", target.identities().devices().file().toString());
    }
    // the agents' Controller.1 is the target's Controller: the EndpointID its requests come from
    // and its Records go to (a profile's own default would make every request UNKNOWN_CONTROLLER)
    profileOverrides.putIfAbsent(
        "objects.\"Device.LocalAgent.Controller.{i}.\".params.EndpointID.default",
        target.controllerId());
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
    List<Scenario.Incident> incidents =
        new IncidentReader(in, source).incidents(c, target, duration);
    List<Scenario.Assertion> assertions = assertions(c);
    Path output = c.hasPath("output") ? in.path(c, "output", "scenario") : defaultOutput(c, name);
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
        output,
        ClusterReader.cluster(in, c));
  }

  /** An optional duration of at least a second, ZERO when absent. */
  static Duration atLeastOneSecond(HoconReader in, Config b, String path, String key) {
    Duration d = in.duration(b, path, key, false);
    if (b.hasPath(path) && d.toMillis() < 1_000) {
      throw in.error(b.getValue(path), key + "." + path, "a duration >= 1s");
    }
    return d;
  }

  private InjectionPlan phases(Config c, int agents) {
    String key = ROOT + ".phases";
    if (!c.hasPath("phases")) {
      return new InjectionPlan(List.of(new InjectionStep.AtOnce(agents)));
    }
    List<InjectionStep> steps = new ArrayList<>();
    List<? extends ConfigObject> list = in.objects(c, "phases");
    for (int i = 0; i < list.size(); i++) {
      ConfigObject o = list.get(i);
      Config p = o.toConfig();
      String k = key + "[" + i + "]";
      if (p.hasPath("ramp")) {
        in.keys(o, k, Set.of("ramp", "over"));
        steps.add(
            new InjectionStep.Ramp((int) in.positive(p, "ramp", k), in.duration(p, "over", k)));
      } else if (p.hasPath("at-once")) {
        in.keys(o, k, Set.of("at-once"));
        steps.add(new InjectionStep.AtOnce((int) in.positive(p, "at-once", k)));
      } else if (p.hasPath("rate")) {
        in.keys(o, k, Set.of("rate", "during"));
        steps.add(
            new InjectionStep.ConstantRate(
                in.positiveDouble(p, "rate", k), in.duration(p, "during", k)));
      } else if (p.hasPath("pause")) {
        in.keys(o, k, Set.of("pause"));
        steps.add(new InjectionStep.Pause(in.duration(p, "pause", k)));
      } else {
        throw in.error(
            o, k, "a phase is one of { ramp, over }, { at-once }, { rate, during }, { pause }");
      }
    }
    InjectionPlan plan = new InjectionPlan(steps);
    if (plan.agents() != agents) {
      throw in.error(
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
    in.keys(
        c.getObject("behaviour"),
        key,
        Set.of(
            "workload",
            "reboot-after-provisioning",
            "periodic-interval",
            "value-change-every",
            "host-churn-every"));
    Config b = c.getConfig("behaviour");
    Duration periodic = in.duration(b, "periodic-interval", key, false);
    if (b.hasPath("periodic-interval")
        && (periodic.toMillis() < 1_000 || periodic.toMillis() % 1_000 != 0)) {
      throw in.error(
          b.getValue("periodic-interval"),
          key + ".periodic-interval",
          "whole seconds >= 1s (PeriodicNotifInterval is in seconds)");
    }
    Duration valueChangeEvery = atLeastOneSecond(in, b, "value-change-every", key);
    Duration hostChurnEvery = atLeastOneSecond(in, b, "host-churn-every", key);
    double rate = 0;
    int[] mix = {8, 1, 1};
    if (b.hasPath("workload")) {
      if (!target.embedded()) {
        throw in.error(
            b.getValue("workload"),
            key + ".workload",
            "only the embedded controller runs a workload");
      }
      in.keys(b.getObject("workload"), key + ".workload", Set.of("rate", "mix"));
      rate = in.positiveDouble(b, "workload.rate", key);
      if (b.hasPath("workload.mix")) {
        List<Integer> weights;
        try {
          weights = b.getIntList("workload.mix");
        } catch (ConfigException e) {
          throw in.error(
              b.getValue("workload.mix"),
              key + ".workload.mix",
              "a list [GET, SET, OPERATE] of weights");
        }
        if (weights.size() != 3
            || weights.stream().anyMatch(w -> w < 0)
            || weights.stream().mapToInt(Integer::intValue).sum() == 0) {
          throw in.error(
              b.getValue("workload.mix"),
              key + ".workload.mix",
              "three weights >= 0, [GET, SET, OPERATE], not all 0");
        }
        mix = new int[] {weights.get(0), weights.get(1), weights.get(2)};
      }
    }
    boolean reboot =
        b.hasPath("reboot-after-provisioning") && in.bool(b, "reboot-after-provisioning", key);
    if (reboot && !target.embedded()) {
      throw in.error(
          b.getValue("reboot-after-provisioning"),
          key + ".reboot-after-provisioning",
          "only for the embedded controller");
    }
    return new Scenario.Behaviour(
        rate, mix[0], mix[1], mix[2], reboot, periodic, valueChangeEvery, hostChurnEvery);
  }

  private List<Scenario.Assertion> assertions(Config c) {
    List<Scenario.Assertion> out = new ArrayList<>();
    if (!c.hasPath("assertions")) {
      return out;
    }
    List<? extends ConfigObject> list = in.objects(c, "assertions");
    for (int i = 0; i < list.size(); i++) {
      ConfigObject o = list.get(i);
      Config p = o.toConfig();
      String k = ROOT + ".assertions[" + i + "]";
      if (p.hasPath("latency")) {
        in.keys(o, k, Set.of("latency", "percentile", "below"));
        double pct = in.positiveDouble(p, "percentile", k);
        if (pct > 100) {
          throw in.error(p.getValue("percentile"), k + ".percentile", "a percentile in (0, 100]");
        }
        out.add(
            new Scenario.Assertion.LatencyBelow(
                in.string(p, "latency"), pct, in.duration(p, "below", k)));
      } else if (p.hasPath("connected-at-least")) {
        in.keys(o, k, Set.of("connected-at-least"));
        double pct = in.positiveDouble(p, "connected-at-least", k);
        if (pct > 100) {
          throw in.error(
              p.getValue("connected-at-least"),
              k + ".connected-at-least",
              "a percentage in (0, 100]");
        }
        out.add(new Scenario.Assertion.ConnectedAtLeast(pct));
      } else if (p.hasPath("max-drops")) {
        in.keys(o, k, Set.of("max-drops"));
        long max = in.number(p, "max-drops").longValue();
        if (max < 0) {
          throw in.error(p.getValue("max-drops"), k + ".max-drops", "must be >= 0");
        }
        out.add(new Scenario.Assertion.MaxDrops(max));
      } else {
        throw in.error(
            o,
            k,
            "an assertion is { latency, percentile, below }, { connected-at-least } or { max-drops }");
      }
    }
    return out;
  }
}
