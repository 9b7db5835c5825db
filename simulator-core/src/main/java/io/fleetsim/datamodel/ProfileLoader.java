package io.fleetsim.datamodel;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigOrigin;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigSyntax;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.io.File;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Compiles a HOCON device profile into a shared {@link Schema}. Every problem fails fast with a
 * {@link ProfileException} naming file, line and key. The format is described in docs/PROFILES.md:
 *
 * <pre>
 * profile {
 *   name = test-gateway
 *   objects {
 *     "Device.DeviceInfo." { params { SerialNumber { type = string, gen { template = "FS{index:08}" } } } }
 *     "Device.DeviceInfo.FirmwareImage.{i}." { instances = 2, unique-keys = [[Alias]], params { ... } }
 *   }
 * }
 * </pre>
 */
public final class ProfileLoader {

  /** Keys of a value's type and constraints, shared by parameters and command arguments. */
  private static final List<String> SPEC_KEYS =
      List.of("type", "default", "enum", "min", "max", "min-length", "max-length", "list");

  private static final List<String> PARAM_KEYS =
      concat(SPEC_KEYS, "access", "secured", "value-change", "gen", "per-instance");
  private static final List<String> ARG_KEYS = concat(SPEC_KEYS, "mandatory");

  private ProfileLoader() {}

  private static List<String> concat(List<String> base, String... more) {
    List<String> all = new ArrayList<>(base);
    all.addAll(List.of(more));
    return List.copyOf(all);
  }

  /** Loads a profile file. */
  public static Schema load(File file) {
    return load(file, ConfigFactory.empty());
  }

  /** Loads a profile file with overrides applied before substitutions resolve. */
  public static Schema load(File file, Config overrides) {
    return load(
        () ->
            ConfigFactory.parseFile(
                file,
                ConfigParseOptions.defaults().setAllowMissing(false).setSyntax(ConfigSyntax.CONF)),
        overrides,
        file.getName());
  }

  /** Loads a profile from the classpath, e.g. {@code profiles/test-gateway.conf}. */
  public static Schema loadResource(String resource) {
    return loadResource(resource, ConfigFactory.empty());
  }

  /**
   * Loads a classpath profile with overrides (for example {@code profile.firmware.version}) applied
   * before substitutions resolve, so everything derived from an overridden value follows it.
   */
  public static Schema loadResource(String resource, Config overrides) {
    return load(
        () ->
            ConfigFactory.parseResources(
                resource, ConfigParseOptions.defaults().setAllowMissing(false)),
        overrides,
        resource);
  }

  private static Schema load(
      java.util.function.Supplier<Config> parser, Config overrides, String source) {
    Config parsed;
    try {
      parsed = parser.get();
    } catch (ConfigException e) {
      throw new ProfileException(e.getMessage());
    }
    return compile(resolve(overrides.withFallback(parsed)), source);
  }

  /** Parses a profile file without compiling it (syntax errors carry file and line). */
  public static Config parse(File file) {
    try {
      return resolve(
          ConfigFactory.parseFile(
              file,
              ConfigParseOptions.defaults().setAllowMissing(false).setSyntax(ConfigSyntax.CONF)));
    } catch (ConfigException e) {
      throw new ProfileException(e.getMessage());
    }
  }

  private static Config resolve(Config config) {
    try {
      return config.resolve();
    } catch (ConfigException e) {
      throw new ProfileException(e.getMessage());
    }
  }

  /** Compiles a parsed profile; {@code source} names it when the config has no file origin. */
  public static Schema compile(Config config, String source) {
    try {
      return new Compiler(config, source).compile();
    } catch (ConfigException e) {
      throw new ProfileException(e.getMessage());
    }
  }

  private static final class Compiler {
    private final Config config;
    private final String source;
    private final List<ObjectNode> objects = new ArrayList<>();
    private final List<ParamNode> params = new ArrayList<>();
    private final Map<String, ObjectNode> byPath = new HashMap<>();
    private final Map<ObjectNode, String> numEntriesOrigin = new LinkedHashMap<>();

