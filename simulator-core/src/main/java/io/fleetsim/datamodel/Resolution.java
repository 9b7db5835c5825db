package io.fleetsim.datamodel;

import io.fleetsim.usp.message.UspErrorCode;
import java.util.List;

/** The outcome of resolving a path against one agent's data model. */
public sealed interface Resolution {

  /**
   * One object instance (or, when {@code atTable}, a table under the parent instance {@code
   * instances}).
   */
  record ObjRef(ObjectNode node, int[] instances) {
    /** The instantiated path with a trailing dot; for a table ref, the table path. */
    public String path() {
      return instances.length < node.depth()
          ? node.tablePath(instances)
          : node.instancePath(instances);
    }
  }

  /**
   * The matched objects. {@code atTable} means the path ended at a table name without an instance
   * selector ({@code Device.LocalAgent.Subscription.}); each ref then names the table under one
   * parent instance. {@code element} is the ParamNode, CommandNode or EventNode of the tail, or
   * null.
   */
  record Ok(List<ObjRef> refs, boolean atTable, boolean search, Object element)
      implements Resolution {
    public Ok {
      refs = List.copyOf(refs);
    }
  }

  /** The path cannot be resolved: answer with {@code code}. */
  record Failed(UspErrorCode code, String message) implements Resolution {}
}
