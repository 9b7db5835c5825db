package io.fleetsim.datamodel;

import java.util.Arrays;
import java.util.function.Function;

/**
 * One agent's data model: the shared {@link DeviceModel} plus what this agent changed (an interned
 * {@link Overlay}). Values nobody wrote are computed from the profile on read. About 32 bytes per
 * agent while nothing was written; not thread-safe: an agent is driven by one thread at a time.
 */
public final class AgentDataModel {
  private static final int[] NO_INSTANCES = new int[0];

  private final DeviceModel device;
  private final int index;
  private long bootMillis;
  private Overlay overlay = Overlay.EMPTY;

  AgentDataModel(DeviceModel device, int index, long bootMillis) {
    this.device = device;
    this.index = index;
    this.bootMillis = bootMillis;
  }

  public Schema schema() {
    return device.schema();
  }

  public DeviceModel device() {
    return device;
  }

  public int index() {
    return index;
  }

  public long nowMillis() {
    return device.clock().millis();
  }

  public long bootMillis() {
    return bootMillis;
  }

  /** Restarts the clock of UpTime and counters: the agent rebooted. */
  public void rebooted(long atMillis) {
    this.bootMillis = atMillis;
  }

  /**
   * A value derived from this agent's rows of {@code table} (its subscriptions, parsed), computed
   * once and shared by every agent of the device model with the same writes, when the table's
   * values are the same on every agent ({@link ObjectNode#sameOnEveryAgent}); else computed. {@code
   * derive} must depend on nothing but those rows.
   */
  @SuppressWarnings("unchecked")
  public <T> T sharedDerived(ObjectNode table, Function<AgentDataModel, T> derive) {
    if (!table.sameOnEveryAgent()) {
      return derive.apply(this);
    }
    Overlay o = overlay;
    Object known = o.memo(device, table);
    if (known != null) {
      return (T) known;
    }
    T value = derive.apply(this);
    o.memo(device, table, value);
    return value;
  }

  /** True while this agent has written nothing: every value is its profile's. */
  public boolean pristine() {
    return overlay == Overlay.EMPTY;
  }

  /**
   * Everything this agent wrote, as one immutable value that other agents of the same device model
   * may {@link #adopt} as is (a pre-provisioned fleet's shared snapshot).
   */
  public Writes writes() {
    return new Writes(device, overlay);
  }

  /**
   * Takes over {@code writes} of another agent of the same device model: nothing is copied, and
   * nothing is replayed or notified.
   */
  public void adopt(Writes writes) {
    if (writes.device != device) {
      throw new IllegalArgumentException("writes of another device model");
    }
    overlay = writes.overlay;
  }

  /** An agent's writes, shareable by every agent of its device model (immutable, interned). */
  public static final class Writes {
    private final DeviceModel device;
    private final Overlay overlay;

    private Writes(DeviceModel device, Overlay overlay) {
      this.device = device;
      this.overlay = overlay;
    }
  }

  /** Forgets every write: the device is as the profile describes it (FactoryReset()). */
  public void factoryReset() {
    overlay = Overlay.EMPTY;
  }

  /** The current value of a parameter of an existing instance, in TR-106 string form. */
  public String value(ParamNode p, int[] instances) {
    String written = overlay.value(p.owner().id(), instances, p.id());
    if (written != null) {
      return written;
    }
    if (p.countedTable() != null) {
      return Integer.toString(instances(p.countedTable(), instances).length);
    }
    return computed(p.source(), instances, -1);
  }

  /**
   * The value the parameter had at {@code atMillis}, as far as the profile's generators tell: an
   * agent's own writes are taken as always there.
   */
  public String valueAt(ParamNode p, int[] instances, long atMillis) {
    String written = overlay.value(p.owner().id(), instances, p.id());
    return written != null ? written : computed(p.source(), instances, atMillis);
  }

  /**
   * When a value the device changes by itself ({@code hop}) next moves after {@code afterMillis},
   * or {@link Long#MAX_VALUE}: never, or this agent wrote it.
   */
  public long nextChangeAfter(ParamNode p, int[] instances, long afterMillis) {
    if (isWritten(p, instances)) {
      return Long.MAX_VALUE;
    }
    return p.source().nextChangeAfter(new Context(instances, afterMillis), afterMillis);
  }

  /**
   * When a churning table's rows under a parent next change after {@code afterMillis}, or {@link
   * Long#MAX_VALUE} for a table whose rows do not move by themselves (a table that follows another
   * moves with it).
   */
  public long nextRowChangeAfter(ObjectNode table, int[] parentInstances, long afterMillis) {
    Churn churn = table.churn();
    if (churn == null || overlay.table(table.id(), parentInstances) != null) {
      return Long.MAX_VALUE;
    }
    return churn.nextChangeAfter(
        device.seed(), index, parentInstances, device.epochMillis(), afterMillis);
  }

  /** A profile value: a constant (most of them) without the context a generator needs. */
  private String computed(ValueSource source, int[] instances, long atMillis) {
    if (source instanceof ValueSource.Constant c) {
      return c.value();
    }
    return source.value(new Context(instances, atMillis));
  }

  /** True when this agent wrote the parameter (it no longer follows the profile). */
  public boolean isWritten(ParamNode p, int[] instances) {
    return overlay.value(p.owner().id(), instances, p.id()) != null;
  }

  /** The instance numbers of a table under a parent instance, ascending. */
  public int[] instances(ObjectNode table, int[] parentInstances) {
    return instancesAt(table, parentInstances, nowMillis());
  }

