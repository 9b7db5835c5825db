package io.fleetsim.agent;

import io.fleetsim.datamodel.EventNode;
import io.fleetsim.datamodel.ObjectNode;
import io.fleetsim.datamodel.ParamNode;
import io.fleetsim.datamodel.PathResolver;
import io.fleetsim.datamodel.Resolution;
import io.fleetsim.datamodel.ResolveOperation;
import io.fleetsim.usp.message.Json;
import io.fleetsim.usp.proto.UspMsg.Notify;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The notification engine: which Subscriptions a committed change, an event or a finished command
 * matches (ValueChange, ObjectCreation, ObjectDeletion, Event, OperationComplete; TR-369 Notify,
 * R-NOT.0a), the Notify each one gets, and the TriggerAction of the row (Notify, Config or
 * NotifyAndConfig, USP 1.3). Delivery and retry are {@link NotifyDelivery}'s. Stateless: it works
 * on the {@link AgentCore} it is given.
 */
final class NotificationEngine {
  private NotificationEngine() {}

  static void afterCommit(AgentCore agent, List<Change> changes, Outbox out) {
    for (Change c : changes) {
      if (c instanceof Change.ValueChanged v) {
        notifyValueChange(agent, v, out);
        SubscriptionLifecycle.onSubscriptionChange(
            agent, v.param().owner(), v.instances(), v.param());
      } else if (c instanceof Change.ObjectCreated oc) {
        notifyObjectCreation(agent, oc, out);
        SubscriptionLifecycle.onSubscriptionChange(agent, oc.table(), oc.instances(), null);
      } else if (c instanceof Change.ObjectDeleted od) {
        notifyObjectDeletion(agent, od, out);
      }
    }
  }

  static void notifyValueChange(AgentCore agent, Change.ValueChanged v, Outbox out) {
    if (v.param().valueChangeIgnored()) {
      return;
    }
    String path = v.param().owner().instancePath(v.instances()) + v.param().name();
    toSubscribers(
        agent,
        "ValueChange",
        ref -> SubscriptionMatcher.valueChange(ref, v.param(), v.instances(), agent.dm),
        () ->
            Notify.newBuilder()
                .setValueChange(
                    Notify.ValueChange.newBuilder().setParamPath(path).setParamValue(v.value())),
        out);
  }

  static void notifyObjectCreation(AgentCore agent, Change.ObjectCreated oc, Outbox out) {
    String path = oc.table().instancePath(oc.instances());
    toSubscribers(
        agent,
        "ObjectCreation",
        ref -> SubscriptionMatcher.objectCreation(ref, oc.table(), oc.instances(), agent.dm),
        () ->
            Notify.newBuilder()
                .setObjCreation(
                    Notify.ObjectCreation.newBuilder()
                        .setObjPath(path)
                        .putAllUniqueKeys(oc.uniqueKeys())),
        out);
  }

  static void notifyObjectDeletion(AgentCore agent, Change.ObjectDeleted od, Outbox out) {
    String path = od.table().instancePath(od.instances());
    toSubscribers(
        agent,
        "ObjectDeletion",
        ref -> SubscriptionMatcher.objectDeletion(ref, od.table(), od.instances()),
        () ->
            Notify.newBuilder().setObjDeletion(Notify.ObjectDeletion.newBuilder().setObjPath(path)),
        out);
  }

  /**
   * Acts on every active subscription of {@code notifType} one of whose ReferenceList paths {@code
   * matches}: each gets its own Notify (the subscription ID is set on it).
   */
  private static void toSubscribers(
      AgentCore agent,
      String notifType,
      Predicate<String> matches,
      Supplier<Notify.Builder> notify,
      Outbox out) {
    for (SubscriptionRows.Subscription s : SubscriptionRows.all(agent.dm)) {
      if (active(agent, s, notifType) && anyRef(s, matches)) {
        send(agent, s, notify.get(), out);
      }
    }
  }

  /** Sends an event to every matching Event subscription (of one recipient when given). */
  static void publishEvent(
      AgentCore agent,
      ObjectNode owner,
      int[] inst,
      String name,
      Map<String, String> params,
      String onlyRecipient,
      Outbox out) {
    EventNode event = owner.events().get(name);
    if (event == null) {
      return;
    }
    String objPath = owner.instancePath(inst);
    for (SubscriptionRows.Subscription s : SubscriptionRows.all(agent.dm)) {
      if (active(agent, s, "Event")
          && (onlyRecipient == null || onlyRecipient.equals(s.recipient()))
          && anyRef(s, ref -> SubscriptionMatcher.event(ref, event, objPath, agent.dm))) {
        Map<String, String> args =
            name.equals("Boot!") ? withParameterMap(agent, params, s.recipient()) : params;
        send(
            agent,
            s,
            Notify.newBuilder()
                .setEvent(
                    Notify.Event.newBuilder()
                        .setObjPath(objPath)
                        .setEventName(name)
                        .putAllParams(args)),
            out);
      }
    }
  }

  static void publishOperationComplete(AgentCore agent, Completion c, Outbox out) {
    toSubscribers(
        agent,
        "OperationComplete",
        ref -> SubscriptionMatcher.operationComplete(ref, c.command(), c.objPath(), agent.dm),
        () -> Notify.newBuilder().setOperComplete(operationComplete(c)),
        out);
  }

