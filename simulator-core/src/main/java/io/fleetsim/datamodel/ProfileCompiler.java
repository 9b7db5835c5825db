package io.fleetsim.datamodel;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import io.fleetsim.config.HoconReader;
import io.fleetsim.identity.DeviceList;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Compiles one parsed profile: its objects (parents first, then in file order), tables with their
 * instances, unique keys and NumberOfEntries counters (how rows move: {@link TableRows}), and the
 * agent settings; parameters, commands and events go to {@link ProfileMembers}. Every problem is a
 * {@link ProfileException} naming file, line and key.
 */
final class ProfileCompiler {
  private final Config config;
  private final HoconReader in;
  private final List<ObjectNode> objects = new ArrayList<>();
  private final List<ParamNode> params = new ArrayList<>();
  private final Map<String, ObjectNode> byPath = new HashMap<>();
  private final Map<ObjectNode, String> numEntriesOrigin = new LinkedHashMap<>();
  private final ProfileMembers members;

  private final TableRows rows;

  ProfileCompiler(Config config, String source) {
    this.config = config;
    this.in = new HoconReader(source, "profile", ProfileException::new);
    // agent.value-change-every overrides every hop's every (0: keep them)
    String key = "profile.agent.value-change-every";
    long hopEvery = config.hasPath(key) ? config.getDuration(key, TimeUnit.MILLISECONDS) : 0;
    String churnKey = "profile.agent.host-churn-every";
    this.rows =
        new TableRows(
            in, config.hasPath(churnKey) ? config.getDuration(churnKey, TimeUnit.MILLISECONDS) : 0);
    this.members =
        new ProfileMembers(in, params, new ValueGenerators(in, hopEvery), deviceList(config));
  }

  /**
   * {@code agent.device-list}: a device list file whose EndpointIDs, serial numbers and MACs the
   * agents take by index (a scenario's {@code fleet.identities}), or null.
   */
  private DeviceList deviceList(Config config) {
    String key = "profile.agent.device-list";
    if (!config.hasPath(key)) {
      return null;
    }
    try {
      return DeviceList.load(java.nio.file.Path.of(config.getString(key)));
    } catch (IllegalArgumentException e) {
      throw in.error(config.getValue(key), key, e.getMessage());
    }
  }