  /**
   * The instance numbers at a given time: a churning table's rows, and those of a table that
   * follows one, are computed from the clock (nothing stored), every other table's are its defaults
   * or what USP changed.
   */
  public int[] instancesAt(ObjectNode table, int[] parentInstances, long atMillis) {
    Overlay.Table t = overlay.table(table.id(), parentInstances);
    if (t != null) {
      return t.instances;
    }
    if (table.meshRows()) {
      return numbered(device.mesh().membersOf(index).length);
    }
    Follows follows = table.follows();
    if (follows != null) {
      return follows.instances(this, parentInstances, atMillis);
    }
    Churn churn = table.churn();
    if (churn != null) {
      return churn.instances(device.seed(), index, parentInstances, device.epochMillis(), atMillis);
    }
    return defaultInstances(table);
  }

  /** Rows 1..n, shared (n is at most a mesh's members). */
  private static final int[][] NUMBERED = new int[FleetMesh.WINDOW + 2][];

  static {
    for (int n = 0; n < NUMBERED.length; n++) {
      NUMBERED[n] = java.util.stream.IntStream.rangeClosed(1, n).toArray();
    }
  }

  private static int[] numbered(int n) {
    return n < NUMBERED.length
        ? NUMBERED[n]
        : java.util.stream.IntStream.rangeClosed(1, n).toArray();
  }

  /** True when the object instance exists: every table on its path has the instance number. */
  public boolean exists(ObjectNode node, int[] instances) {
    for (ObjectNode n = node; n != null; n = n.parent()) {
      if (!n.multiInstance() && !n.presentFor(Arrays.copyOf(instances, n.depth()))) {
        return false;
      }
      if (n.multiInstance()) {
        int[] parent = Arrays.copyOf(instances, n.depth() - 1);
        if (Arrays.binarySearch(instances(n, parent), instances[n.depth() - 1]) < 0) {
          return false;
        }
      }
    }
    return true;
  }

  /** Writes a value (already validated by the caller). */
  public void set(ParamNode p, int[] instances, String value) {
    overlay = overlay.withValue(p.owner().id(), instances, p.id(), value);
  }

  /**
   * Creates an instance with the next instance number (monotonic, never reused: R-ARC.8) and
   * returns it. Tables below a created instance start empty.
   */
  public int addInstance(ObjectNode table, int[] parentInstances) {
    Overlay.Table t = overlay.table(table.id(), parentInstances);
    int[] current = t != null ? t.instances : defaultInstances(table);
    int next = t != null ? t.next : table.defaultInstances() + 1;
    int number = Math.max(next, current.length == 0 ? 1 : current[current.length - 1] + 1);
    int[] grown = Arrays.copyOf(current, current.length + 1);
    grown[current.length] = number;
    overlay = overlay.withTable(table.id(), parentInstances, new Overlay.Table(grown, number + 1));
    int[] created = Arrays.copyOf(parentInstances, parentInstances.length + 1);
    created[parentInstances.length] = number;
    emptyChildTables(table, created);
    return number;
  }

  private void emptyChildTables(ObjectNode node, int[] instances) {
    for (ObjectNode child : node.children().values()) {
      if (child.multiInstance()) {
        overlay = overlay.withTable(child.id(), instances, new Overlay.Table(NO_INSTANCES, 1));
      } else {
        emptyChildTables(child, instances);
      }
    }
  }

  /** Deletes an instance with its values and everything below it. */
  public void deleteInstance(ObjectNode table, int[] instances) {
    int[] parent = Arrays.copyOf(instances, instances.length - 1);
    Overlay.Table t = overlay.table(table.id(), parent);
    int[] current = t != null ? t.instances : defaultInstances(table);
    int next = t != null ? t.next : table.defaultInstances() + 1;
    int at = Arrays.binarySearch(current, instances[instances.length - 1]);
    if (at < 0) {
      return;
    }
    int[] shrunk = new int[current.length - 1];
    System.arraycopy(current, 0, shrunk, 0, at);
    System.arraycopy(current, at + 1, shrunk, at, current.length - at - 1);
    overlay = overlay.withTable(table.id(), parent, new Overlay.Table(shrunk, next));
    String prefix = table.supportedPath();
    overlay =
        overlay.withoutInstance(
            instances, id -> schema().objects().get(id).supportedPath().startsWith(prefix));
  }

  /** A point to roll a failed transaction back to. */
  public Mark mark() {
    return new Mark(overlay);
  }

  /** Undoes everything written since {@code mark} (Set/Add atomicity, R-SET.2a). */
  public void rollbackTo(Mark mark) {
    overlay = mark.overlay;
  }

  /** How many object instances carry written values (for tests and memory reports). */
  public int writtenRows() {
    return overlay.rowCount();
  }

  /** True when two agents share one overlay object (interning works). */
  public boolean sharesStateWith(AgentDataModel other) {
    return overlay == other.overlay;
  }

  private static int[] defaultInstances(ObjectNode table) {
    return table.defaultInstanceNumbers();
  }

  /** An opaque transaction mark. */
  public static final class Mark {
    private final Overlay overlay;

    private Mark(Overlay overlay) {
      this.overlay = overlay;
    }
  }

  private final class Context implements ValueContext {
    private final int[] instances;
    private final long atMillis;

    /** {@code atMillis} &lt; 0: now. */
    Context(int[] instances, long atMillis) {
      this.instances = instances;
      this.atMillis = atMillis;
    }

    @Override
    public long seed() {
      return device.seed();
    }

    @Override
    public int agentIndex() {
      return index;
    }

    @Override
    public int[] instances() {
      return instances;
    }

    @Override
    public Mesh mesh() {
      return device.mesh();
    }

    @Override
    public long nowMillis() {
      return atMillis < 0 ? device.clock().millis() : atMillis;
    }

    @Override
    public long bootMillis() {
      return bootMillis;
    }
  }
}