    /** {@code agent.value-change-every}: overrides every hop's {@code every} (0: keep them). */
    private final long hopEvery;

    /**
     * {@code agent.host-churn-every}: the shortest presence cycle of every churning table (the
     * longest keeps its ratio to it); 0 keeps the profile's.
     */
    private final long churnEvery;

    Compiler(Config config, String source) {
      this.config = config;
      this.source = source;
      String key = "profile.agent.value-change-every";
      this.hopEvery = config.hasPath(key) ? config.getDuration(key, TimeUnit.MILLISECONDS) : 0;
      String churnKey = "profile.agent.host-churn-every";
      this.churnEvery =
          config.hasPath(churnKey) ? config.getDuration(churnKey, TimeUnit.MILLISECONDS) : 0;
    }

    Schema compile() {
      if (!config.hasPath("profile")) {
        throw error(config.root().origin(), "profile", "missing top-level 'profile' block");
      }
      Config profile = config.getConfig("profile");
      String name = requireString(profile, "name", "profile.name");
      String uri =
          profile.hasPath("data-model-uri")
              ? profile.getString("data-model-uri")
              : "urn:broadband-forum-org:tr-181-2-19-1-usp";
      ConfigObject objectsBlock = requireObject(profile, "objects", "profile.objects");
      List<Map.Entry<String, ConfigValue>> entries = new ArrayList<>(objectsBlock.entrySet());
      // HOCON objects are unordered: parents first (fewer dots), then in file order.
      entries.sort(
          Comparator.comparingInt((Map.Entry<String, ConfigValue> e) -> dots(e.getKey()))
              .thenComparingInt(e -> line(e.getValue().origin())));
      for (Map.Entry<String, ConfigValue> e : entries) {
        object(e.getKey(), e.getValue());
      }
      ObjectNode root = byPath.get("Device.");
      if (root == null) {
        throw error(objectsBlock.origin(), "profile.objects", "\"Device.\" must be defined");
      }
      linkNumEntries();
      ProfileSettings settings = settings(profile);
      return new Schema(name, uri, root, objects, params, byPath, settings);
    }

    private ProfileSettings settings(Config profile) {
      Config agent = profile.hasPath("agent") ? profile.getConfig("agent") : ConfigFactory.empty();
      return new ProfileSettings(
          agent.hasPath("supported-protocols")
              ? agent.getString("supported-protocols")
              : ProfileSettings.USP_VERSIONS,
          agent.hasPath("reboot-time")
              ? agent.getDuration("reboot-time", TimeUnit.MILLISECONDS)
              : 5_000,
          agent.hasPath("download-time")
              ? agent.getDuration("download-time", TimeUnit.MILLISECONDS)
              : 10_000);
    }

