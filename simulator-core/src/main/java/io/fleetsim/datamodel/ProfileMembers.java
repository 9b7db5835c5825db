package io.fleetsim.datamodel;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigOrigin;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import io.fleetsim.config.HoconReader;
import io.fleetsim.identity.DeviceList;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Compiles the members of a profile's object: parameters (a block, or the shorthand {@code "[rw|wo]
 * [list] type"}, with their default, generator and per-instance values), commands with their input
 * and output arguments, and events.
 */
final class ProfileMembers {
  /** Keys of a value's type and constraints, shared by parameters and command arguments. */
  private static final List<String> SPEC_KEYS =
      List.of("type", "default", "enum", "min", "max", "min-length", "max-length", "list");

  private static final List<String> PARAM_KEYS =
      concat(SPEC_KEYS, "access", "secured", "value-change", "gen", "per-instance");
  private static final List<String> ARG_KEYS = concat(SPEC_KEYS, "mandatory");

  private final HoconReader in;
  private final List<ParamNode> params;
  private final ValueGenerators generators;

  /**
   * @param params the profile's parameters so far, in id order; new ones are added to it
   */
  /** The device list the identity parameters come from, or null. */
  private final DeviceList devices;

  ProfileMembers(
      HoconReader in, List<ParamNode> params, ValueGenerators generators, DeviceList devices) {
    this.in = in;
    this.params = params;
    this.generators = generators;
    this.devices = devices;
  }

  /**
   * The source of a device's identity parameter when a device list gives it: EndpointID, serial
   * number, and the first Ethernet interface's MAC (the other interfaces keep the profile's).
   */
  private ValueSource listed(ObjectNode node, String name, ValueSource profiles) {
    if (devices == null) {
      return profiles;
    }
    String column =
        switch (node.supportedPath() + name) {
          case "Device.LocalAgent.EndpointID" -> "eid";
          case "Device.DeviceInfo.SerialNumber" -> "serial";
          case "Device.Ethernet.Interface.{i}.MACAddress" -> "mac";
          default -> null;
        };
    if (column == null || !devices.has(column)) {
      return profiles;
    }
    ValueSource listed = new ValueSource.Listed(devices.column(column));
    return node.multiInstance() ? new ValueSource.PerInstance(Map.of(1, listed), profiles) : listed;
  }

  private static List<String> concat(List<String> base, String... more) {
    List<String> all = new ArrayList<>(base);
    all.addAll(List.of(more));
    return List.copyOf(all);
  }

  void param(ObjectNode node, String name, ConfigValue value, String key) {
    if (!name.matches("[A-Za-z_][A-Za-z0-9_-]*")) {
      throw in.error(value.origin(), key, "bad parameter name");
    }
    if (node.child(name) != null) {
      throw in.error(value.origin(), key, "name already used by a child object");
    }
    Config c = specBlock(value, key, PARAM_KEYS);
    ValueSpec spec = spec(c, value.origin(), key);
    ValueSource fallback =
        c.hasPath("gen")
            ? generators.generator(c.getValue("gen"), key + ".gen")
            : new ValueSource.Constant(
                c.hasPath("default") ? c.getString("default") : emptyValue(spec));
    requireValid(fallback, spec, value, key + (c.hasPath("gen") ? ".gen" : ".default"), true);
    ValueSource source = fallback;
    if (c.hasPath("per-instance")) {
      if (node.depth() == 0) {
        throw in.error(
            value.origin(), key + ".per-instance", "only parameters inside table rows have it");
      }
      Map<Integer, ValueSource> byInstance = new HashMap<>();
      for (Map.Entry<String, ConfigValue> e : c.getObject("per-instance").entrySet()) {
        int instance;
        try {
          instance = Integer.parseInt(e.getKey());
        } catch (NumberFormatException ex) {
          throw in.error(
              e.getValue().origin(), key + ".per-instance." + e.getKey(), "not a number");
        }
        ValueSource s =
            e.getValue().valueType() == ConfigValueType.OBJECT
                ? generators.generator(e.getValue(), key + ".per-instance." + e.getKey())
                : new ValueSource.Constant(String.valueOf(e.getValue().unwrapped()));
        requireValid(s, spec, e.getValue(), key + ".per-instance." + e.getKey(), false);
        byInstance.put(instance, s);
      }
      source = new ValueSource.PerInstance(byInstance, fallback);
    }
    source = listed(node, name, source);
    boolean ignored =
        c.hasPath("value-change")
            ? c.getString("value-change").equals("ignore")
            : source.timeDependent() && !source.notifiesChanges();
    boolean secured = c.hasPath("secured") && c.getBoolean("secured");
    ParamNode p =
        new ParamNode(
            params.size(), name, node, spec, source, ignored, secured, in.where(value.origin()));
    params.add(p);
    node.params.put(name, p);
  }

