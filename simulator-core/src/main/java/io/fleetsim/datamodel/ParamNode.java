package io.fleetsim.datamodel;

import java.util.List;

/**
 * A parameter of the shared schema: type, access, constraints and where its value comes from when
 * no agent wrote it. {@code id} is unique within a schema and keys per-agent written values.
 */
public final class ParamNode {
  private final int id;
  private final String name;
  private final ObjectNode owner;
  private final ValueSpec spec;
  private ValueSource source;
  private final boolean valueChangeIgnored;
  private final boolean secured;
  private final String origin;
  ObjectNode countedTable;

  ParamNode(
      int id,
      String name,
      ObjectNode owner,
      ValueSpec spec,
      ValueSource source,
      boolean valueChangeIgnored,
      boolean secured,
      String origin) {
    this.id = id;
    this.name = name;
    this.owner = owner;
    this.spec = spec;
    this.source = source;
    this.valueChangeIgnored = valueChangeIgnored;
    this.secured = secured;
    this.origin = origin;
  }

  /** Where the profile defines it, {@code file:line}. */
  public String origin() {
    return origin;
  }

  public int id() {
    return id;
  }

  public String name() {
    return name;
  }

  public ObjectNode owner() {
    return owner;
  }

  public ValueSpec spec() {
    return spec;
  }

  public ParamType type() {
    return spec.type();
  }

  public Access access() {
    return spec.access();
  }

  public ValueSource source() {
    return source;
  }

  /** While compiling: the table's {@code variants} replace the profile's source. */
  void source(ValueSource replaced) {
    this.source = replaced;
  }

  /**
   * Counters and UpTime: GetSupportedDM reports VALUE_CHANGE_WILL_IGNORE and ValueChange skips
   * them.
   */
  public boolean valueChangeIgnored() {
    return valueChangeIgnored;
  }

  /** Secured parameters (passwords, keys) read back as an empty string (TR-181 {@code secured}). */
  public boolean secured() {
    return secured;
  }

  /**
   * For a {@code *NumberOfEntries} parameter: the table it counts (its value is computed), else
   * null.
   */
  public ObjectNode countedTable() {
    return countedTable;
  }

  /** The enumeration of allowed values, empty when any value of the type is allowed. */
  public List<String> enumeration() {
    return spec.enumeration();
  }

  /** The supported path, e.g. {@code Device.WiFi.SSID.{i}.SSID}. */
  public String supportedPath() {
    return owner.supportedPath() + name;
  }

  @Override
  public String toString() {
    return supportedPath();
  }
}