    private void object(String path, ConfigValue value) {
      String key = "profile.objects.\"" + path + "\"";
      if (value.valueType() != ConfigValueType.OBJECT) {
        throw error(value.origin(), key, "an object definition must be a block");
      }
      if (!path.startsWith("Device.") || !path.endsWith(".")) {
        throw error(value.origin(), key, "object paths start with 'Device.' and end with '.'");
      }
      if (byPath.containsKey(path)) {
        throw error(value.origin(), key, "defined twice");
      }
      boolean table = path.endsWith(".{i}.");
      String withoutTable = table ? path.substring(0, path.length() - 4) : path;
      String trimmed = withoutTable.substring(0, withoutTable.length() - 1);
      int dot = trimmed.lastIndexOf('.');
      String name = trimmed.substring(dot + 1);
      if (!name.matches("[A-Za-z_][A-Za-z0-9_-]*")) {
        throw error(value.origin(), key, "bad object name '" + name + "'");
      }
      ObjectNode parent = null;
      if (dot >= 0) {
        String parentPath = trimmed.substring(0, dot + 1);
        parent = byPath.get(parentPath);
        if (parent == null) {
          throw error(value.origin(), key, "parent object \"" + parentPath + "\" is not defined");
        }
        if (parent.child(name) != null || parent.param(name) != null) {
          throw error(value.origin(), key, "name '" + name + "' already used in " + parentPath);
        }
      }
      Config c = ((ConfigObject) value).toConfig();
      checkKeys(
          (ConfigObject) value,
          key,
          "access",
          "instances",
          "min-entries",
          "max-entries",
          "unique-keys",
          "num-entries",
          "enable",
          "present-in",
          "churn",
          "params",
          "commands",
          "events");
      ObjectNode node = new ObjectNode(objects.size(), name, parent, table);
      node.origin = where(value.origin());
      objects.add(node);
      byPath.put(path, node);
      if (parent != null) {
        parent.children.put(name, node);
      }
      String access = c.hasPath("access") ? c.getString("access") : "readOnly";
      if (!access.equals("readOnly") && !access.equals("readWrite")) {
        throw error(c.getValue("access").origin(), key + ".access", "readOnly or readWrite");
      }
      node.writable = table && access.equals("readWrite");
      if (!table) {
        for (String tableOnly : List.of("instances", "unique-keys", "num-entries", "min-entries")) {
          if (c.hasPath(tableOnly)) {
            throw error(
                c.getValue(tableOnly).origin(), key + "." + tableOnly, "only tables ({i}) have it");
          }
        }
        node.minEntries = 1;
        node.maxEntries = 1;
      } else {
        node.minEntries = c.hasPath("min-entries") ? c.getInt("min-entries") : 0;
        node.maxEntries = c.hasPath("max-entries") ? c.getInt("max-entries") : Integer.MAX_VALUE;
        node.defaultInstances(c.hasPath("instances") ? c.getInt("instances") : 0);
        if (node.defaultInstances() < node.minEntries
            || node.defaultInstances() > node.maxEntries) {
          throw error(
              c.getValue("instances").origin(),
              key + ".instances",
              "must lie within min-entries..max-entries");
        }
        if (c.hasPath("num-entries")) {
          node.numEntriesParameter = c.getString("num-entries");
          numEntriesOrigin.put(node, where(c.getValue("num-entries").origin()));
        }
      }
      if (c.hasPath("churn")) {
        node.churn = churn(c, node, key);
      }
      if (c.hasPath("present-in")) {
        if (table || parent == null || parent.depth() == 0) {
          throw error(
              c.getValue("present-in").origin(),
              key + ".present-in",
              "only single objects inside a table row have it");
        }
        node.presentIn(instanceList(c, "present-in", key));
      }
      if (c.hasPath("params")) {
        ConfigObject ps = requireObject(c, "params", key + ".params");
        for (Map.Entry<String, ConfigValue> p : inFileOrder(ps)) {
          param(node, p.getKey(), p.getValue(), key + ".params." + p.getKey());
        }
      }
      if (c.hasPath("enable")) {
        node.enableParameter = c.getString("enable");
        if (node.param(node.enableParameter) == null) {
          throw error(c.getValue("enable").origin(), key + ".enable", "no such parameter");
        }
      }
      if (c.hasPath("unique-keys")) {
        for (List<String> k : uniqueKeys(c, key)) {
          for (String p : k) {
            if (node.param(p) == null) {
              throw error(
                  c.getValue("unique-keys").origin(),
                  key + ".unique-keys",
                  "unknown key parameter '" + p + "'");
            }
          }
          node.uniqueKeys.add(List.copyOf(k));
        }
      }
      if (c.hasPath("commands")) {
        ConfigObject cs = requireObject(c, "commands", key + ".commands");
        for (Map.Entry<String, ConfigValue> e : inFileOrder(cs)) {
          command(node, e.getKey(), e.getValue(), key + ".commands.\"" + e.getKey() + "\"");
        }
      }
      if (c.hasPath("events")) {
        ConfigObject es = requireObject(c, "events", key + ".events");
        for (Map.Entry<String, ConfigValue> e : inFileOrder(es)) {
          event(node, e.getKey(), e.getValue(), key + ".events.\"" + e.getKey() + "\"");
        }
      }
    }

