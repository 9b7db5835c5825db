package io.fleetsim.datamodel;

import java.util.Arrays;

/**
 * What one agent's data model differs in from its profile: values written by Set, Add and
 * operations, and tables whose instances changed at run time. Immutable and interned: a write
 * builds a new overlay, so a Set or Add transaction commits by swapping one reference and rolls
 * back by dropping it, and agents with the same history share one instance. Keys are (object id,
 * instance numbers), sorted.
 */
final class Overlay {
  static final Overlay EMPTY = new Overlay(new Key[0], new Row[0], new Key[0], new Table[0]);

  private static final Interner<Overlay> OVERLAYS = new Interner<>();
  private static final Interner<Key> KEYS = new Interner<>();
  private static final Interner<Row> ROWS = new Interner<>();
  private static final Interner<Table> TABLES = new Interner<>();

  private final Key[] rowKeys;
  private final Row[] rows;
  private final Key[] tableKeys;
  private final Table[] tables;
  private final int hash;

  /**
   * One value derived from this overlay for one (device model, table), shared by every agent with
   * these writes ({@link AgentDataModel#sharedDerived}); not part of equality.
   */
  private volatile Object[] memo;

  private Overlay(Key[] rowKeys, Row[] rows, Key[] tableKeys, Table[] tables) {
    this.rowKeys = rowKeys;
    this.rows = rows;
    this.tableKeys = tableKeys;
    this.tables = tables;
    this.hash =
        31
                * (31 * (31 * Arrays.hashCode(rowKeys) + Arrays.hashCode(rows))
                    + Arrays.hashCode(tableKeys))
            + Arrays.hashCode(tables);
  }

  /** The value derived for (device, table), or null. */
  Object memo(Object device, Object table) {
    Object[] m = memo;
    return m != null && m[0] == device && m[1] == table ? m[2] : null;
  }

  void memo(Object device, Object table, Object value) {
    memo = new Object[] {device, table, value};
  }

  /** The written value of param {@code paramId} on the instance, or null. */
  String value(int objectId, int[] instances, int paramId) {
    int i = find(rowKeys, objectId, instances);
    return i < 0 ? null : rows[i].get(paramId);
  }

  /** The run-time instance list of a table under a parent instance, or null when unchanged. */
  Table table(int tableObjectId, int[] parentInstances) {
    int i = find(tableKeys, tableObjectId, parentInstances);
    return i < 0 ? null : tables[i];
  }

  Overlay withValue(int objectId, int[] instances, int paramId, String value) {
    int i = find(rowKeys, objectId, instances);
    if (i >= 0) {
      Row row = rows[i].with(paramId, value);
      Row[] newRows = rows.clone();
      newRows[i] = ROWS.intern(row);
      return intern(new Overlay(rowKeys, newRows, tableKeys, tables));
    }
    int at = -i - 1;
    Key key = KEYS.intern(new Key(objectId, instances.clone()));
    Row row = ROWS.intern(Row.EMPTY.with(paramId, value));
    return intern(new Overlay(insert(rowKeys, at, key), insert(rows, at, row), tableKeys, tables));
  }

  Overlay withTable(int tableObjectId, int[] parentInstances, Table table) {
    Table t = TABLES.intern(table);
    int i = find(tableKeys, tableObjectId, parentInstances);
    if (i >= 0) {
      Table[] newTables = tables.clone();
      newTables[i] = t;
      return intern(new Overlay(rowKeys, rows, tableKeys, newTables));
    }
    int at = -i - 1;
    Key key = KEYS.intern(new Key(tableObjectId, parentInstances.clone()));
    return intern(new Overlay(rowKeys, rows, insert(tableKeys, at, key), insert(tables, at, t)));
  }

