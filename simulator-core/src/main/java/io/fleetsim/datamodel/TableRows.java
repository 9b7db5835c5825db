package io.fleetsim.datamodel;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigOrigin;
import com.typesafe.config.ConfigValue;
import io.fleetsim.config.HoconReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiles how a read-only table's rows behave over time: {@code churn} (rows come and go), {@code
 * follows} (rows mirror another table's) and {@code variants} (each row is one of a few kinds,
 * drawn per row). docs/PROFILES.md describes all three.
 */
final class TableRows {
  private final HoconReader in;
  private final long churnEvery;
  private final Map<ObjectNode, Config> pendingFollows = new LinkedHashMap<>();
  private final Map<ObjectNode, String> followsKeys = new LinkedHashMap<>();

  /**
   * @param churnEvery {@code agent.host-churn-every}: the shortest cycle of every churning table
   *     (the longest keeps its ratio to it); 0 keeps the profile's
   */
  TableRows(HoconReader in, long churnEvery) {
    this.in = in;
    this.churnEvery = churnEvery;
  }

  /** Reads {@code churn} and {@code follows} of an object (before its parameters). */
  void rows(Config c, ObjectNode node, String key) {
    if (c.hasPath("churn")) {
      node.churn = churn(c, node, key);
    }
    if (c.hasPath("mesh")) {
      ConfigOrigin at = c.getValue("mesh").origin();
      readOnlyTable(c, node, "mesh", key);
      if (!"members".equals(c.getString("mesh")) || node.depth() != 1) {
        throw in.error(
            at, key + ".mesh", "'members', on a table in no other table (one row per mesh member)");
      }
      if (c.hasPath("churn") || c.hasPath("instances") || c.hasPath("follows")) {
        throw in.error(at, key + ".mesh", "a mesh table has no churn, follows or instances");
      }
      node.meshRows = true;
    }
    if (c.hasPath("follows")) {
      String at = key + ".follows";
      readOnlyTable(c, node, "follows", key);
      if (c.hasPath("churn") || c.hasPath("instances")) {
        throw in.error(
            c.getValue("follows").origin(), at, "a table that follows has no churn or instances");
      }
      pendingFollows.put(node, c.getConfig("follows"));
      followsKeys.put(node, at);
    }
  }

  private void readOnlyTable(Config c, ObjectNode node, String what, String key) {
    if (!node.multiInstance() || node.writable()) {
      throw in.error(
          c.getValue(what).origin(),
          key + "." + what,
          "only read-only tables have " + what + " (the Controller cannot Add there)");
    }
  }

