package io.fleetsim.datamodel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An object of the shared schema: a single object or a multi-instance table ({@code {i}}), with its
 * parameters, commands, events and child objects. Built once per profile by {@link SchemaBuilder}
 * and read-only afterwards; every agent of the profile shares it.
 */
public final class ObjectNode {
  private final int id;
  private final String name;
  private final String supportedPath;
  private final ObjectNode parent;
  private final boolean multiInstance;
  private final int depth;
  final Map<String, ObjectNode> children = new LinkedHashMap<>();
  final Map<String, ParamNode> params = new LinkedHashMap<>();
  private final Map<String, ObjectNode> childrenView = Collections.unmodifiableMap(children);
  private final Map<String, ParamNode> paramsView = Collections.unmodifiableMap(params);
  final Map<String, CommandNode> commands = new LinkedHashMap<>();
  final Map<String, EventNode> events = new LinkedHashMap<>();
  final List<List<String>> uniqueKeys = new ArrayList<>();
  boolean writable;
  int minEntries;
  int maxEntries = Integer.MAX_VALUE;
  private int defaultInstances;
  private int[] defaultInstanceNumbers = new int[0];
  String numEntriesParameter;
  String origin = "";
  private int[] presentIn;
  Churn churn;
  Follows follows;
  boolean meshRows;
  private volatile Boolean sameOnEveryAgent;
  String enableParameter;

  ObjectNode(int id, String name, ObjectNode parent, boolean multiInstance) {
    this.id = id;
    this.name = name;
    this.parent = parent;
    this.multiInstance = multiInstance;
    this.supportedPath =
        parent == null ? name + "." : parent.supportedPath + name + (multiInstance ? ".{i}." : ".");
    this.depth = (parent == null ? 0 : parent.depth) + (multiInstance ? 1 : 0);
  }

  public int id() {
    return id;
  }

  public String name() {
    return name;
  }

  /** {@code Device.WiFi.SSID.{i}.} */
  public String supportedPath() {
    return supportedPath;
  }

  public ObjectNode parent() {
    return parent;
  }

  public boolean multiInstance() {
    return multiInstance;
  }

  /**
   * How many instance numbers address one instance of this object (tables on the way, itself
   * included).
   */
  public int depth() {
    return depth;
  }

  /** For a table: the Controller may Add and Delete instances (TR-181 access="readWrite"). */
  public boolean writable() {
    return writable;
  }

  public int minEntries() {
    return minEntries;
  }

  public int maxEntries() {
    return maxEntries;
  }

  /** Instances each parent instance has when an agent is created (profile {@code instances}). */
  public int defaultInstances() {
    return defaultInstances;
  }

  /** {1..defaultInstances}, shared by every agent that never changed this table; never modified. */
  int[] defaultInstanceNumbers() {
    return defaultInstanceNumbers;
  }

  /** Set while the profile compiles, before the schema is published. */
  void defaultInstances(int count) {
    defaultInstances = count;
    defaultInstanceNumbers = new int[count];
    for (int i = 0; i < count; i++) {
      defaultInstanceNumbers[i] = i + 1;
    }
  }

  /**
   * False when this optional single object ({@code [0..1]} in TR-181, e.g. one class sub-object of
   * IoTCapability.{i}) is absent under the instance: profile {@code present-in} lists the parent
   * instance numbers that have it.
   */
  public boolean presentFor(int[] instances) {
    return presentIn == null
        || (instances.length > 0
            && java.util.Arrays.binarySearch(presentIn, instances[instances.length - 1]) >= 0);
  }

  void presentIn(int[] sortedInstanceNumbers) {
    this.presentIn = sortedInstanceNumbers;
  }

  /** How this table's rows come and go, or null for a table that only changes through USP. */
  public Churn churn() {
    return churn;
  }

  /**
   * True when what an agent reads in this object is its writes and values the same on every agent:
   * every parameter's profile value is a constant or a template of instance numbers (no index,
   * serial, clock, counter or other per-device or moving generator), and the rows are not computed
   * (churn, follows, mesh). Then values derived from the rows can be shared by the agents with the
   * same writes.
   */
  public boolean sameOnEveryAgent() {
    Boolean known = sameOnEveryAgent;
    if (known == null) {
      boolean same = churn == null && follows == null && !meshRows;
      for (ParamNode p : params.values()) {
        same &= sameOnEveryAgent(p.source());
      }
      sameOnEveryAgent = known = same;
    }
    return known;
  }

  private static boolean sameOnEveryAgent(ValueSource s) {
    if (s instanceof ValueSource.Constant) {
      return true;
    }
    if (s instanceof ValueSource.Template t) {
      return !Templates.namesTheAgent(t.pattern());
    }
    if (s instanceof ValueSource.PerInstance p) {
      return sameOnEveryAgent(p.fallback())
          && p.byInstance().values().stream().allMatch(ObjectNode::sameOnEveryAgent);
    }
    return false;
  }

  /** True when the rows are the members of the agent's Wi-Fi mesh (profile {@code mesh}). */
  public boolean meshRows() {
    return meshRows;
  }

  /** The table whose rows this one mirrors (profile {@code follows}), or null. */
  public Follows follows() {
    return follows;
  }

  /** Where the profile defines it, {@code file:line}. */
  public String origin() {
    return origin;
  }

  /** The parameter in the parent that counts this table's instances, or null. */
  public String numEntriesParameter() {
    return numEntriesParameter;
  }

  /** The parameter that enables a row, or null. */
  public String enableParameter() {
    return enableParameter;
  }

  public Map<String, ObjectNode> children() {
    return childrenView;
  }

  public Map<String, ParamNode> params() {
    return paramsView;
  }

  public Map<String, CommandNode> commands() {
    return Collections.unmodifiableMap(commands);
  }

  public Map<String, EventNode> events() {
    return Collections.unmodifiableMap(events);
  }

  /** Each unique key is a list of parameter names; all of them together identify a row. */
  public List<List<String>> uniqueKeys() {
    return Collections.unmodifiableList(uniqueKeys);
  }

  public ObjectNode child(String childName) {
    return children.get(childName);
  }

  public ParamNode param(String paramName) {
    return params.get(paramName);
  }

  /** True when {@code name} is one of this table's unique-key parameters. */
  public boolean isUniqueKey(String paramName) {
    for (List<String> key : uniqueKeys) {
      if (key.contains(paramName)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The instantiated path, e.g. {@code Device.WiFi.SSID.2.}, for {@code instances} of length depth.
   */
  public String instancePath(int[] instances) {
    StringBuilder sb = new StringBuilder(supportedPath.length() + 8);
    appendPath(sb, instances);
    return sb.toString();
  }

  void appendPath(StringBuilder sb, int[] instances) {
    if (parent != null) {
      parent.appendPath(sb, instances);
    }
    sb.append(name).append('.');
    if (multiInstance) {
      sb.append(instances[depth - 1]).append('.');
    }
  }

  /** The path of this table itself under a parent instance, e.g. {@code Device.WiFi.SSID.}. */
  public String tablePath(int[] parentInstances) {
    StringBuilder sb = new StringBuilder(supportedPath.length());
    if (parent != null) {
      parent.appendPath(sb, parentInstances);
    }
    return sb.append(name).append('.').toString();
  }

  @Override
  public String toString() {
    return supportedPath;
  }
}
