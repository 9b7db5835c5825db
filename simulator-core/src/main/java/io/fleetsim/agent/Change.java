package io.fleetsim.agent;

import io.fleetsim.datamodel.ObjectNode;
import io.fleetsim.datamodel.ParamNode;
import java.util.Map;

/**
 * A committed change of an agent's data model that subscriptions may be notified of. Handlers
 * collect them and hand them over only after commit (obuspa dm_trans.c), so a rolled-back Set or
 * Add notifies nothing.
 */
sealed interface Change {

  /** A parameter's value changed (TR-369 ValueChange). */
  record ValueChanged(ParamNode param, int[] instances, String value) implements Change {}

  /** An instance was created (ObjectCreation), with its unique keys. */
  record ObjectCreated(ObjectNode table, int[] instances, Map<String, String> uniqueKeys)
      implements Change {}

  /** An instance was deleted (ObjectDeletion). */
  record ObjectDeleted(ObjectNode table, int[] instances) implements Change {}
}