  /** {@code churn { period = [8h, 24h], present = [0.3, 0.9] }} on a read-only table. */
  private Churn churn(Config c, ObjectNode node, String key) {
    readOnlyTable(c, node, "churn", key);
    ConfigOrigin at = c.getValue("churn").origin();
    Config ch = c.getConfig("churn");
    List<java.time.Duration> period = ch.getDurationList("period");
    List<Double> present = ch.getDoubleList("present");
    if (period.size() != 2
        || period.get(0).isZero()
        || period.get(0).compareTo(period.get(1)) > 0) {
      throw in.error(at, key + ".churn.period", "[shortest, longest] cycle, both > 0");
    }
    if (present.size() != 2
        || present.get(0) < 0
        || present.get(1) > 1
        || present.get(0) > present.get(1)) {
      throw in.error(at, key + ".churn.present", "[min, max] shares of a cycle within 0..1");
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

  /**
   * {@code variants = [{ share = 70, params { InterfaceType = Wi-Fi, … } }, …]} on a table, after
   * its parameters: each named parameter's source becomes a {@link ValueSource.Pick} of the
   * variants' values (templates allowed), the parameter's own source where a variant leaves it.
   */
  void variants(Config c, ObjectNode node, String key) {
    if (!c.hasPath("variants")) {
      return;
    }
    String at = key + ".variants";
    ConfigOrigin origin = c.getValue("variants").origin();
    if (!node.multiInstance()) {
      throw in.error(origin, at, "only table rows have variants");
    }
    List<? extends Config> list = c.getConfigList("variants");
    if (list.size() < 2) {
      throw in.error(origin, at, "two variants or more, each { share = N, params { … } }");
    }
    double total = 0;
    double[] shares = new double[list.size()];
    Map<ParamNode, ValueSource[]> choices = new LinkedHashMap<>();
    for (int v = 0; v < list.size(); v++) {
      Config variant = list.get(v);
      String vkey = at + "[" + v + "]";
      in.keys(variant.root(), vkey, "share", "params");
      shares[v] = variant.hasPath("share") ? variant.getDouble("share") : -1;
      if (!(shares[v] > 0)) {
        throw in.error(variant.root().origin(), vkey + ".share", "a share > 0");
      }
      total += shares[v];
      ConfigObject params = in.block(variant, "params", vkey + ".params");
      for (Map.Entry<String, ConfigValue> e : HoconReader.inFileOrder(params)) {
        ParamNode p = node.param(e.getKey());
        String pkey = vkey + ".params." + e.getKey();
        if (p == null) {
          throw in.error(e.getValue().origin(), pkey, "no such parameter in " + node);
        }
        choices.computeIfAbsent(p, x -> new ValueSource[list.size()])[v] =
            value(p, e.getValue(), pkey);
      }
    }
    double[] upTo = new double[shares.length];
    double sum = 0;
    for (int v = 0; v < shares.length; v++) {
      sum += shares[v];
      upTo[v] = v == shares.length - 1 ? 1.0 : sum / total;
    }
    // the salt is the table's path, so a profile that includes this one draws the same rows
    long salt = 0x7A81_0000_0000L ^ node.supportedPath().hashCode();
    for (Map.Entry<ParamNode, ValueSource[]> e : choices.entrySet()) {
      List<ValueSource> sources = new ArrayList<>();
      for (ValueSource s : e.getValue()) {
        sources.add(s != null ? s : e.getKey().source());
      }
      e.getKey().source(new ValueSource.Pick(sources, upTo, salt));
    }
  }

  private ValueSource value(ParamNode p, ConfigValue value, String key) {
    String text = String.valueOf(value.unwrapped());
    if (text.indexOf('{') >= 0) {
      String bad = Templates.invalidPlaceholder(text);
      if (bad != null) {
        throw in.error(value.origin(), key, "unknown placeholder " + bad);
      }
      return new ValueSource.Template(text);
    }
    if (!text.isEmpty() && p.spec().check(text) != ValueSpec.Check.OK) {
      throw in.error(value.origin(), key, "'" + text + "' is not valid");
    }
    return new ValueSource.Constant(text);
  }

  /**
   * Links every {@code follows { table = "Device.Hosts.Host.{i}.", match { A = B } }} once all
   * objects exist: the leader is a table in no other table, A its parameters, B those of the
   * follower's parent object.
   */
  void link(Map<String, ObjectNode> byPath, List<ParamNode> params) {
    linkFollows(byPath);
    for (ParamNode p : params) {
      if (p.source() instanceof ValueSource.MeshValue m && !m.controller()) {
        ObjectNode row = p.owner();
        while (row != null && row.depth() > 1) {
          row = row.parent();
        }
        while (row != null && !row.multiInstance()) {
          row = row.parent();
        }
        if (row == null || !row.meshRows()) {
          throw new ProfileException(
              p.origin()
                  + ": "
                  + p.supportedPath()
                  + ": a mesh member's value belongs in a row of"
                  + " a 'mesh = members' table");
        }
      }
    }
  }

  private void linkFollows(Map<String, ObjectNode> byPath) {
    for (Map.Entry<ObjectNode, Config> e : pendingFollows.entrySet()) {
      ObjectNode node = e.getKey();
      Config f = e.getValue();
      String key = followsKeys.get(node);
      in.keys(f.root(), key, "table", "match");
      String path = in.requiredString(f, "table", key + ".table");
      ObjectNode leader = byPath.get(path);
      if (leader == null
          || !leader.multiInstance()
          || leader.depth() != 1
          || leader.follows() != null
          || pendingFollows.containsKey(leader)) {
        throw in.error(
            f.getValue("table").origin(),
            key + ".table",
            "\"" + path + "\" is not a table in no other table that follows none");
      }
      List<ParamNode> leaderParams = new ArrayList<>();
      List<ParamNode> parentParams = new ArrayList<>();
      if (f.hasPath("match")) {
        for (Map.Entry<String, ConfigValue> m : HoconReader.inFileOrder(f.getObject("match"))) {
          String mkey = key + ".match." + m.getKey();
          ParamNode a = leader.param(m.getKey());
          ParamNode b = node.parent().param(String.valueOf(m.getValue().unwrapped()));
          if (a == null) {
            throw in.error(m.getValue().origin(), mkey, "no such parameter in " + leader);
          }
          if (b == null) {
            throw in.error(m.getValue().origin(), mkey, "no such parameter in " + node.parent());
          }
          leaderParams.add(a);
          parentParams.add(b);
        }
      }
      node.follows = new Follows(leader, leaderParams, parentParams);
    }
  }
}