  private ValueSpec spec(Config c, ConfigOrigin origin, String key) {
    String typeName = in.requiredString(c, "type", key + ".type");
    ParamType type = ParamType.ofXmlName(typeName);
    if (type == null) {
      throw in.error(origin, key + ".type", "unknown type '" + typeName + "'");
    }
    Access access = Access.READ_ONLY;
    if (c.hasPath("access")) {
      access = Access.ofXmlName(c.getString("access"));
      if (access == null) {
        throw in.error(
            origin, key + ".access", "readOnly, readWrite or writeOnceReadOnly expected");
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
        throw in.error(value.origin(), key, "'" + v + "' is not valid");
      }
    }
  }

  void command(ObjectNode node, String name, ConfigValue value, String key) {
    if (!name.endsWith("()")) {
      throw in.error(value.origin(), key, "command names end with ()");
    }
    if (value.valueType() != ConfigValueType.OBJECT) {
      throw in.error(value.origin(), key, "a command block");
    }
    in.keys((ConfigObject) value, key, "async", "behavior", "duration", "input", "output");
    Config c = ((ConfigObject) value).toConfig();
    boolean async = c.hasPath("async") && c.getBoolean("async");
    CommandBehavior behavior = CommandBehavior.COMPLETE;
    if (c.hasPath("behavior")) {
      behavior = CommandBehavior.ofProfileName(c.getString("behavior"));
      if (behavior == null) {
        throw in.error(c.getValue("behavior").origin(), key + ".behavior", "unknown behavior");
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
            in.where(value.origin())));
  }

  private List<ArgNode> args(Config c, String which, String key) {
    List<ArgNode> out = new ArrayList<>();
    if (!c.hasPath(which)) {
      return out;
    }
    ConfigObject block = in.block(c, which, key + "." + which);
    for (Map.Entry<String, ConfigValue> e : HoconReader.inFileOrder(block)) {
      String argKey = key + "." + which + ".\"" + e.getKey() + "\"";
      Config a = specBlock(e.getValue(), argKey, ARG_KEYS);
      ValueSpec spec = spec(a, e.getValue().origin(), argKey);
      out.add(
          new ArgNode(
              e.getKey(),
              spec,
              a.hasPath("mandatory") && a.getBoolean("mandatory"),
              a.hasPath("default") ? a.getString("default") : null,
              in.where(e.getValue().origin())));
    }
    return out;
  }

  void event(ObjectNode node, String name, ConfigValue value, String key) {
    if (!name.endsWith("!")) {
      throw in.error(value.origin(), key, "event names end with !");
    }
    List<String> args = List.of();
    if (value.valueType() == ConfigValueType.OBJECT) {
      in.keys((ConfigObject) value, key, "args");
      Config c = ((ConfigObject) value).toConfig();
      args = c.hasPath("args") ? c.getStringList("args") : List.of();
    } else if (value.valueType() == ConfigValueType.LIST) {
      args = new ArrayList<>();
      for (Object o : (List<?>) value.unwrapped()) {
        args.add(String.valueOf(o));
      }
    } else {
      throw in.error(value.origin(), key, "an argument list or a block with args");
    }
    node.events.put(name, new EventNode(name, node, args, in.where(value.origin())));
  }

  /**
   * {@code Name = "[rw|wo] [list] type"}: readWrite or writeOnceReadOnly access, a comma-separated
   * list, and the type; e.g. {@code Channel = "rw unsignedInt"}, {@code Servers = "rw list
   * string"}.
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
            throw in.error(origin, key, "'" + words[i] + "': shorthand is [rw|wo] [list] type");
      }
    }
    spec.put("type", words[words.length - 1]);
    return ConfigFactory.parseMap(spec, origin.description()).withFallback(ConfigFactory.empty());
  }

  /** A parameter or argument: a block of the allowed keys, or the shorthand {@code Name = type}. */
  private Config specBlock(ConfigValue value, String key, List<String> allowed) {
    if (value.valueType() == ConfigValueType.STRING) {
      return shorthand((String) value.unwrapped(), value.origin(), key);
    }
    if (value.valueType() != ConfigValueType.OBJECT) {
      throw in.error(value.origin(), key, "a type name or a block");
    }
    in.keys((ConfigObject) value, key, allowed);
    return ((ConfigObject) value).toConfig();
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
}
