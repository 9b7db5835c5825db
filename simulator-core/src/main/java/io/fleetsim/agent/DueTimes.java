package io.fleetsim.agent;

import io.fleetsim.datamodel.ObjectNode;
import io.fleetsim.datamodel.ParamNode;
import java.util.ArrayList;
import java.util.List;

/**
 * When an agent next has something for its subscribers that time alone brings: a Periodic! of a
 * Controller with a periodic subscription, a value the device changes by itself ({@code hop}) that
 * a ValueChange subscription hears of, a row of a churning table coming or going that an
 * ObjectCreation or ObjectDeletion subscription hears of. All computed from (seed, agent, time), so
 * the fleet ticks an agent only when it is due ({@link AgentCore#onDueTick}), not every second.
 * Stateless.
 */
final class DueTimes {
  private DueTimes() {}

  /** The first instant after {@code afterMillis} with something due, or {@link Long#MAX_VALUE}. */
  static long next(AgentCore agent, long afterMillis) {
    int wanted = SubscriptionRows.wanted(agent.dm);
    long next = Long.MAX_VALUE;
    if ((wanted & SubscriptionRows.PERIODIC) != 0) {
      next = Math.min(next, SubscriptionLifecycle.nextPeriodicAny(agent, afterMillis));
    }
    if ((wanted & SubscriptionRows.VALUE_CHANGE) != 0) {
      List<int[]> instances = new ArrayList<>();
      for (ParamNode p : agent.dm.schema().changingParams()) {
        instances.clear();
        TickChanges.collectInstances(agent, p.owner(), instances);
        for (int[] inst : instances) {
          next = Math.min(next, agent.dm.nextChangeAfter(p, inst, afterMillis));
        }
      }
    }
    if ((wanted & SubscriptionRows.OBJECT_CHANGES) != 0) {
      for (ObjectNode table : agent.dm.schema().churningTables()) {
        if (table.churn() != null) {
          for (int[] parent : TickChanges.parentInstances(agent, table)) {
            next = Math.min(next, agent.dm.nextRowChangeAfter(table, parent, afterMillis));
          }
        }
      }
    }
    return next;
  }
}