    private List<List<String>> uniqueKeys(Config c, String key) {
      List<List<String>> keys = new ArrayList<>();
      for (Object k : c.getList("unique-keys").unwrapped()) {
        if (!(k instanceof List<?> list) || list.isEmpty()) {
          throw error(
              c.getValue("unique-keys").origin(),
              key + ".unique-keys",
              "a list of parameter-name lists, e.g. [[Alias], [Recipient, ID]]");
        }
        List<String> names = new ArrayList<>();
        for (Object n : list) {
          names.add(String.valueOf(n));
        }
        keys.add(names);
      }
      return keys;
    }

    private void param(ObjectNode node, String name, ConfigValue value, String key) {
      if (!name.matches("[A-Za-z_][A-Za-z0-9_-]*")) {
        throw error(value.origin(), key, "bad parameter name");
      }
      if (node.child(name) != null) {
        throw error(value.origin(), key, "name already used by a child object");
      }
      Config c = specBlock(value, key, PARAM_KEYS);
      ValueSpec spec = spec(c, value.origin(), key);
      ValueSource fallback =
          c.hasPath("gen")
              ? generator(c.getValue("gen"), key + ".gen")
              : new ValueSource.Constant(
                  c.hasPath("default") ? c.getString("default") : emptyValue(spec));
      requireValid(fallback, spec, value, key + (c.hasPath("gen") ? ".gen" : ".default"), true);
      ValueSource source = fallback;
      if (c.hasPath("per-instance")) {
        if (node.depth() == 0) {
          throw error(
              value.origin(), key + ".per-instance", "only parameters inside table rows have it");
        }
        Map<Integer, ValueSource> byInstance = new HashMap<>();
        for (Map.Entry<String, ConfigValue> e : c.getObject("per-instance").entrySet()) {
          int instance;
          try {
            instance = Integer.parseInt(e.getKey());
          } catch (NumberFormatException ex) {
            throw error(e.getValue().origin(), key + ".per-instance." + e.getKey(), "not a number");
          }
          ValueSource s =
              e.getValue().valueType() == ConfigValueType.OBJECT
                  ? generator(e.getValue(), key + ".per-instance." + e.getKey())
                  : new ValueSource.Constant(String.valueOf(e.getValue().unwrapped()));
          requireValid(s, spec, e.getValue(), key + ".per-instance." + e.getKey(), false);
          byInstance.put(instance, s);
        }
        source = new ValueSource.PerInstance(byInstance, fallback);
      }
      boolean ignored =
          c.hasPath("value-change")
              ? c.getString("value-change").equals("ignore")
              : source.timeDependent() && !source.notifiesChanges();
      boolean secured = c.hasPath("secured") && c.getBoolean("secured");
      ParamNode p =
          new ParamNode(
              params.size(), name, node, spec, source, ignored, secured, where(value.origin()));
      params.add(p);
      node.params.put(name, p);
    }

    private ValueSpec spec(Config c, ConfigOrigin origin, String key) {
      String typeName = requireString(c, "type", key + ".type");
      ParamType type = ParamType.ofXmlName(typeName);
      if (type == null) {
        throw error(origin, key + ".type", "unknown type '" + typeName + "'");
      }
      Access access = Access.READ_ONLY;
      if (c.hasPath("access")) {
        access = Access.ofXmlName(c.getString("access"));
        if (access == null) {
          throw error(origin, key + ".access", "readOnly, readWrite or writeOnceReadOnly expected");
        }
      }
      List<String> enumeration = c.hasPath("enum") ? c.getStringList("enum") : List.of();
      BigDecimal min = c.hasPath("min") ? new BigDecimal(c.getString("min")) : null;
      BigDecimal max = c.hasPath("max") ? new BigDecimal(c.getString("max")) : null;
      if (c.hasPath("min-length")) {
        min = BigDecimal.valueOf(c.getInt("min-length"));
      }
      int maxLength = c.hasPath("max-length") ? c.getInt("max-length") : ValueSpec.UNBOUNDED;
      boolean list = c.hasPath("list") && c.getBoolean("list");
      return new ValueSpec(type, access, enumeration, min, max, maxLength, list);
    }

