package io.fleetsim.datamodel;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import io.fleetsim.config.HoconReader;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Reads a parameter's {@code gen { … }} block into its {@link ValueSource}: template, mac, ipv4,
 * counter, wander, hop, random, uptime or clock (docs/PROFILES.md).
 */
final class ValueGenerators {
  private final HoconReader in;

  /** {@code agent.value-change-every}: overrides every hop's {@code every} (0: keep them). */
  private final long hopEvery;

  ValueGenerators(HoconReader in, long hopEvery) {
    this.in = in;
    this.hopEvery = hopEvery;
  }

  ValueSource generator(ConfigValue value, String key) {
    if (value.valueType() != ConfigValueType.OBJECT) {
      throw in.error(value.origin(), key, "a generator block such as { template = \"...\" }");
    }
    ConfigObject o = (ConfigObject) value;
    Config g = o.toConfig();
    if (o.size() != 1 && !(g.hasPath("mac") || g.hasPath("ipv4"))) {
      throw in.error(value.origin(), key, "exactly one generator kind");
    }
    if (g.hasPath("template")) {
      String pattern = g.getString("template");
      String bad = Templates.invalidPlaceholder(pattern);
      if (bad != null) {
        throw in.error(value.origin(), key + ".template", "unknown placeholder " + bad);
      }
      return new ValueSource.Template(pattern);
    }
    if (g.hasPath("mac")) {
      String oui = g.getString("mac").replace(":", "").replace("-", "");
      if (!oui.matches("[0-9A-Fa-f]{6}")) {
        throw in.error(value.origin(), key + ".mac", "an OUI such as 00:D0:9E");
      }
      int perAgent = g.hasPath("per-agent") ? g.getInt("per-agent") : 16;
      if (perAgent < 1) {
        throw in.error(value.origin(), key + ".per-agent", "addresses per agent, at least 1");
      }
      return new ValueSource.Mac(Integer.parseInt(oui, 16), perAgent);
    }
    if (g.hasPath("ipv4")) {
      String subnet = g.getString("ipv4");
      String[] parts = subnet.split("/");
      String[] octets = parts[0].split("\\.");
      if (parts.length != 2 || octets.length != 4) {
        throw in.error(value.origin(), key + ".ipv4", "a subnet such as 10.0.0.0/8");
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
        throw in.error(value.origin(), key + ".wander.mean", "[min, max] with min <= max");
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
        throw in.error(value.origin(), key + ".hop.values", "two values or more to change between");
      }
      long every =
          hopEvery > 0
              ? hopEvery
              : h.hasPath("every") ? h.getDuration("every", TimeUnit.MILLISECONDS) : 0;
      if (every <= 0) {
        throw in.error(value.origin(), key + ".hop.every", "a duration > 0 between changes");
      }
      return new ValueSource.Hop(values, every);
    }
    if (g.hasPath("random")) {
      List<Long> range = g.getLongList("random");
      if (range.size() != 2 || range.get(0) > range.get(1)) {
        throw in.error(value.origin(), key + ".random", "[min, max] with min <= max");
      }
      return new ValueSource.RandomRange(range.get(0), range.get(1));
    }
    if (g.hasPath("mesh")) {
      return mesh(g, value, key + ".mesh");
    }
    if (g.hasPath("uptime")) {
      return new ValueSource.UpTime();
    }
    if (g.hasPath("clock")) {
      return new ValueSource.Clock();
    }
    throw in.error(
        value.origin(),
        key,
        "unknown generator; one of template, mac, ipv4, counter, wander, hop, random, mesh,"
            + " uptime, clock");
  }

  /**
   * {@code mesh { controller = "Device.IEEE1905.AL.IEEE1905Id", alone { mac = … } }} or {@code mesh
   * { member = "Device.DeviceInfo.SerialNumber" }}: a single parameter of the mesh's controller, or
   * of the member of a {@code mesh = members} row; {@code alone} (a value or a generator, "" by
   * default) when the agent has no controller.
   */
  private ValueSource mesh(Config g, ConfigValue value, String key) {
    ConfigValue block = g.getValue("mesh");
    if (block.valueType() != ConfigValueType.OBJECT) {
      throw in.error(block.origin(), key, "{ controller = PATH } or { member = PATH }");
    }
    in.keys((ConfigObject) block, key, "controller", "member", "alone");
    Config m = g.getConfig("mesh");
    boolean controller = m.hasPath("controller");
    if (controller == m.hasPath("member")) {
      throw in.error(block.origin(), key, "one of controller = PATH or member = PATH");
    }
    String which = controller ? "controller" : "member";
    String path = m.getString(which);
    if (!path.matches("Device\\.([A-Za-z_][A-Za-z0-9_-]*\\.)*[A-Za-z_][A-Za-z0-9_-]*")) {
      throw in.error(
          m.getValue(which).origin(), key + "." + which, "a single parameter's path, no {i}");
    }
    ValueSource alone = new ValueSource.Constant("");
    if (m.hasPath("alone")) {
      ConfigValue a = m.getValue("alone");
      alone =
          a.valueType() == ConfigValueType.OBJECT
              ? generator(a, key + ".alone")
              : new ValueSource.Constant(String.valueOf(a.unwrapped()));
    }
    return new ValueSource.MeshValue(controller, path, alone);
  }
}