  /** Drops the written values of an instance and of everything below it. */
  Overlay withoutInstance(int[] instances, java.util.function.IntPredicate isBelowObject) {
    int kept = 0;
    Key[] newKeys = new Key[rowKeys.length];
    Row[] newRows = new Row[rows.length];
    for (int i = 0; i < rowKeys.length; i++) {
      if (!(isBelowObject.test(rowKeys[i].objectId)
          && startsWith(rowKeys[i].instances, instances))) {
        newKeys[kept] = rowKeys[i];
        newRows[kept++] = rows[i];
      }
    }
    int keptTables = 0;
    Key[] newTableKeys = new Key[tableKeys.length];
    Table[] newTables = new Table[tables.length];
    for (int i = 0; i < tableKeys.length; i++) {
      if (!(isBelowObject.test(tableKeys[i].objectId)
          && startsWith(tableKeys[i].instances, instances))) {
        newTableKeys[keptTables] = tableKeys[i];
        newTables[keptTables++] = tables[i];
      }
    }
    return intern(
        new Overlay(
            Arrays.copyOf(newKeys, kept),
            Arrays.copyOf(newRows, kept),
            Arrays.copyOf(newTableKeys, keptTables),
            Arrays.copyOf(newTables, keptTables)));
  }

  int rowCount() {
    return rows.length;
  }

  private static Overlay intern(Overlay o) {
    return o.rowKeys.length == 0 && o.tableKeys.length == 0 ? EMPTY : OVERLAYS.intern(o);
  }

  private static boolean startsWith(int[] instances, int[] prefix) {
    if (instances.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (instances[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static int find(Key[] keys, int objectId, int[] instances) {
    int lo = 0;
    int hi = keys.length - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int c = keys[mid].compareTo(objectId, instances);
      if (c < 0) {
        lo = mid + 1;
      } else if (c > 0) {
        hi = mid - 1;
      } else {
        return mid;
      }
    }
    return -(lo + 1);
  }

  private static <T> T[] insert(T[] array, int at, T value) {
    T[] out = Arrays.copyOf(array, array.length + 1);
    System.arraycopy(array, at, out, at + 1, array.length - at);
    out[at] = value;
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Overlay other
        && hash == other.hash
        && Arrays.equals(rowKeys, other.rowKeys)
        && Arrays.equals(rows, other.rows)
        && Arrays.equals(tableKeys, other.tableKeys)
        && Arrays.equals(tables, other.tables);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  /** (object id, instance numbers): one object instance, or for tables the parent instance. */
  static final class Key {
    final int objectId;
    final int[] instances;

    Key(int objectId, int[] instances) {
      this.objectId = objectId;
      this.instances = instances;
    }

    int compareTo(int otherObject, int[] otherInstances) {
      if (objectId != otherObject) {
        return Integer.compare(objectId, otherObject);
      }
      return Arrays.compare(instances, otherInstances);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.objectId == objectId && Arrays.equals(k.instances, instances);
    }

    @Override
    public int hashCode() {
      return 31 * objectId + Arrays.hashCode(instances);
    }
  }

  /** Written values of one instance: parameter ids (sorted) and their interned values. */
  static final class Row {
    static final Row EMPTY = new Row(new int[0], new String[0]);
    final int[] paramIds;
    final String[] values;

    Row(int[] paramIds, String[] values) {
      this.paramIds = paramIds;
      this.values = values;
    }

    String get(int paramId) {
      int i = Arrays.binarySearch(paramIds, paramId);
      return i < 0 ? null : values[i];
    }

    Row with(int paramId, String value) {
      String v = value.intern();
      int i = Arrays.binarySearch(paramIds, paramId);
      if (i >= 0) {
        String[] vs = values.clone();
        vs[i] = v;
        return new Row(paramIds, vs);
      }
      int at = -i - 1;
      int[] ids = new int[paramIds.length + 1];
      String[] vs = new String[values.length + 1];
      System.arraycopy(paramIds, 0, ids, 0, at);
      System.arraycopy(values, 0, vs, 0, at);
      ids[at] = paramId;
      vs[at] = v;
      System.arraycopy(paramIds, at, ids, at + 1, paramIds.length - at);
      System.arraycopy(values, at, vs, at + 1, values.length - at);
      return new Row(ids, vs);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Row r
          && Arrays.equals(r.paramIds, paramIds)
          && Arrays.equals(r.values, values);
    }

    @Override
    public int hashCode() {
      return 31 * Arrays.hashCode(paramIds) + Arrays.hashCode(values);
    }
  }

  /** A table's instance numbers (sorted) and the next number to assign (monotonic, R-ARC.8). */
  static final class Table {
    final int[] instances;
    final int next;

    Table(int[] instances, int next) {
      this.instances = instances;
      this.next = next;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Table t && t.next == next && Arrays.equals(t.instances, instances);
    }

    @Override
    public int hashCode() {
      return 31 * next + Arrays.hashCode(instances);
    }
  }
}