  private static Notify.OperationComplete.Builder operationComplete(Completion c) {
    Notify.OperationComplete.Builder oc =
        Notify.OperationComplete.newBuilder()
            .setObjPath(c.objPath())
            .setCommandName(c.command().name())
            .setCommandKey(c.commandKey());
    if (c.failure() == null) {
      oc.setReqOutputArgs(
          Notify.OperationComplete.OutputArgs.newBuilder().putAllOutputArgs(c.outputs()));
    } else {
      oc.setCmdFailure(
          Notify.OperationComplete.CommandFailure.newBuilder()
              .setErrCode(c.failure().code())
              .setErrMsg(c.failureMessage()));
    }
    return oc;
  }

  static boolean active(AgentCore agent, SubscriptionRows.Subscription s, String notifType) {
    return s.enabled()
        && s.notifType().equals(notifType)
        && ControllerTable.controllerEnabled(agent, s.recipient());
  }

  static boolean anyRef(SubscriptionRows.Subscription s, Predicate<String> matches) {
    for (String ref : s.referenceList()) {
      if (matches.test(ref)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Acts on a subscription that matched: TriggerAction Notify sends the Notify, Config applies
   * TriggerConfigSettings instead, NotifyAndConfig does both (USP 1.3, TP-469 1.93/1.94).
   */
  static void send(
      AgentCore agent, SubscriptionRows.Subscription s, Notify.Builder notify, Outbox out) {
    String action = s.triggerAction();
    if (!action.equals("Config")) {
      NotifyDelivery.deliver(
          agent, s.recipient(), s.id(), s.notifRetry(), s.notifExpiration(), notify, out);
    }
    if (action.equals("Config") || action.equals("NotifyAndConfig")) {
      applyTriggerConfig(agent, s.triggerConfigSettings(), out);
    }
  }

  /** Applies {@code Path=Value} items as the agent's own Set; the changes notify as usual. */
  static void applyTriggerConfig(AgentCore agent, String settings, Outbox out) {
    if (agent.applyingTriggerConfig || settings.isBlank()) {
      return; // one level only: a Config action never triggers further Config actions
    }
    agent.applyingTriggerConfig = true;
    try {
      RequestContext ctx = new RequestContext(agent.dm, agent.endpointId, "");
      for (String item : settings.split(",")) {
        int eq = item.indexOf('=');
        if (eq <= 0) {
          continue;
        }
        String path = item.substring(0, eq).trim();
        String value = item.substring(eq + 1).trim();
        Resolution r = PathResolver.resolve(path, ResolveOperation.SET, agent.dm);
        if (r instanceof Resolution.Ok ok && ok.element() instanceof ParamNode p) {
          for (Resolution.ObjRef ref : ok.refs()) {
            ParamWrites.Target t = new ParamWrites.Target(p, ref.instances());
            if (ParamWrites.check(t, value, false, agent.dm) == null) {
              String v = ParamWrites.canonical(p, value);
              if (!agent.dm.value(p, ref.instances()).equals(v)) {
                agent.dm.set(p, ref.instances(), v);
                ctx.changes.add(new Change.ValueChanged(p, ref.instances(), v));
              }
            } else {
              agent.env.stats().dropped("TRIGGER_CONFIG_REJECTED", item);
            }
          }
        } else {
          agent.env.stats().dropped("TRIGGER_CONFIG_REJECTED", item);
        }
      }
      afterCommit(agent, ctx.changes, out);
    } finally {
      agent.applyingTriggerConfig = false;
    }
  }

  static void bootEvent(AgentCore agent, BootInfo b, Outbox out) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("CommandKey", b.commandKey());
    params.put("Cause", b.cause());
    params.put("Reason", "Unknown");
    params.put("FirmwareUpdated", Boolean.toString(b.firmwareUpdated()));
    publishEvent(agent, agent.dm.schema().root(), Instances.ROOT, "Boot!", params, null, out);
  }

  /** ParameterMap: a JSON object of the recipient's enabled BootParameter rows (TP-469 9.10). */
  static Map<String, String> withParameterMap(
      AgentCore agent, Map<String, String> params, String recipient) {
    Map<String, String> out = new LinkedHashMap<>(params);
    StringBuilder json = new StringBuilder("{");
    ObjectNode bootParams = agent.dm.schema().object(Tr181Paths.BOOT_PARAMETER);
    int controller = ControllerTable.instanceOf(recipient);
    if (bootParams != null && controller > 0) {
      int[] parent = {controller};
      for (int n : agent.dm.instances(bootParams, parent)) {
        int[] inst = {controller, n};
        if (!Boolean.parseBoolean(agent.dm.value(bootParams.param("Enable"), inst))) {
          continue;
        }
        String pattern = agent.dm.value(bootParams.param("ParameterName"), inst);
        Resolution r = PathResolver.resolve(pattern, ResolveOperation.GET, agent.dm);
        if (r instanceof Resolution.Ok ok && ok.element() instanceof ParamNode p) {
          for (Resolution.ObjRef ref : ok.refs()) {
            if (json.length() > 1) {
              json.append(',');
            }
            json.append(Json.quote(ref.path() + p.name()))
                .append(':')
                .append(Json.quote(GetHandler.readable(p, ref.instances(), agent.dm)));
          }
        }
      }
    }
    out.put("ParameterMap", json.append('}').toString());
    return out;
  }
}
