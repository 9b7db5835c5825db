package io.fleetsim.agent;

import io.fleetsim.datamodel.Access;
import io.fleetsim.datamodel.AgentDataModel;
import io.fleetsim.datamodel.ObjectNode;
import io.fleetsim.datamodel.ParamNode;
import io.fleetsim.datamodel.TypedValues;
import io.fleetsim.datamodel.ValueSpec;
import io.fleetsim.usp.message.UspErrorCode;

/**
 * Validates one parameter write of a Set or Add (TR-369 Set and Add, allow_partial and required):
 * unknown 7010, not writable 7013, bad type 7011, bad value 7012. Relative names may reach into
 * single-instance sub-objects.
 */
final class ParamWrites {
  private ParamWrites() {}

  /** A parameter located from an object instance and a relative name. */
  record Target(ParamNode param, int[] instances) {}

  /** Finds {@code Stats.BytesSent}-style relative names below an instance; null when unknown. */
  static Target locate(ObjectNode node, int[] instances, String relative) {
    ObjectNode n = node;
    int start = 0;
    int dot;
    while ((dot = relative.indexOf('.', start)) >= 0) {
      n = n.child(relative.substring(start, dot));
      if (n == null || n.multiInstance()) {
        return null;
      }
      start = dot + 1;
    }
    ParamNode p = n.param(relative.substring(start));
    return p == null ? null : new Target(p, instances);
  }

  /**
   * Checks a write; null when allowed. {@code creating} is true inside Add, where writeOnceReadOnly
   * parameters and unique keys may still be given.
   */
  static UspErrorCode check(Target t, String value, boolean creating, AgentDataModel dm) {
    if (t == null) {
      return UspErrorCode.UNSUPPORTED_PARAMETER;
    }
    ParamNode p = t.param();
    if (p.access() == Access.READ_ONLY) {
      return UspErrorCode.NOT_WRITABLE;
    }
    ValueSpec.Check c = p.spec().check(value);
    if (c == ValueSpec.Check.BAD_TYPE) {
      return UspErrorCode.INVALID_TYPE;
    }
    if (c == ValueSpec.Check.BAD_VALUE) {
      return UspErrorCode.INVALID_VALUE;
    }
    if (!creating && immutable(p) && !dm.value(p, t.instances()).equals(canonical(p, value))) {
      // writeOnceReadOnly was written at creation (TP-469 1.104); unique keys are immutable since
      // USP 1.3 (TP-469 1.96); a Subscription's ReferenceList is immutable once set (TR-181).
      return UspErrorCode.NOT_WRITABLE;
    }
    return null;
  }

  private static boolean immutable(ParamNode p) {
    return p.access() == Access.WRITE_ONCE_READ_ONLY
        || p.owner().isUniqueKey(p.name())
        || SubscriptionRows.isReferenceList(p);
  }

  static String canonical(ParamNode p, String value) {
    return TypedValues.canonical(p.type(), value);
  }
}