    /**
     * Fixed values a source can give (a default, the steps of a hop) must fit the type; an empty
     * default stands for "unset" when {@code emptyMeansUnset}.
     */
    private void requireValid(
        ValueSource s, ValueSpec spec, ConfigValue value, String key, boolean emptyMeansUnset) {
      List<String> fixed =
          s instanceof ValueSource.Constant k
              ? (k.value().isEmpty() && emptyMeansUnset ? List.of() : List.of(k.value()))
              : s instanceof ValueSource.Hop h ? h.values() : List.of();
      for (String v : fixed) {
        if (spec.check(v) != ValueSpec.Check.OK) {
          throw error(value.origin(), key, "'" + v + "' is not valid");
        }
      }
    }

    private ValueSource generator(ConfigValue value, String key) {
      if (value.valueType() != ConfigValueType.OBJECT) {
        throw error(value.origin(), key, "a generator block such as { template = \"...\" }");
      }
      ConfigObject o = (ConfigObject) value;
      Config g = o.toConfig();
      if (o.size() != 1 && !(g.hasPath("mac") || g.hasPath("ipv4"))) {
        throw error(value.origin(), key, "exactly one generator kind");
      }
      if (g.hasPath("template")) {
        String pattern = g.getString("template");
        String bad = Templates.invalidPlaceholder(pattern);
        if (bad != null) {
          throw error(value.origin(), key + ".template", "unknown placeholder " + bad);
        }
        return new ValueSource.Template(pattern);
      }
      if (g.hasPath("mac")) {
        String oui = g.getString("mac").replace(":", "").replace("-", "");
        if (!oui.matches("[0-9A-Fa-f]{6}")) {
          throw error(value.origin(), key + ".mac", "an OUI such as 00:D0:9E");
        }
        int perAgent = g.hasPath("per-agent") ? g.getInt("per-agent") : 16;
        return new ValueSource.Mac(Integer.parseInt(oui, 16), perAgent);
      }
      if (g.hasPath("ipv4")) {
        String subnet = g.getString("ipv4");
        String[] parts = subnet.split("/");
        String[] octets = parts[0].split("\\.");
        if (parts.length != 2 || octets.length != 4) {
          throw error(value.origin(), key + ".ipv4", "a subnet such as 10.0.0.0/8");
        }
        int base = 0;
        for (String octet : octets) {
          base = (base << 8) | (Integer.parseInt(octet) & 0xFF);
        }
        int stride = g.hasPath("stride") ? g.getInt("stride") : 1;
        return new ValueSource.Ipv4(base, Integer.parseInt(parts[1]), stride);
      }
      if (g.hasPath("counter")) {
        Config k = g.getConfig("counter");
        return new ValueSource.Counter(
            k.hasPath("start") ? k.getLong("start") : 0,
            k.getDouble("rate"),
            k.hasPath("jitter") ? k.getDouble("jitter") : 0.0);
      }
      if (g.hasPath("wander")) {
        Config w = g.getConfig("wander");
        List<Double> mean = w.getDoubleList("mean");
        if (mean.size() != 2 || mean.get(0) > mean.get(1)) {
          throw error(value.origin(), key + ".wander.mean", "[min, max] with min <= max");
        }
        return new ValueSource.Wander(
            mean.get(0),
            mean.get(1),
            w.hasPath("amplitude") ? w.getDouble("amplitude") : 0,
            w.hasPath("period") ? w.getDuration("period", TimeUnit.MILLISECONDS) : 60_000,
            w.hasPath("min") ? w.getDouble("min") : -Double.MAX_VALUE,
            w.hasPath("max") ? w.getDouble("max") : Double.MAX_VALUE,
            w.hasPath("decimals") ? w.getInt("decimals") : 0);
      }
      if (g.hasPath("hop")) {
        Config h = g.getConfig("hop");
        List<String> values = h.hasPath("values") ? h.getStringList("values") : List.of();
        if (values.size() < 2) {
          throw error(value.origin(), key + ".hop.values", "two values or more to change between");
        }
        long every =
            hopEvery > 0
                ? hopEvery
                : h.hasPath("every") ? h.getDuration("every", TimeUnit.MILLISECONDS) : 0;
        if (every <= 0) {
          throw error(value.origin(), key + ".hop.every", "a duration > 0 between changes");
        }
        return new ValueSource.Hop(values, every);
      }
      if (g.hasPath("random")) {
        List<Long> range = g.getLongList("random");
        if (range.size() != 2 || range.get(0) > range.get(1)) {
          throw error(value.origin(), key + ".random", "[min, max] with min <= max");
        }
        return new ValueSource.RandomRange(range.get(0), range.get(1));
      }
      if (g.hasPath("uptime")) {
        return new ValueSource.UpTime();
      }
      if (g.hasPath("clock")) {
        return new ValueSource.Clock();
      }
      throw error(
          value.origin(),
          key,
          "unknown generator; one of template, mac, ipv4, counter, wander, hop, random, uptime,"
              + " clock");
    }

