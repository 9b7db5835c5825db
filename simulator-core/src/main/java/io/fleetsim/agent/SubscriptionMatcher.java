package io.fleetsim.agent;

import io.fleetsim.datamodel.AgentDataModel;
import io.fleetsim.datamodel.CommandNode;
import io.fleetsim.datamodel.EventNode;
import io.fleetsim.datamodel.ObjectNode;
import io.fleetsim.datamodel.ParamNode;
import io.fleetsim.datamodel.PathResolver;
import io.fleetsim.datamodel.Resolution;
import io.fleetsim.datamodel.ResolveOperation;
import io.fleetsim.usp.path.PathParser;
import io.fleetsim.usp.path.PathSyntaxException;
import io.fleetsim.usp.path.UspPath;
import java.util.Arrays;

/**
 * Decides whether a Subscription's ReferenceList covers a change, per NotifType (TR-369 Path Names,
 * "Subscription.ReferenceList"): ValueChange takes parameter, object and search paths (an object
 * path covers everything below it); ObjectCreation takes table paths; ObjectDeletion instance paths
 * or wildcards; OperationComplete and Event take command or event paths, or object paths as a
 * filter.
 */
final class SubscriptionMatcher {
  private SubscriptionMatcher() {}

  static boolean valueChange(String ref, ParamNode p, int[] inst, AgentDataModel dm) {
    Resolution r = PathResolver.resolve(ref, ResolveOperation.SUBSCRIPTION, dm);
    if (!(r instanceof Resolution.Ok ok)) {
      return false;
    }
    for (Resolution.ObjRef o : ok.refs()) {
      if (ok.element() instanceof ParamNode q) {
        if (q == p && Arrays.equals(o.instances(), inst)) {
          return true;
        }
      } else if (ok.element() == null && covers(o.node(), o.instances(), p.owner(), inst)) {
        return true;
      }
    }
    return false;
  }

  static boolean objectCreation(String ref, ObjectNode table, int[] inst, AgentDataModel dm) {
    Resolution r = PathResolver.resolve(ref, ResolveOperation.SUBSCRIPTION, dm);
    if (!(r instanceof Resolution.Ok ok) || !ok.atTable()) {
      return false;
    }
    int[] parent = Instances.parent(inst);
    for (Resolution.ObjRef o : ok.refs()) {
      if (o.node() == table && Arrays.equals(o.instances(), parent)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The instance is gone, so the path is matched by shape: names equal, instance numbers equal, and
   * {@code *} or a search expression accept any instance (a search cannot be evaluated on a deleted
   * row). A table path covers all its instances.
   */
  static boolean objectDeletion(String ref, ObjectNode table, int[] inst) {
    UspPath path;
    try {
      path = PathParser.parse(ref);
    } catch (PathSyntaxException e) {
      return false;
    }
    if (path.tail() != UspPath.Tail.OBJECT) {
      return false;
    }
    String[] tokens = table.instancePath(inst).split("\\.");
    int i = 0;
    for (UspPath.Segment seg : path.segments()) {
      if (i >= tokens.length) {
        return false;
      }
      String token = tokens[i++];
      if (seg instanceof UspPath.Name n) {
        if (!n.name().equals(token)) {
          return false;
        }
      } else if (seg instanceof UspPath.Instance number) {
        if (!Integer.toString(number.number()).equals(token)) {
          return false;
        }
      } else if (!(seg instanceof UspPath.Wildcard || seg instanceof UspPath.Filter)) {
        return false;
      }
    }
    // the whole instance path, or its table path (all but the final instance number)
    return i == tokens.length || i == tokens.length - 1;
  }

  static boolean operationComplete(
      String ref, CommandNode command, String objPath, AgentDataModel dm) {
    return commandOrEvent(ref, command, objPath, dm);
  }

  static boolean event(String ref, EventNode event, String objPath, AgentDataModel dm) {
    return commandOrEvent(ref, event, objPath, dm);
  }

  private static boolean commandOrEvent(
      String ref, Object element, String objPath, AgentDataModel dm) {
    Resolution r = PathResolver.resolve(ref, ResolveOperation.SUBSCRIPTION, dm);
    if (!(r instanceof Resolution.Ok ok)) {
      return false;
    }
    for (Resolution.ObjRef o : ok.refs()) {
      if (ok.element() == element && o.path().equals(objPath)) {
        return true;
      }
      if (ok.element() == null) {
        String prefix = ok.atTable() ? o.node().tablePath(o.instances()) : o.path();
        if (objPath.startsWith(prefix)) {
          return true;
        }
      }
    }
    return false;
  }

  /** True when object instance (node, inst) lies at or below (top, topInst). */
  private static boolean covers(ObjectNode top, int[] topInst, ObjectNode node, int[] inst) {
    if (!node.supportedPath().startsWith(top.supportedPath()) || inst.length < topInst.length) {
      return false;
    }
    for (int i = 0; i < topInst.length; i++) {
      if (inst[i] != topInst[i]) {
        return false;
      }
    }
    return true;
  }
}