  Schema compile() {
    if (!config.hasPath("profile")) {
      throw in.error(config.root().origin(), "profile", "missing top-level 'profile' block");
    }
    Config profile = config.getConfig("profile");
    String name = in.requiredString(profile, "name", "profile.name");
    String uri =
        profile.hasPath("data-model-uri")
            ? profile.getString("data-model-uri")
            : "urn:broadband-forum-org:tr-181-2-19-1-usp";
    ConfigObject objectsBlock = in.block(profile, "objects", "profile.objects");
    List<Map.Entry<String, ConfigValue>> entries = new ArrayList<>(objectsBlock.entrySet());
    // HOCON objects are unordered: parents first (fewer dots), then in file order.
    entries.sort(
        Comparator.comparingInt((Map.Entry<String, ConfigValue> e) -> dots(e.getKey()))
            .thenComparingInt(e -> HoconReader.line(e.getValue().origin())));
    for (Map.Entry<String, ConfigValue> e : entries) {
      object(e.getKey(), e.getValue());
    }
    ObjectNode root = byPath.get("Device.");
    if (root == null) {
      throw in.error(objectsBlock.origin(), "profile.objects", "\"Device.\" must be defined");
    }
    linkNumEntries();
    rows.link(byPath, params);
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
            : 10_000,
        meshRole(agent));
  }

  /** {@code agent.mesh-role = controller | extender} (none when absent). */
  private Mesh.Role meshRole(Config agent) {
    if (!agent.hasPath("mesh-role")) {
      return Mesh.Role.NONE;
    }
    String role = agent.getString("mesh-role");
    return switch (role) {
      case "controller" -> Mesh.Role.CONTROLLER;
      case "extender" -> Mesh.Role.EXTENDER;
      case "none" -> Mesh.Role.NONE;
      default ->
          throw in.error(
              agent.getValue("mesh-role").origin(),
              "profile.agent.mesh-role",
              "controller, extender or none, not " + role);
    };
  }

  private void object(String path, ConfigValue value) {
    String key = "profile.objects.\"" + path + "\"";
    if (value.valueType() != ConfigValueType.OBJECT) {
      throw in.error(value.origin(), key, "an object definition must be a block");
    }
    if (!path.startsWith("Device.") || !path.endsWith(".")) {
      throw in.error(value.origin(), key, "object paths start with 'Device.' and end with '.'");
    }
    if (byPath.containsKey(path)) {
      throw in.error(value.origin(), key, "defined twice");
    }
    boolean table = path.endsWith(".{i}.");
    String withoutTable = table ? path.substring(0, path.length() - 4) : path;
    String trimmed = withoutTable.substring(0, withoutTable.length() - 1);
    int dot = trimmed.lastIndexOf('.');
    String name = trimmed.substring(dot + 1);
    if (!name.matches("[A-Za-z_][A-Za-z0-9_-]*")) {
      throw in.error(value.origin(), key, "bad object name '" + name + "'");
    }
    ObjectNode parent = null;
    if (dot >= 0) {
      String parentPath = trimmed.substring(0, dot + 1);
      parent = byPath.get(parentPath);
      if (parent == null) {
        throw in.error(value.origin(), key, "parent object \"" + parentPath + "\" is not defined");
      }
      if (parent.child(name) != null || parent.param(name) != null) {
        throw in.error(value.origin(), key, "name '" + name + "' already used in " + parentPath);
      }
    }
    Config c = ((ConfigObject) value).toConfig();
    in.keys(
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
        "follows",
        "mesh",
        "variants",
        "params",
        "commands",
        "events");
    ObjectNode node = new ObjectNode(objects.size(), name, parent, table);
    node.origin = in.where(value.origin());
    objects.add(node);
    byPath.put(path, node);
    if (parent != null) {
      parent.children.put(name, node);
    }
    String access = c.hasPath("access") ? c.getString("access") : "readOnly";
    if (!access.equals("readOnly") && !access.equals("readWrite")) {
      throw in.error(c.getValue("access").origin(), key + ".access", "readOnly or readWrite");
    }
    node.writable = table && access.equals("readWrite");
    if (!table) {
      for (String tableOnly : List.of("instances", "unique-keys", "num-entries", "min-entries")) {
        if (c.hasPath(tableOnly)) {
          throw in.error(
              c.getValue(tableOnly).origin(), key + "." + tableOnly, "only tables ({i}) have it");
        }
      }
      node.minEntries = 1;
      node.maxEntries = 1;
    } else {
      node.minEntries = c.hasPath("min-entries") ? c.getInt("min-entries") : 0;
      node.maxEntries = c.hasPath("max-entries") ? c.getInt("max-entries") : Integer.MAX_VALUE;
      int instances = c.hasPath("instances") ? c.getInt("instances") : 0;
      if (instances < 0 || instances < node.minEntries || instances > node.maxEntries) {
        throw in.error(
            c.getValue("instances").origin(),
            key + ".instances",
            "must lie within min-entries..max-entries ("
                + node.minEntries
                + ".."
                + node.maxEntries
                + "), not "
                + instances);
      }
      node.defaultInstances(instances);
      if (c.hasPath("num-entries")) {
        node.numEntriesParameter = c.getString("num-entries");
        numEntriesOrigin.put(node, in.where(c.getValue("num-entries").origin()));
      }
    }
    rows.rows(c, node, key);
    if (c.hasPath("present-in")) {
      if (table || parent == null || parent.depth() == 0) {
        throw in.error(
            c.getValue("present-in").origin(),
            key + ".present-in",
            "only single objects inside a table row have it");
      }
      node.presentIn(instanceList(c, "present-in", key));
    }
    if (c.hasPath("params")) {
      ConfigObject ps = in.block(c, "params", key + ".params");
      for (Map.Entry<String, ConfigValue> p : HoconReader.inFileOrder(ps)) {
        members.param(node, p.getKey(), p.getValue(), key + ".params." + p.getKey());
      }
    }
    rows.variants(c, node, key);
    if (c.hasPath("enable")) {
      node.enableParameter = c.getString("enable");
      if (node.param(node.enableParameter) == null) {
        throw in.error(c.getValue("enable").origin(), key + ".enable", "no such parameter");
      }
    }
    if (c.hasPath("unique-keys")) {
      for (List<String> k : uniqueKeys(c, key)) {
        for (String p : k) {
          if (node.param(p) == null) {
            throw in.error(
                c.getValue("unique-keys").origin(),
                key + ".unique-keys",
                "unknown key parameter '" + p + "'");
          }
        }
        node.uniqueKeys.add(List.copyOf(k));
      }
    }
    if (c.hasPath("commands")) {
      ConfigObject cs = in.block(c, "commands", key + ".commands");
      for (Map.Entry<String, ConfigValue> e : HoconReader.inFileOrder(cs)) {
        members.command(node, e.getKey(), e.getValue(), key + ".commands.\"" + e.getKey() + "\"");
      }
    }
    if (c.hasPath("events")) {
      ConfigObject es = in.block(c, "events", key + ".events");
      for (Map.Entry<String, ConfigValue> e : HoconReader.inFileOrder(es)) {
        members.event(node, e.getKey(), e.getValue(), key + ".events.\"" + e.getKey() + "\"");
      }
    }
  }

  private List<List<String>> uniqueKeys(Config c, String key) {
    List<List<String>> keys = new ArrayList<>();
    for (Object k : c.getList("unique-keys").unwrapped()) {
      if (!(k instanceof List<?> list) || list.isEmpty()) {
        throw in.error(
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
        throw in.error(
            c.getValue(path).origin(), key + "." + path, "'" + item + "' is not N or N-M (N >= 1)");
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

  private static int dots(String path) {
    return (int) path.chars().filter(ch -> ch == '.').count();
  }
}