    private void command(ObjectNode node, String name, ConfigValue value, String key) {
      if (!name.endsWith("()")) {
        throw error(value.origin(), key, "command names end with ()");
      }
      if (value.valueType() != ConfigValueType.OBJECT) {
        throw error(value.origin(), key, "a command block");
      }
      checkKeys((ConfigObject) value, key, "async", "behavior", "duration", "input", "output");
      Config c = ((ConfigObject) value).toConfig();
      boolean async = c.hasPath("async") && c.getBoolean("async");
      CommandBehavior behavior = CommandBehavior.COMPLETE;
      if (c.hasPath("behavior")) {
        behavior = CommandBehavior.ofProfileName(c.getString("behavior"));
        if (behavior == null) {
          throw error(c.getValue("behavior").origin(), key + ".behavior", "unknown behavior");
        }
      }
      long duration = c.hasPath("duration") ? c.getDuration("duration", TimeUnit.MILLISECONDS) : 0;
      node.commands.put(
          name,
          new CommandNode(
              name,
              node,
              async,
              args(c, "input", key),
              args(c, "output", key),
              behavior,
              duration,
              where(value.origin())));
    }

    private List<ArgNode> args(Config c, String which, String key) {
      List<ArgNode> out = new ArrayList<>();
      if (!c.hasPath(which)) {
        return out;
      }
      ConfigObject block = requireObject(c, which, key + "." + which);
      for (Map.Entry<String, ConfigValue> e : inFileOrder(block)) {
        String argKey = key + "." + which + ".\"" + e.getKey() + "\"";
        Config a = specBlock(e.getValue(), argKey, ARG_KEYS);
        ValueSpec spec = spec(a, e.getValue().origin(), argKey);
        out.add(
            new ArgNode(
                e.getKey(),
                spec,
                a.hasPath("mandatory") && a.getBoolean("mandatory"),
                a.hasPath("default") ? a.getString("default") : null,
                where(e.getValue().origin())));
      }
      return out;
    }

    private void event(ObjectNode node, String name, ConfigValue value, String key) {
      if (!name.endsWith("!")) {
        throw error(value.origin(), key, "event names end with !");
      }
      List<String> args = List.of();
      if (value.valueType() == ConfigValueType.OBJECT) {
        checkKeys((ConfigObject) value, key, "args");
        Config c = ((ConfigObject) value).toConfig();
        args = c.hasPath("args") ? c.getStringList("args") : List.of();
      } else if (value.valueType() == ConfigValueType.LIST) {
        args = new ArrayList<>();
        for (Object o : (List<?>) value.unwrapped()) {
          args.add(String.valueOf(o));
        }
      } else {
        throw error(value.origin(), key, "an argument list or a block with args");
      }
      node.events.put(name, new EventNode(name, node, args, where(value.origin())));
    }

