package io.fleetsim.datamodel;

import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The immutable data-model schema of one device profile, compiled once and shared by every agent of
 * that profile. Parameters and objects have dense numeric ids that key per-agent state.
 */
public final class Schema {
  private final String name;
  private final String dataModelUri;
  private final ObjectNode root;
  private final List<ObjectNode> objects;
  private final List<ParamNode> params;
  private final Map<String, ObjectNode> bySupportedPath;
  private final ProfileSettings settings;
  private final List<ObjectNode> churningTables;
  private final List<ParamNode> changingParams;

  Schema(
      String name,
      String dataModelUri,
      ObjectNode root,
      List<ObjectNode> objects,
      List<ParamNode> params,
      Map<String, ObjectNode> bySupportedPath,
      ProfileSettings settings) {
    this.name = name;
    this.dataModelUri = dataModelUri;
    this.root = root;
    this.objects = List.copyOf(objects);
    this.params = List.copyOf(params);
    this.bySupportedPath = Map.copyOf(bySupportedPath);
    this.settings = settings;
    // churning tables first, then those that follow one
    List<ObjectNode> moving = new java.util.ArrayList<>();
    objects.stream().filter(o -> o.churn() != null).forEach(moving::add);
    objects.stream().filter(o -> o.follows() != null).forEach(moving::add);
    this.churningTables = List.copyOf(moving);
    this.changingParams =
        this.params.stream()
            .filter(p -> p.source().notifiesChanges() && !p.valueChangeIgnored())
            .toList();
  }

  /** Parameters the device changes by itself in steps subscribers hear of (profile {@code hop}). */
  public List<ParamNode> changingParams() {
    return changingParams;
  }

  /**
   * Tables whose rows come and go with time: those that churn, then those that follow another
   * (profile {@code churn}, {@code follows}).
   */
  public List<ObjectNode> churningTables() {
    return churningTables;
  }

  public String name() {
    return name;
  }

  /** Reported in GetSupportedDM, e.g. {@code urn:broadband-forum-org:tr-181-2-19-1-usp}. */
  public String dataModelUri() {
    return dataModelUri;
  }

  /** {@code Device.} */
  public ObjectNode root() {
    return root;
  }

  /** Every object, indexed by {@link ObjectNode#id()}. */
  public List<ObjectNode> objects() {
    return objects;
  }

  /** Every parameter, indexed by {@link ParamNode#id()}. */
  public List<ParamNode> params() {
    return params;
  }

  public ParamNode param(int id) {
    return params.get(id);
  }

  /** The object with this {@code {i}} path, e.g. {@code Device.WiFi.SSID.{i}.}, or null. */
  public ObjectNode object(String supportedPath) {
    return bySupportedPath.get(supportedPath);
  }

  /**
   * The parameter with this {@code {i}} path, e.g. {@code Device.DeviceInfo.SerialNumber}, or null.
   */
  public ParamNode param(String supportedPath) {
    int dot = supportedPath.lastIndexOf('.');
    ObjectNode owner = dot < 0 ? null : object(supportedPath.substring(0, dot + 1));
    return owner == null ? null : owner.param(supportedPath.substring(dot + 1));
  }

  public Map<String, ObjectNode> objectsBySupportedPath() {
    return Collections.unmodifiableMap(bySupportedPath);
  }

  public ProfileSettings settings() {
    return settings;
  }
}
