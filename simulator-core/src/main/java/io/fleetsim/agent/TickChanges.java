package io.fleetsim.agent;

import io.fleetsim.datamodel.ObjectNode;
import io.fleetsim.datamodel.ParamNode;
import java.util.ArrayList;
import java.util.List;

/**
 * What time changed in a tick window without any request: rows of churning tables that came or went
 * (ObjectCreation, ObjectDeletion) and values the device changes by itself (ValueChange), all
 * computed from (seed, agent, time) with nothing stored. Stateless.
 */
final class TickChanges {
  private TickChanges() {}

  static List<Change> churnSince(
      AgentCore agent, long sinceMillis, long now, List<Change> changes) {
    // churning tables come first: a table that follows one is looked at only when its rows moved
    // in this window (a Set of the matched parameter moves rows too, but is no tick's change)
    List<ObjectNode> moved = List.of();
    for (ObjectNode table : agent.dm.schema().churningTables()) {
      if (table.follows() != null && !moved.contains(table.follows().leader())) {
        continue;
      }
      boolean changed = false;
      for (int[] parent : parentInstances(agent, table)) {
        int[] before = agent.dm.instancesAt(table, parent, sinceMillis);
        int[] after = agent.dm.instancesAt(table, parent, now);
        if (java.util.Arrays.equals(before, after)) {
          continue;
        }
        changed = true;
        if (changes == null) {
          changes = new ArrayList<>();
        }
        for (int n : before) {
          if (java.util.Arrays.binarySearch(after, n) < 0) {
            changes.add(new Change.ObjectDeleted(table, Instances.append(parent, n)));
          }
        }
        for (int n : after) {
          if (java.util.Arrays.binarySearch(before, n) < 0) {
            int[] inst = Instances.append(parent, n);
            changes.add(
                new Change.ObjectCreated(
                    table, inst, AddHandler.uniqueKeys(table, inst, agent.dm)));
          }
        }
      }
      if (changed && table.churn() != null) {
        moved = moved.isEmpty() ? new ArrayList<>() : moved;
        moved.add(table);
      }
    }
    return changes;
  }

  /** Values of {@link io.fleetsim.datamodel.Schema#changingParams} that moved since then. */
  static List<Change> valueChangesSince(
      AgentCore agent, long sinceMillis, long now, List<Change> changes) {
    List<ParamNode> changing = agent.dm.schema().changingParams();
    if (changing.isEmpty()) {
      return changes;
    }
    List<int[]> instances = new ArrayList<>();
    for (ParamNode p : changing) {
      instances.clear();
      collectInstances(agent, p.owner(), instances);
      for (int[] inst : instances) {
        String value = agent.dm.valueAt(p, inst, now);
        if (!value.equals(agent.dm.valueAt(p, inst, sinceMillis))) {
          if (changes == null) {
            changes = new ArrayList<>();
          }
          changes.add(new Change.ValueChanged(p, inst, value));
        }
      }
    }
    return changes;
  }

  /** Every existing instance of the object that holds {@code table}. */
  static List<int[]> parentInstances(AgentCore agent, ObjectNode table) {
    List<int[]> out = new ArrayList<>();
    collectInstances(agent, table.parent(), out);
    return out;
  }

  static void collectInstances(AgentCore agent, ObjectNode node, List<int[]> out) {
    if (node.depth() == 0) {
      out.add(Instances.ROOT);
      return;
    }
    ObjectNode table = node;
    while (!table.multiInstance()) {
      table = table.parent();
    }
    List<int[]> parents = new ArrayList<>();
    collectInstances(agent, table.parent(), parents);
    for (int[] p : parents) {
      for (int n : agent.dm.instances(table, p)) {
        int[] inst = Instances.append(p, n);
        if (agent.dm.exists(node, inst)) {
          out.add(inst);
        }
      }
    }
  }
}