    /** {@code churn { period = [8h, 24h], present = [0.3, 0.9] }} on a read-only table. */
    private Churn churn(Config c, ObjectNode node, String key) {
      ConfigOrigin at = c.getValue("churn").origin();
      if (!node.multiInstance() || node.writable()) {
        throw error(
            at, key + ".churn", "only read-only tables churn (the Controller cannot Add there)");
      }
      Config ch = c.getConfig("churn");
      List<java.time.Duration> period = ch.getDurationList("period");
      List<Double> present = ch.getDoubleList("present");
      if (period.size() != 2
          || period.get(0).isZero()
          || period.get(0).compareTo(period.get(1)) > 0) {
        throw error(at, key + ".churn.period", "[shortest, longest] cycle, both > 0");
      }
      if (present.size() != 2
          || present.get(0) < 0
          || present.get(1) > 1
          || present.get(0) > present.get(1)) {
        throw error(at, key + ".churn.present", "[min, max] shares of a cycle within 0..1");
      }
      long shortest = period.get(0).toMillis();
      long longest = period.get(1).toMillis();
      if (churnEvery > 0) {
        // a faster (or slower) day: the shortest cycle becomes churnEvery, the spread is kept
        longest = Math.max(churnEvery, Math.round((double) longest / shortest * churnEvery));
        shortest = churnEvery;
      }
      return new Churn(node.defaultInstances(), shortest, longest, present.get(0), present.get(1));
    }

    /** {@code [1, 3, "5-9"]}: instance numbers and ranges, sorted. */
    private int[] instanceList(Config c, String path, String key) {
      java.util.TreeSet<Integer> numbers = new java.util.TreeSet<>();
      for (Object o : c.getList(path).unwrapped()) {
        String item = String.valueOf(o).trim();
        try {
          int dash = item.indexOf('-');
          int from = Integer.parseInt(dash < 0 ? item : item.substring(0, dash));
          int to = dash < 0 ? from : Integer.parseInt(item.substring(dash + 1));
          if (from < 1 || to < from) {
            throw new NumberFormatException(item);
          }
          for (int n = from; n <= to; n++) {
            numbers.add(n);
          }
        } catch (NumberFormatException e) {
          throw error(
              c.getValue(path).origin(),
              key + "." + path,
              "'" + item + "' is not N or N-M (N >= 1)");
        }
      }
      return numbers.stream().mapToInt(Integer::intValue).toArray();
    }

    /** numEntriesParameter names a parameter of the parent; create it when the profile omits it. */
    private void linkNumEntries() {
      for (Map.Entry<ObjectNode, String> e : numEntriesOrigin.entrySet()) {
        ObjectNode table = e.getKey();
        ObjectNode parent = table.parent();
        ParamNode counter = parent.param(table.numEntriesParameter());
        if (counter == null) {
          counter =
              new ParamNode(
                  params.size(),
                  table.numEntriesParameter(),
                  parent,
                  ValueSpec.of(ParamType.UNSIGNED_INT, Access.READ_ONLY),
                  new ValueSource.Constant("0"),
                  false,
                  false,
                  e.getValue());
          params.add(counter);
          parent.params.put(counter.name(), counter);
        } else if (counter.type() != ParamType.UNSIGNED_INT) {
          throw new ProfileException(
              e.getValue() + ": " + table.numEntriesParameter() + " must be unsignedInt");
        }
        counter.countedTable = table;
      }
    }

    /**
     * {@code Name = "[rw|wo] [list] type"}: readWrite or writeOnceReadOnly access, a
     * comma-separated list, and the type; e.g. {@code Channel = "rw unsignedInt"}, {@code Servers =
     * "rw list string"}.
     */
    private Config shorthand(String text, ConfigOrigin origin, String key) {
      Map<String, Object> spec = new HashMap<>();
      String[] words = text.trim().split("\\s+");
      for (int i = 0; i < words.length - 1; i++) {
        switch (words[i]) {
          case "rw" -> spec.put("access", "readWrite");
          case "wo" -> spec.put("access", "writeOnceReadOnly");
          case "list" -> spec.put("list", true);
          default ->
              throw error(origin, key, "'" + words[i] + "': shorthand is [rw|wo] [list] type");
        }
      }
      spec.put("type", words[words.length - 1]);
      return ConfigFactory.parseMap(spec, origin.description()).withFallback(ConfigFactory.empty());
    }

    /**
     * A parameter or argument: a block of the allowed keys, or the shorthand {@code Name = type}.
     */
    private Config specBlock(ConfigValue value, String key, List<String> allowed) {
      if (value.valueType() == ConfigValueType.STRING) {
        return shorthand((String) value.unwrapped(), value.origin(), key);
      }
      if (value.valueType() != ConfigValueType.OBJECT) {
        throw error(value.origin(), key, "a type name or a block");
      }
      checkKeys((ConfigObject) value, key, allowed);
      return ((ConfigObject) value).toConfig();
    }

    private void checkKeys(ConfigObject o, String key, String... allowed) {
      checkKeys(o, key, List.of(allowed));
    }

    private void checkKeys(ConfigObject o, String key, List<String> ok) {
      for (Map.Entry<String, ConfigValue> e : o.entrySet()) {
        if (!ok.contains(e.getKey())) {
          throw error(
              e.getValue().origin(), key + "." + e.getKey(), "unknown key; expected one of " + ok);
        }
      }
    }

    private String requireString(Config c, String path, String key) {
      if (!c.hasPath(path)) {
        throw error(c.root().origin(), key, "missing");
      }
      return c.getString(path);
    }

    private ConfigObject requireObject(Config c, String path, String key) {
      if (!c.hasPath(path)) {
        throw error(c.root().origin(), key, "missing");
      }
      ConfigValue v = c.getValue(path);
      if (v.valueType() != ConfigValueType.OBJECT) {
        throw error(v.origin(), key, "must be a block");
      }
      return (ConfigObject) v;
    }

    private static List<Map.Entry<String, ConfigValue>> inFileOrder(ConfigObject o) {
      List<Map.Entry<String, ConfigValue>> entries =
          new ArrayList<>(new LinkedHashMap<>(o).entrySet());
      entries.sort(
          Comparator.comparingInt((Map.Entry<String, ConfigValue> e) -> line(e.getValue().origin()))
              .thenComparing(Map.Entry::getKey));
      return entries;
    }

    private static int dots(String path) {
      return (int) path.chars().filter(ch -> ch == '.').count();
    }

    private static int line(ConfigOrigin origin) {
      return origin == null ? 0 : origin.lineNumber();
    }

    /**
     * No default: the first enumerated value, a number's 0 moved into its range, else the type's
     * empty value (false, 0, "", the unknown time).
     */
    private static String emptyValue(ValueSpec spec) {
      if (!spec.enumeration().isEmpty() && !spec.list()) {
        return spec.enumeration().get(0);
      }
      if (spec.type().numeric() && !spec.list()) {
        BigDecimal v = BigDecimal.ZERO;
        if (spec.min() != null && v.compareTo(spec.min()) < 0) {
          v = spec.min();
        }
        if (spec.max() != null && v.compareTo(spec.max()) > 0) {
          v = spec.max();
        }
        return v.toPlainString();
      }
      return TypedValues.emptyValue(spec.type());
    }

    /** {@code file:line} of a definition, for messages that name where a profile is wrong. */
    private String where(ConfigOrigin origin) {
      String file =
          origin == null
              ? source
              : origin.filename() != null
                  ? origin.filename()
                  : origin.resource() != null ? origin.resource() : source;
      int line = origin == null ? -1 : origin.lineNumber();
      return file + (line > 0 ? ":" + line : "");
    }

    private ProfileException error(ConfigOrigin origin, String key, String problem) {
      return new ProfileException(where(origin) + ": " + key + ": " + problem);
    }
  }
}
