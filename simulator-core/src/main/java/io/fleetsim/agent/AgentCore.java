package io.fleetsim.agent;

import io.fleetsim.datamodel.AgentDataModel;
import io.fleetsim.datamodel.CommandBehavior;
import io.fleetsim.datamodel.CommandNode;
import io.fleetsim.datamodel.EventNode;
import io.fleetsim.datamodel.ObjectNode;
import io.fleetsim.datamodel.ParamNode;
import io.fleetsim.datamodel.PathResolver;
import io.fleetsim.datamodel.Resolution;
import io.fleetsim.datamodel.ResolveOperation;
import io.fleetsim.datamodel.Schema;
import io.fleetsim.datamodel.TypedValues;
import io.fleetsim.usp.message.Json;
import io.fleetsim.usp.message.MsgDecodeResult;
import io.fleetsim.usp.message.UspErrorCode;
import io.fleetsim.usp.message.UspMessageCodec;
import io.fleetsim.usp.message.UspMessages;
import io.fleetsim.usp.proto.UspMsg.Header.MsgType;
import io.fleetsim.usp.proto.UspMsg.Msg;
import io.fleetsim.usp.proto.UspMsg.Notify;
import io.fleetsim.usp.proto.UspMsg.Request;
import io.fleetsim.usp.proto.UspRecord.DisconnectRecord;
import io.fleetsim.usp.proto.UspRecord.Record;
import io.fleetsim.usp.record.RecordDecodeResult;
import io.fleetsim.usp.record.RecordDropReason;
import io.fleetsim.usp.record.UspRecordCodec;
import io.fleetsim.usp.retry.RetryWait;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * One simulated USP agent, transport-agnostic: Records in as bytes, Records out through an {@link
 * Outbox}, deferred work through the fleet's {@link AgentTimers}. It applies the Record receive
 * rules of TR-369 (R-E2E.1, R-SEC.0, R-MTP.5), dispatches each request to its handler, and sends
 * the notifications that committed changes, events and finished commands owe to subscribers, with
 * retry of unacknowledged ones. Not thread-safe: one thread drives an agent at a time (its actor).
 */
public final class AgentCore {
  private static final String CONTROLLER_TABLE = "Device.LocalAgent.Controller.{i}.";
  private static final int[] ROOT = new int[0];

  private final AgentEnvironment env;
  private final AgentDataModel dm;
  private final String endpointId;
  private int msgCounter;
  private boolean rebooting;
  private boolean applyingTriggerConfig;

  /**
   * FirmwareImage banks (bit = instance number) holding an image that will not boot: decided when
   * its download lands, so it is all an agent stores of a bad release (one byte, in padding).
   */
  private byte unbootableBanks;

  /** Notifies sent with send_resp=true and not yet acknowledged, by msg_id; null when none. */
  private Map<String, PendingNotify> pending;

  /** What the next connect must announce (Boot! and completions across the reboot); null after. */
  private BootInfo boot;

  private AgentCore(AgentEnvironment env, int index) {
    this.env = env;
    this.dm = env.device().newAgent(index);
    this.endpointId = dm.value(endpointParam(dm.schema()), ROOT);
    this.boot = BootInfo.of("LocalReboot", "", null, List.of());
    env.stats().firmware(null, softwareVersion());
  }

  /** The firmware the agent runs ({@code Device.DeviceInfo.SoftwareVersion}), "" without one. */
  public String softwareVersion() {
    ObjectNode info = dm.schema().object("Device.DeviceInfo.");
    ParamNode p = info == null ? null : info.param("SoftwareVersion");
    return p == null ? "" : dm.value(p, ROOT);
  }

  /** A freshly powered-on agent; its first {@link #onConnected} sends Boot!. */
  public static AgentCore create(AgentEnvironment env, int index) {
    return new AgentCore(env, index);
  }

  /** The agent's USP endpoint ID (Device.LocalAgent.EndpointID, or the profile's template). */
  public String endpointId() {
    return endpointId;
  }

  /** The agent's data model (tests, benchmarks and the fleet's value-change driver read it). */
  public AgentDataModel dataModel() {
    return dm;
  }

  /** True between a reboot request and the restart. */
  public boolean rebooting() {
    return rebooting;
  }

  /**
   * The MTP to the Controllers is up: send what the boot owes (obuspa order: Boot!, then
   * OperationComplete of requests that finished across the reboot), then drop non-persistent
   * subscriptions (TR-181 Device.).
   */
  public void onConnected(Outbox out) {
    if (boot == null) {
      return;
    }
    BootInfo b = boot;
    boot = null;
    bootEvent(b, out);
    for (Completion c : b.completions()) {
      complete(c, out);
    }
    afterCommit(b.changes(), out);
    dropNonPersistentSubscriptions();
    if (!awaitingBootAck()) {
      out.lifecycle(AgentLifecycle.BOOTED);
    }
  }

  /** Whether a Boot! with NotifRetry is still waiting for its NotifyResp. */
  private boolean awaitingBootAck() {
    if (pending != null) {
      for (PendingNotify p : pending.values()) {
        if (p.metric().equals("Boot!")) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Configuration a deployed device kept from an earlier session: {@code add} (a Controller's Add
   * of subscriptions) is applied before the first connect, as if {@code controllerId} had sent it
   * back then. Nothing is answered or counted as traffic, since nothing crossed the MTP.
   *
   * @return false when the Add was refused (no such Controller, or the Add failed)
   */
  public boolean restore(Msg add, String controllerId) {
    String controllerRef = controllerRef(controllerId);
    if (controllerRef == null) {
      return false;
    }
    RequestContext ctx = new RequestContext(dm, controllerId, controllerRef);
    Msg resp = AddHandler.handle(add, ctx);
    afterCommit(ctx.changes, (controller, bytes) -> true); // no subscriber exists yet
    return resp.getBody().hasResponse();
  }

  /**
   * Handles one incoming Record.
   *
   * @return null when it was processed, or why it was dropped (the transport closes a WebSocket
   *     with 1003 on {@link RecordDropReason#UNPARSEABLE}, R-WS.16)
   */
  public RecordDropReason onRecord(byte[] bytes, Outbox out) {
    RecordDecodeResult decoded = UspRecordCodec.decode(bytes, env.maxRecordBytes());
    if (decoded instanceof RecordDecodeResult.Failed f) {
      return drop(f.reason(), f.detail());
    }
    Record record = ((RecordDecodeResult.Decoded) decoded).record();
    if (!record.getToId().equals(endpointId)) {
      return drop(RecordDropReason.WRONG_TO_ID, record.getToId());
    }
    if (record.getFromId().equals(endpointId)) {
      return drop(RecordDropReason.FROM_SELF, record.getFromId());
    }
    String controllerRef = controllerRef(record.getFromId());
    if (controllerRef == null) {
      return drop(RecordDropReason.UNKNOWN_CONTROLLER, record.getFromId());
    }
    if (rebooting) {
      return drop(RecordDropReason.AGENT_OFFLINE, "record while rebooting");
    }
    switch (record.getRecordTypeCase()) {
      case NO_SESSION_CONTEXT -> {
        return onMessage(record, controllerRef, out);
      }
      case SESSION_CONTEXT -> {
        // E2E session context is optional; refuse it with a Disconnect 7106 (R-E2E.6a).
        out.send(record.getFromId(), disconnect(record, UspErrorCode.SESSION_CONTEXT_NOT_ALLOWED));
        return drop(RecordDropReason.SESSION_CONTEXT_REFUSED, record.getFromId());
      }
      default -> {
        // Connect and Disconnect Records carry no Msg; a Disconnect only clears E2E state we lack.
        return null;
      }
    }
  }

  private RecordDropReason onMessage(Record record, String controllerRef, Outbox out) {
    String controllerId = record.getFromId();
    MsgDecodeResult decoded = UspMessageCodec.decode(record.getNoSessionContext().getPayload());
    if (decoded instanceof MsgDecodeResult.Undecodable u) {
      return drop(RecordDropReason.UNPARSEABLE_MSG, u.detail());
    }
    if (decoded instanceof MsgDecodeResult.Invalid inv) {
      reply(record, UspMessages.error(inv.msgId(), inv.code(), inv.detail()), out);
      env.stats().dropped("INVALID_MSG", inv.detail());
      return null;
    }
    Msg msg = ((MsgDecodeResult.Decoded) decoded).msg();
    env.stats().message(msg.getHeader().getMsgType().name(), true);
    long start = System.nanoTime();
    switch (msg.getBody().getMsgBodyCase()) {
      case REQUEST -> {
        RequestContext ctx = new RequestContext(dm, controllerId, controllerRef);
        Msg response;
        try {
          response = dispatch(msg, ctx);
        } catch (RuntimeException e) {
          // Handlers never throw by design; if one does, answer 7003 and keep the agent alive.
          env.stats().dropped("HANDLER_FAILURE", e.toString());
          response =
              UspMessages.error(msg.getHeader().getMsgId(), UspErrorCode.INTERNAL_ERROR, null);
          ctx.changes.clear();
          ctx.effects.clear();
        }
        if (response != null) {
          reply(record, response, out);
        }
        env.stats()
            .handled(msg.getBody().getRequest().getReqTypeCase().name(), System.nanoTime() - start);
        afterCommit(ctx.changes, out);
        for (Effect e : ctx.effects) {
          apply(e, out);
        }
        return null;
      }
      case RESPONSE -> {
        if (msg.getBody().getResponse().hasNotifyResp()) {
          // Delivered when a NotifyResp with the same msg_id arrives (R-NOT.8-10).
          PendingNotify acked = pending == null ? null : pending.remove(msg.getHeader().getMsgId());
          if (acked == null) {
            return drop(RecordDropReason.UNMATCHED_NOTIFY_RESP, msg.getHeader().getMsgId());
          }
          env.stats().acknowledged(acked.metric(), System.nanoTime() - acked.sentNanos());
          if (pending.isEmpty()) {
            pending = null;
          }
          if (acked.metric().equals("Boot!") && !awaitingBootAck()) {
            out.lifecycle(AgentLifecycle.BOOTED);
          }
          return null;
        }
        return drop(RecordDropReason.UNEXPECTED_RESPONSE, msg.getHeader().getMsgType().name());
      }
      default -> {
        return drop(RecordDropReason.UNEXPECTED_RESPONSE, "Error " + msg.getHeader().getMsgId());
      }
    }
  }

  /** One handler per message; types a Controller never sends to an Agent get 7001 (R-MSG.1). */
  private static Msg dispatch(Msg msg, RequestContext ctx) {
    Request req = msg.getBody().getRequest();
    return switch (req.getReqTypeCase()) {
      case GET -> GetHandler.handle(msg, ctx);
      case SET -> SetHandler.handle(msg, ctx);
      case ADD -> AddHandler.handle(msg, ctx);
      case DELETE -> DeleteHandler.handle(msg, ctx);
      case OPERATE -> OperateHandler.handle(msg, ctx);
      case GET_INSTANCES -> GetInstancesHandler.handle(msg, ctx);
      case GET_SUPPORTED_DM -> GetSupportedDmHandler.handle(msg, ctx);
      case GET_SUPPORTED_PROTOCOL -> GetSupportedProtocolHandler.handle(msg, ctx);
      case NOTIFY, REGISTER, DEREGISTER, REQTYPE_NOT_SET ->
          UspMessages.error(
              msg.getHeader().getMsgId(),
              UspErrorCode.MESSAGE_NOT_SUPPORTED,
              req.getReqTypeCase() + " is not a request a Controller sends to an Agent");
    };
  }

  /**
   * Fleet-level tick: what time changed in ({@code sinceMillis}, {@code untilMillis}] reaches
   * subscribers. The fleet passes each tick's stamp as the next tick's {@code sinceMillis}, so the
   * windows join without overlap however late a busy fleet processes a tick (an overlap would
   * announce a change twice). Rows of churning tables (hosts joining and leaving) become
   * ObjectCreation and ObjectDeletion, values the device changes by itself (profile {@code hop},
   * e.g. a new Wi-Fi channel) become ValueChange, and due Periodic! events go out. The fleet ticks
   * agents from shared timers, never one timer per agent, and all of it is computed from (seed,
   * agent, time), nothing stored.
   */
  public void onTick(long sinceMillis, long untilMillis, Outbox out) {
    if (rebooting || untilMillis <= sinceMillis) {
      return;
    }
    // only what some subscription asks for is computed: the tick reaches every agent each second
    int wanted = SubscriptionRows.wanted(dm);
    List<Change> changes =
        (wanted & SubscriptionRows.OBJECT_CHANGES) != 0
            ? churnSince(sinceMillis, untilMillis, null)
            : null;
    if ((wanted & SubscriptionRows.VALUE_CHANGE) != 0) {
      changes = valueChangesSince(sinceMillis, untilMillis, changes);
    }
    if (changes != null) {
      afterCommit(changes, out);
    }
    if ((wanted & SubscriptionRows.PERIODIC) != 0) {
      periodic(sinceMillis, untilMillis, out);
    }
  }

  private List<Change> churnSince(long sinceMillis, long now, List<Change> changes) {
    for (ObjectNode table : dm.schema().churningTables()) {
      for (int[] parent : parentInstances(table)) {
        int[] before = dm.instancesAt(table, parent, sinceMillis);
        int[] after = dm.instancesAt(table, parent, now);
        if (java.util.Arrays.equals(before, after)) {
          continue;
        }
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
                new Change.ObjectCreated(table, inst, AddHandler.uniqueKeys(table, inst, dm)));
          }
        }
      }
    }
    return changes;
  }

  /** Values of {@link io.fleetsim.datamodel.Schema#changingParams} that moved since then. */
  private List<Change> valueChangesSince(long sinceMillis, long now, List<Change> changes) {
    List<ParamNode> changing = dm.schema().changingParams();
    if (changing.isEmpty()) {
      return changes;
    }
    List<int[]> instances = new ArrayList<>();
    for (ParamNode p : changing) {
      instances.clear();
      collectInstances(p.owner(), instances);
      for (int[] inst : instances) {
        String value = dm.valueAt(p, inst, now);
        if (!value.equals(dm.valueAt(p, inst, sinceMillis))) {
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
  private List<int[]> parentInstances(ObjectNode table) {
    List<int[]> out = new ArrayList<>();
    collectInstances(table.parent(), out);
    return out;
  }

  private void collectInstances(ObjectNode node, List<int[]> out) {
    if (node.depth() == 0) {
      out.add(ROOT);
      return;
    }
    ObjectNode table = node;
    while (!table.multiInstance()) {
      table = table.parent();
    }
    List<int[]> parents = new ArrayList<>();
    collectInstances(table.parent(), parents);
    for (int[] p : parents) {
      for (int n : dm.instances(table, p)) {
        int[] inst = Instances.append(p, n);
        if (dm.exists(node, inst)) {
          out.add(inst);
        }
      }
    }
  }

  /** Handles a due timer. */
  /**
   * The device reboots on its own (a power cycle, a crash, a watchdog): the MTP goes down, and the
   * next boot announces Boot! with Cause LocalReboot. Ignored while already rebooting.
   */
  public void localReboot(Outbox out) {
    if (!rebooting) {
      reboot(BootInfo.of("LocalReboot", "", bootBank(), List.of()), out);
    }
  }

  public void onTimer(AgentTimer timer, Outbox out) {
    if (timer instanceof AgentTimer.RebootDone) {
      restart(out);
    } else if (timer instanceof AgentTimer.NotifyRetry r) {
      retryNotify(r.msgId(), out);
    } else if (timer instanceof AgentTimer.CommandDone done) {
      commandDone(done.start(), out);
    } else if (timer instanceof AgentTimer.TransferDone t) {
      if (commandAlive(t.start())) {
        downloadDone(t.start(), t.startMillis(), t.outcome(), out);
      }
    } else if (timer instanceof AgentTimer.SubscriptionExpiry e) {
      expire(e, out);
    }
  }

  // ---- notifications --------------------------------------------------------------------------

  private void afterCommit(List<Change> changes, Outbox out) {
    for (Change c : changes) {
      if (c instanceof Change.ValueChanged v) {
        notifyValueChange(v, out);
        onSubscriptionChange(v.param().owner(), v.instances(), v.param());
      } else if (c instanceof Change.ObjectCreated oc) {
        notifyObjectCreation(oc, out);
        onSubscriptionChange(oc.table(), oc.instances(), null);
      } else if (c instanceof Change.ObjectDeleted od) {
        notifyObjectDeletion(od, out);
      }
    }
  }

  private void notifyValueChange(Change.ValueChanged v, Outbox out) {
    if (v.param().valueChangeIgnored()) {
      return;
    }
    String path = v.param().owner().instancePath(v.instances()) + v.param().name();
    for (SubscriptionRows.Subscription s : SubscriptionRows.all(dm)) {
      if (active(s, "ValueChange")
          && anyRef(s, ref -> SubscriptionMatcher.valueChange(ref, v.param(), v.instances(), dm))) {
        send(
            s,
            Notify.newBuilder()
                .setValueChange(
                    Notify.ValueChange.newBuilder().setParamPath(path).setParamValue(v.value())),
            out);
      }
    }
  }

  private void notifyObjectCreation(Change.ObjectCreated oc, Outbox out) {
    String path = oc.table().instancePath(oc.instances());
    for (SubscriptionRows.Subscription s : SubscriptionRows.all(dm)) {
      if (active(s, "ObjectCreation")
          && anyRef(
              s, ref -> SubscriptionMatcher.objectCreation(ref, oc.table(), oc.instances(), dm))) {
        send(
            s,
            Notify.newBuilder()
                .setObjCreation(
                    Notify.ObjectCreation.newBuilder()
                        .setObjPath(path)
                        .putAllUniqueKeys(oc.uniqueKeys())),
            out);
      }
    }
  }

  private void notifyObjectDeletion(Change.ObjectDeleted od, Outbox out) {
    String path = od.table().instancePath(od.instances());
    for (SubscriptionRows.Subscription s : SubscriptionRows.all(dm)) {
      if (active(s, "ObjectDeletion")
          && anyRef(
              s, ref -> SubscriptionMatcher.objectDeletion(ref, od.table(), od.instances()))) {
        send(
            s,
            Notify.newBuilder().setObjDeletion(Notify.ObjectDeletion.newBuilder().setObjPath(path)),
            out);
      }
    }
  }

  /** Sends an event to every matching Event subscription (of one recipient when given). */
  private void publishEvent(
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
    for (SubscriptionRows.Subscription s : SubscriptionRows.all(dm)) {
      if (active(s, "Event")
          && (onlyRecipient == null || onlyRecipient.equals(s.recipient()))
          && anyRef(s, ref -> SubscriptionMatcher.event(ref, event, objPath, dm))) {
        Map<String, String> args =
            name.equals("Boot!") ? withParameterMap(params, s.recipient()) : params;
        send(
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

  private void publishOperationComplete(Completion c, Outbox out) {
    for (SubscriptionRows.Subscription s : SubscriptionRows.all(dm)) {
      if (active(s, "OperationComplete")
          && anyRef(
              s, ref -> SubscriptionMatcher.operationComplete(ref, c.command(), c.objPath(), dm))) {
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
        send(s, Notify.newBuilder().setOperComplete(oc), out);
      }
    }
  }

  private boolean active(SubscriptionRows.Subscription s, String notifType) {
    return s.enabled() && s.notifType().equals(notifType) && controllerEnabled(s.recipient());
  }

  private static boolean anyRef(
      SubscriptionRows.Subscription s, java.util.function.Predicate<String> matches) {
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
  private void send(SubscriptionRows.Subscription s, Notify.Builder notify, Outbox out) {
    String action = s.triggerAction();
    if (!action.equals("Config")) {
      send(s.recipient(), s.id(), s.notifRetry(), s.notifExpiration(), notify, out);
    }
    if (action.equals("Config") || action.equals("NotifyAndConfig")) {
      applyTriggerConfig(s.triggerConfigSettings(), out);
    }
  }

  /**
   * Sends a Notify to the Controller {@code recipient}; with {@code retry} it goes with
   * send_resp=true and is retried until a NotifyResp with its msg_id arrives or {@code expiration}
   * seconds have passed (0 = until delivered or restart).
   */
  private void send(
      String recipient,
      String subscriptionId,
      boolean retry,
      long expirationSeconds,
      Notify.Builder notify,
      Outbox out) {
    String controllerId = controllerEndpoint(recipient);
    if (controllerId == null) {
      return;
    }
    String msgId = nextMsgId();
    Msg msg =
        UspMessages.request(
            msgId,
            MsgType.NOTIFY,
            Request.newBuilder()
                .setNotify(notify.setSubscriptionId(subscriptionId).setSendResp(retry))
                .build());
    byte[] bytes =
        UspMessages.encodeRecord(UspMessages.RECORD_VERSION, controllerId, endpointId, msg);
    if (out.send(controllerId, bytes)) { // an event while offline is lost unless retried
      env.stats().message(MsgType.NOTIFY.name(), false);
    }
    String type = notify.getNotificationCase().name();
    env.stats().notified(type, false);
    if (retry) {
      if (pending == null) {
        pending = new HashMap<>(4);
      }
      long now = dm.nowMillis();
      long expiry = expirationSeconds > 0 ? now + expirationSeconds * 1000 : Long.MAX_VALUE;
      String metric = notify.hasEvent() ? notify.getEvent().getEventName() : type;
      pending.put(
          msgId,
          new PendingNotify(
              controllerId, bytes, recipient, type, metric, System.nanoTime(), 1, expiry));
      scheduleRetry(msgId, 1, recipient);
    }
  }

  /** Applies {@code Path=Value} items as the agent's own Set; the changes notify as usual. */
  private void applyTriggerConfig(String settings, Outbox out) {
    if (applyingTriggerConfig || settings.isBlank()) {
      return; // one level only: a Config action never triggers further Config actions
    }
    applyingTriggerConfig = true;
    try {
      RequestContext ctx = new RequestContext(dm, endpointId, "");
      for (String item : settings.split(",")) {
        int eq = item.indexOf('=');
        if (eq <= 0) {
          continue;
        }
        String path = item.substring(0, eq).trim();
        String value = item.substring(eq + 1).trim();
        Resolution r = PathResolver.resolve(path, ResolveOperation.SET, dm);
        if (r instanceof Resolution.Ok ok && ok.element() instanceof ParamNode p) {
          for (Resolution.ObjRef ref : ok.refs()) {
            ParamWrites.Target t = new ParamWrites.Target(p, ref.instances());
            if (ParamWrites.check(t, value, false, dm) == null) {
              String v = ParamWrites.canonical(p, value);
              if (!dm.value(p, ref.instances()).equals(v)) {
                dm.set(p, ref.instances(), v);
                ctx.changes.add(new Change.ValueChanged(p, ref.instances(), v));
              }
            } else {
              env.stats().dropped("TRIGGER_CONFIG_REJECTED", item);
            }
          }
        } else {
          env.stats().dropped("TRIGGER_CONFIG_REJECTED", item);
        }
      }
      afterCommit(ctx.changes, out);
    } finally {
      applyingTriggerConfig = false;
    }
  }

  /** OnBoardRequest: send_resp=true, retried, never expires, subscription_id "" (R-NOT.6/6a/7). */
  private void onBoardRequest(int controllerInstance, Outbox out) {
    ObjectNode info = dm.schema().object("Device.DeviceInfo.");
    Notify.OnBoardRequest.Builder req =
        Notify.OnBoardRequest.newBuilder()
            .setOui(dm.value(info.param("ManufacturerOUI"), ROOT))
            .setProductClass(dm.value(info.param("ProductClass"), ROOT))
            .setSerialNumber(dm.value(info.param("SerialNumber"), ROOT))
            .setAgentSupportedProtocolVersions(dm.schema().settings().supportedProtocolVersions());
    send(
        "Device.LocalAgent.Controller." + controllerInstance,
        "",
        true,
        0,
        Notify.newBuilder().setOnBoardReq(req),
        out);
  }

  private void scheduleRetry(String msgId, int attempt, String recipient) {
    long[] mk = notifRetrySettings(recipient);
    long delay =
        RetryWait.delayMillis(attempt, mk[0], mk[1], random(msgId.hashCode() * 31L + attempt));
    env.timers().schedule(dm.index(), dm.nowMillis() + delay, new AgentTimer.NotifyRetry(msgId));
  }

  private void retryNotify(String msgId, Outbox out) {
    PendingNotify p = pending == null ? null : pending.get(msgId);
    if (p == null) {
      return;
    }
    if (dm.nowMillis() >= p.expiresAtMillis()) {
      // NotifExpiration seconds after the first attempt: give up (R-NOT.3, TP-469 1.56).
      pending.remove(msgId);
      env.stats().dropped("NOTIFY_EXPIRED", msgId);
      if (p.metric().equals("Boot!") && !awaitingBootAck()) {
        out.lifecycle(AgentLifecycle.BOOTED); // given up: the agent works on unannounced
      }
      return;
    }
    if (out.send(p.controllerId(), p.record())) {
      env.stats().message(MsgType.NOTIFY.name(), false);
    }
    env.stats().notified(p.type(), true);
    PendingNotify next = p.nextAttempt();
    pending.put(msgId, next);
    scheduleRetry(msgId, next.attempt(), p.recipient());
  }

  /** Unacknowledged notifications, by msg_id (for tests). */
  public int pendingNotifications() {
    return pending == null ? 0 : pending.size();
  }

  // ---- boot, reboot and commands -------------------------------------------------------------

  private void bootEvent(BootInfo b, Outbox out) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("CommandKey", b.commandKey());
    params.put("Cause", b.cause());
    params.put("Reason", "Unknown");
    params.put("FirmwareUpdated", Boolean.toString(b.firmwareUpdated()));
    publishEvent(dm.schema().root(), ROOT, "Boot!", params, null, out);
  }

  /** ParameterMap: a JSON object of the recipient's enabled BootParameter rows (TP-469 9.10). */
  private Map<String, String> withParameterMap(Map<String, String> params, String recipient) {
    Map<String, String> out = new LinkedHashMap<>(params);
    StringBuilder json = new StringBuilder("{");
    ObjectNode bootParams = dm.schema().object(CONTROLLER_TABLE + "BootParameter.{i}.");
    int controller = instanceOf(recipient);
    if (bootParams != null && controller > 0) {
      int[] parent = {controller};
      for (int n : dm.instances(bootParams, parent)) {
        int[] inst = {controller, n};
        if (!Boolean.parseBoolean(dm.value(bootParams.param("Enable"), inst))) {
          continue;
        }
        String pattern = dm.value(bootParams.param("ParameterName"), inst);
        Resolution r = PathResolver.resolve(pattern, ResolveOperation.GET, dm);
        if (r instanceof Resolution.Ok ok && ok.element() instanceof ParamNode p) {
          for (Resolution.ObjRef ref : ok.refs()) {
            if (json.length() > 1) {
              json.append(',');
            }
            json.append(Json.quote(ref.path() + p.name()))
                .append(':')
                .append(Json.quote(GetHandler.readable(p, ref.instances(), dm)));
          }
        }
      }
    }
    out.put("ParameterMap", json.append('}').toString());
    return out;
  }

  private void apply(Effect e, Outbox out) {
    if (e instanceof Effect.Reboot r) {
      if (r.factoryReset()) {
        String before = softwareVersion();
        dm.factoryReset(); // back to the profile's values, SoftwareVersion included
        if (!before.equals(softwareVersion())) {
          env.stats().firmware(before, softwareVersion());
        }
      }
      reboot(
          BootInfo.of(r.cause(), r.commandKey(), r.factoryReset() ? null : bootBank(), List.of()),
          out);
    } else if (e instanceof Effect.StartCommand s) {
      if (s.command().behavior() == CommandBehavior.FIRMWARE_DOWNLOAD) {
        List<Change> changes = new ArrayList<>(1);
        setBank(s.instances(), "Status", "Downloading", changes);
        afterCommit(changes, out);
        out.lifecycle(AgentLifecycle.DOWNLOADING);
        String url = s.args().get("URL");
        if (DownloadUrls.isHttp(url) && env.transfers() != FileTransfers.NONE) {
          fetch(s, url);
          return;
        }
      }
      env.timers()
          .schedule(dm.index(), dm.nowMillis() + commandDuration(s), new AgentTimer.CommandDone(s));
    } else if (e instanceof Effect.CancelRequest c) {
      cancel(c.requestInstance(), out);
    } else if (e instanceof Effect.OnBoardRequest o) {
      onBoardRequest(o.controllerInstance(), out);
    }
  }

  /**
   * A real download: the fleet's transfers fetch the URL on their own threads and hand the outcome
   * back through the timer service, which delivers it on this agent's thread like any timer.
   */
  private void fetch(Effect.StartCommand s, String url) {
    AgentTimers timers = env.timers();
    int index = dm.index();
    long startMillis = dm.nowMillis();
    env.transfers()
        .download(
            url,
            s.args().getOrDefault("CheckSumAlgorithm", ""),
            outcome ->
                timers.schedule(index, 0, new AgentTimer.TransferDone(s, startMillis, outcome)));
  }

  private long commandDuration(Effect.StartCommand s) {
    return switch (s.command().behavior()) {
      case SCHEDULE_TIMER -> Long.parseLong(s.args().get("DelaySeconds")) * 1000;
      case FIRMWARE_DOWNLOAD -> {
        String url = s.args().get("URL");
        long simulated =
            DownloadUrls.isSimulated(url)
                ? DownloadUrls.simulatedMillis(url, fileSize(s))
                : -1; // an unusable simulate:// URL fails at completion
        yield simulated >= 0
            ? simulated
            : s.command().durationMillis() > 0
                ? s.command().durationMillis()
                : dm.schema().settings().downloadMillis();
      }
      case FIRMWARE_ACTIVATE -> Long.parseLong(firstWindow(s.args(), "Start", "0")) * 1000;
      default -> s.command().durationMillis();
    };
  }

  private void reboot(BootInfo next, Outbox out) {
    rebooting = true;
    pending = null; // Notify retries stop when the Agent restarts (TR-369 retry, R-NOT.1-4)
    boot = next;
    out.lifecycle(AgentLifecycle.REBOOTING);
    env.timers()
        .schedule(
            dm.index(),
            dm.nowMillis() + dm.schema().settings().rebootMillis(),
            new AgentTimer.RebootDone());
  }

  private void restart(Outbox out) {
    if (!rebooting) {
      return;
    }
    BootInfo b = boot;
    if (b != null && b.activateImage() != null && !bootable(b.activateImage()[0])) {
      rollBack(b);
      return;
    }
    rebooting = false;
    dm.rebooted(dm.nowMillis());
    if (b != null && b.activateImage() != null) {
      List<Change> changes = new ArrayList<>();
      boot = b.afterImageSwitch(switchImage(b.activateImage(), changes), changes);
    }
    dropInterruptedRequests(b);
    out.lifecycle(AgentLifecycle.RESTARTED);
  }

  /**
   * Commands die with a reboot, except firmware ones that complete across it (TR-181
   * Device.LocalAgent.).
   */
  private void dropInterruptedRequests(BootInfo b) {
    ObjectNode requests = dm.schema().object(OperateHandler.REQUEST_TABLE);
    if (requests == null) {
      return;
    }
    for (int n : dm.instances(requests, ROOT)) {
      int[] inst = {n};
      boolean survives =
          b != null && b.completions().stream().anyMatch(c -> c.requestInstance() == n);
      CommandNode cmd = commandOf(dm.value(requests.param("Command"), inst));
      boolean firmware = cmd != null && cmd.behavior() == CommandBehavior.FIRMWARE_DOWNLOAD;
      if (!survives && !firmware) {
        dm.deleteInstance(requests, inst);
      }
    }
  }

  /**
   * The new image does not come up: the bank becomes ActivationFailed with a BootFailureLog, and
   * the device takes a second boot, into the image it ran before (what A/B-bank CPEs do after a
   * failed boot or health check). Boot! then says FirmwareUpdated=false, and an Activate() carried
   * across the reboot completes with cmd_failure 7022 (TR-181 DeviceInfo.FirmwareImage.{i}.Status).
   */
  private void rollBack(BootInfo b) {
    int[] bank = b.activateImage();
    ObjectNode images = dm.schema().object("Device.DeviceInfo.FirmwareImage.{i}.");
    String running =
        dm.value(dm.schema().object("Device.DeviceInfo.").param("SoftwareVersion"), ROOT);
    String log =
        "image "
            + dm.value(images.param("Version"), bank)
            + " failed to boot; rolled back to "
            + running;
    List<Change> changes = new ArrayList<>(2);
    setBank(bank, "Status", "ActivationFailed", changes);
    setBank(bank, "BootFailureLog", log, changes);
    ObjectNode info = dm.schema().object("Device.DeviceInfo.");
    internalSet(
        info.param("BootFirmwareImage"),
        ROOT,
        dm.value(info.param("ActiveFirmwareImage"), ROOT),
        changes);
    List<Completion> completions = new ArrayList<>(b.completions().size());
    for (Completion c : b.completions()) {
      completions.add(
          c.command().behavior() == CommandBehavior.FIRMWARE_ACTIVATE
              ? c.failed(UspErrorCode.COMMAND_FAILURE, "ActivationFailed: " + log)
              : c);
    }
    boot = b.rolledBack(completions, changes);
    env.timers()
        .schedule(
            dm.index(),
            dm.nowMillis() + dm.schema().settings().rebootMillis(),
            new AgentTimer.RebootDone());
  }

  /**
   * The bank a plain reboot boots: the one BootFirmwareImage names when a Controller set it to
   * another bank holding an image (TR-181 DeviceInfo.BootFirmwareImage, the alternative to
   * Activate()), else null for the active one.
   */
  private int[] bootBank() {
    ObjectNode info = dm.schema().object("Device.DeviceInfo.");
    ObjectNode images = dm.schema().object("Device.DeviceInfo.FirmwareImage.{i}.");
    ParamNode bootParam = info == null ? null : info.param("BootFirmwareImage");
    if (images == null || bootParam == null) {
      return null;
    }
    String ref = dm.value(bootParam, ROOT);
    String prefix = "Device.DeviceInfo.FirmwareImage.";
    if (ref.equals(dm.value(info.param("ActiveFirmwareImage"), ROOT))
        || !ref.startsWith(prefix)
        || !ref.substring(prefix.length()).matches("[1-9][0-9]{0,8}")) {
      return null;
    }
    int[] bank = {Integer.parseInt(ref.substring(prefix.length()))};
    return dm.exists(images, bank) && dm.value(images.param("Status"), bank).equals("Available")
        ? bank
        : null;
  }

  private boolean bootable(int bank) {
    return bank < 1 || bank > 7 || (unbootableBanks & (1 << bank)) == 0;
  }

  private void markBootable(int bank, boolean good) {
    if (bank >= 1 && bank <= 7) {
      unbootableBanks =
          (byte) (good ? unbootableBanks & ~(1 << bank) : unbootableBanks | (1 << bank));
    }
  }

  /** Boots into a firmware bank; returns whether the running version changed. */
  private boolean switchImage(int[] bank, List<Change> changes) {
    ObjectNode images = dm.schema().object("Device.DeviceInfo.FirmwareImage.{i}.");
    ObjectNode info = dm.schema().object("Device.DeviceInfo.");
    String oldVersion = dm.value(info.param("SoftwareVersion"), ROOT);
    for (int n : dm.instances(images, ROOT)) {
      int[] inst = {n};
      if (n != bank[0] && dm.value(images.param("Status"), inst).equals("Active")) {
        internalSet(images.param("Status"), inst, "Available", changes);
      }
    }
    internalSet(images.param("Status"), bank, "Active", changes);
    String ref = images.instancePath(bank);
    ref = ref.substring(0, ref.length() - 1);
    String newVersion = dm.value(images.param("Version"), bank);
    internalSet(info.param("ActiveFirmwareImage"), ROOT, ref, changes);
    internalSet(info.param("BootFirmwareImage"), ROOT, ref, changes);
    internalSet(info.param("SoftwareVersion"), ROOT, newVersion, changes);
    if (!oldVersion.equals(newVersion)) {
      env.stats().firmware(oldVersion, newVersion);
    }
    return !oldVersion.equals(newVersion);
  }

  private void setBank(int[] bank, String name, String value, List<Change> changes) {
    ObjectNode images = dm.schema().object("Device.DeviceInfo.FirmwareImage.{i}.");
    if (images != null && dm.exists(images, bank)) {
      internalSet(images.param(name), bank, value, changes);
    }
  }

  /** A value the agent changes itself; subscribers hear of it like of a Set (R-NOT.0a). */
  private void internalSet(ParamNode p, int[] inst, String value, List<Change> changes) {
    if (p != null && !dm.value(p, inst).equals(value)) {
      dm.set(p, inst, value);
      changes.add(new Change.ValueChanged(p, inst, value));
    }
  }

  /** Whether the command's Request row is still there: not cancelled, not died with a reboot. */
  private boolean commandAlive(Effect.StartCommand s) {
    ObjectNode requests = dm.schema().object(OperateHandler.REQUEST_TABLE);
    return requests != null && dm.exists(requests, new int[] {s.requestInstance()}) && !rebooting;
  }

  private static long fileSize(Effect.StartCommand s) {
    try {
      return Long.parseLong(s.args().getOrDefault("FileSize", "0"));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private void commandDone(Effect.StartCommand s, Outbox out) {
    if (!commandAlive(s)) {
      return; // cancelled, or it died with a reboot
    }
    ObjectNode requests = dm.schema().object(OperateHandler.REQUEST_TABLE);
    int[] req = {s.requestInstance()};
    switch (s.command().behavior()) {
      case FIRMWARE_DOWNLOAD -> {
        String url = s.args().get("URL");
        long now = dm.nowMillis();
        boolean simulated = DownloadUrls.isSimulated(url);
        FileTransfers.Outcome modelled =
            simulated && DownloadUrls.simulatedMillis(url, fileSize(s)) < 0
                ? FileTransfers.Outcome.failed(
                    "simulate:// URL needs size (or FileSize) and rate > 0")
                : simulated
                        && DownloadUrls.simulatedFailure(
                            url, dm.device().seed() * 31 + dm.index() * 7919L + s.requestInstance())
                    ? FileTransfers.Outcome.failed("simulated transfer failure")
                    : new FileTransfers.Outcome(
                        DownloadUrls.isSimulated(url)
                            ? DownloadUrls.simulatedBytes(url, fileSize(s))
                            : fileSize(s),
                        "",
                        "");
        downloadDone(s, now - commandDuration(s), modelled, out);
      }
      case FIRMWARE_ACTIVATE -> {
        dm.set(requests.param("Status"), req, "Active");
        Completion c = Completion.success(s, Map.of());
        BootInfo next = BootInfo.of("RemoteReboot", s.commandKey(), s.instances(), List.of(c));
        reboot(next, out);
      }
      default -> complete(Completion.success(s, OperateHandler.outputDefaults(s.command())), out);
    }
  }

  /**
   * The end of a Download(): the bank gets the image (Status Available) or DownloadFailed, the
   * Request completes (cmd_failure 7022 on failure), TransferComplete! reports it with FaultCode 0
   * or 7022 and a FaultString (TR-181 LocalAgent.TransferComplete!), and AutoActivate reboots into
   * a good image. A received size differing from FileSize, or a digest differing from CheckSum,
   * fails the download as a real CPE's validation would.
   */
  private void downloadDone(
      Effect.StartCommand s, long startMillis, FileTransfers.Outcome outcome, Outbox out) {
    String url = s.args().get("URL");
    String error = validate(s, outcome);
    out.lifecycle(AgentLifecycle.DOWNLOADED);
    List<Change> changes = new ArrayList<>(3);
    if (error.isEmpty()) {
      String file = DownloadUrls.fileName(url);
      setBank(s.instances(), "Name", file, changes);
      setBank(s.instances(), "Version", FirmwareVersions.fromFileName(file), changes);
      setBank(s.instances(), "Status", "Available", changes);
      markBootable(
          s.instances()[0],
          !DownloadUrls.failsToBoot(
              url, dm.device().seed() * 31 + dm.index() * 7919L + s.requestInstance()));
    } else {
      setBank(s.instances(), "Status", "DownloadFailed", changes);
    }
    afterCommit(changes, out);
    long now = dm.nowMillis();
    complete(
        error.isEmpty()
            ? Completion.success(s, Map.of())
            : new Completion(
                s.requestInstance(),
                s.command(),
                s.objPath(),
                s.commandKey(),
                Map.of(),
                UspErrorCode.COMMAND_FAILURE,
                "Download failed: " + error),
        out);
    Map<String, String> tc = new LinkedHashMap<>();
    tc.put("Command", s.objPath() + s.command().name());
    tc.put("CommandKey", s.commandKey());
    tc.put("Requestor", s.originator());
    tc.put("TransferType", "Download");
    tc.put("Affected", s.objPath().substring(0, s.objPath().length() - 1));
    tc.put("TransferURL", url);
    tc.put("StartTime", TypedValues.dateTime(startMillis));
    tc.put("CompleteTime", TypedValues.dateTime(now));
    tc.put(
        "FaultCode", error.isEmpty() ? "0" : Integer.toString(UspErrorCode.COMMAND_FAILURE.code()));
    tc.put("FaultString", error);
    ObjectNode localAgent = dm.schema().object("Device.LocalAgent.");
    if (localAgent != null) {
      publishEvent(localAgent, ROOT, "TransferComplete!", tc, null, out);
    }
    if (error.isEmpty()
        && TypedValues.parseBoolean(s.args().getOrDefault("AutoActivate", "false"))
            == Boolean.TRUE) {
      reboot(BootInfo.of("RemoteReboot", s.commandKey(), s.instances(), List.of()), out);
    }
  }

  /** "" when the transfer is good, else why not. */
  private static String validate(Effect.StartCommand s, FileTransfers.Outcome outcome) {
    if (!outcome.ok()) {
      return outcome.error();
    }
    long expected = fileSize(s);
    if (expected > 0 && outcome.bytes() != expected) {
      return "received " + outcome.bytes() + " bytes, FileSize is " + expected;
    }
    String sum = s.args().getOrDefault("CheckSum", "");
    if (!sum.isEmpty()
        && !outcome.checksum().isEmpty()
        && !sum.equalsIgnoreCase(outcome.checksum())) {
      return s.args().getOrDefault("CheckSumAlgorithm", "") + " checksum mismatch";
    }
    return "";
  }

  /** Sends OperationComplete for a finished request, then removes its Request row (R-OPR.2). */
  private void complete(Completion c, Outbox out) {
    publishOperationComplete(c, out);
    ObjectNode requests = dm.schema().object(OperateHandler.REQUEST_TABLE);
    int[] req = {c.requestInstance()};
    if (requests != null && dm.exists(requests, req)) {
      RequestContext ctx = new RequestContext(dm, "", "");
      DeleteHandler.deleteInstance(requests, req, ctx);
      afterCommit(ctx.changes, out);
    }
  }

  private void cancel(int requestInstance, Outbox out) {
    ObjectNode requests = dm.schema().object(OperateHandler.REQUEST_TABLE);
    int[] req = {requestInstance};
    String command = dm.value(requests.param("Command"), req);
    CommandNode cmd = commandOf(command);
    if (cmd == null) {
      return;
    }
    int cut = command.lastIndexOf('.', command.length() - 3);
    Completion c =
        new Completion(
            requestInstance,
            cmd,
            command.substring(0, cut + 1),
            dm.value(requests.param("CommandKey"), req),
            Map.of(),
            UspErrorCode.COMMAND_CANCELED,
            "canceled by Request.Cancel()");
    dm.set(requests.param("Status"), req, "Canceled");
    complete(c, out);
    if (cmd.behavior() == CommandBehavior.FIRMWARE_DOWNLOAD) {
      out.lifecycle(AgentLifecycle.DOWNLOADED);
    }
  }

  /** The CommandNode named by a Request.Command value such as Device.Reboot(). */
  private CommandNode commandOf(String command) {
    Resolution r = PathResolver.resolve(command, ResolveOperation.SUBSCRIPTION, dm);
    return r instanceof Resolution.Ok ok && ok.element() instanceof CommandNode c ? c : null;
  }

  // ---- subscriptions: TimeToLive, Periodic!, non-persistent rows ------------------------------

  /** A Subscription row created or its TimeToLive set: arm its expiry (TR-181 TimeToLive). */
  private void onSubscriptionChange(ObjectNode node, int[] inst, ParamNode param) {
    if (node.supportedPath().equals(SubscriptionRows.TABLE)) {
      SubscriptionRows.Subscription s = SubscriptionRows.get(dm, inst[0]);
      if (s == null) {
        return;
      }
      if ((param == null || param.name().equals("TimeToLive")) && s.timeToLive() > 0) {
        env.timers()
            .schedule(
                dm.index(),
                dm.nowMillis() + s.timeToLive() * 1000,
                new AgentTimer.SubscriptionExpiry(s.instance(), s.creationDate()));
      }
    }
  }

  private void expire(AgentTimer.SubscriptionExpiry e, Outbox out) {
    SubscriptionRows.Subscription s = SubscriptionRows.get(dm, e.instance());
    if (s == null || !s.creationDate().equals(e.creationDate())) {
      return;
    }
    RequestContext ctx = new RequestContext(dm, "", "");
    DeleteHandler.deleteInstance(
        SubscriptionRows.table(dm.schema()), new int[] {e.instance()}, ctx);
    afterCommit(ctx.changes, out);
  }

  private void dropNonPersistentSubscriptions() {
    ObjectNode table = SubscriptionRows.table(dm.schema());
    for (SubscriptionRows.Subscription s : SubscriptionRows.all(dm)) {
      if (!s.persistent()) {
        dm.deleteInstance(table, new int[] {s.instance()});
      }
    }
  }

  /**
   * Periodic! (TR-181 Device.LocalAgent.) to each Controller with a Periodic! subscription whose
   * next PeriodicNotifTime + n·PeriodicNotifInterval instant after {@code sinceMillis} has come.
   * Driven by the fleet tick, so no agent holds a timer for it; instants missed in one tick (a
   * stalled JVM) give one Periodic!, as a late timer would.
   */
  private void periodic(long sinceMillis, long now, Outbox out) {
    ObjectNode controllers = dm.schema().object(CONTROLLER_TABLE);
    if (controllers == null) {
      return;
    }
    for (int n : dm.instances(controllers, ROOT)) {
      String recipient = "Device.LocalAgent.Controller." + n;
      if (nextPeriodic(n, sinceMillis) <= now && hasPeriodicSubscription(recipient)) {
        ObjectNode localAgent = dm.schema().object("Device.LocalAgent.");
        publishEvent(localAgent, ROOT, "Periodic!", Map.of(), recipient, out);
      }
    }
  }

  /**
   * First firing after {@code now} at PeriodicNotifTime + n·PeriodicNotifInterval; an unknown time
   * gives each agent its own seeded phase (8.3), so a fleet does not fire in one burst.
   */
  private long nextPeriodic(int controller, long now) {
    ObjectNode controllers = dm.schema().object(CONTROLLER_TABLE);
    int[] inst = {controller};
    long interval =
        Math.max(1, Long.parseLong(dm.value(controllers.param("PeriodicNotifInterval"), inst)))
            * 1000;
    String time = dm.value(controllers.param("PeriodicNotifTime"), inst);
    java.time.Instant reference =
        time.equals(TypedValues.UNKNOWN_TIME) ? null : TypedValues.parseDateTime(time);
    if (reference == null) {
      long phase = (long) (random(controller).nextDouble() * interval);
      return now + interval - Math.floorMod(now + phase, interval);
    }
    long since = now - reference.toEpochMilli();
    return now + (interval - Math.floorMod(since, interval));
  }

  private boolean hasPeriodicSubscription(String recipient) {
    for (SubscriptionRows.Subscription s : SubscriptionRows.all(dm)) {
      if (s.enabled()
          && s.recipient().equals(recipient)
          && s.notifType().equals("Event")
          && references(s, "Device.LocalAgent.Periodic!")) {
        return true;
      }
    }
    return false;
  }

  private static boolean references(SubscriptionRows.Subscription s, String path) {
    return s.referenceList().contains(path);
  }

  // ---- Controllers ------------------------------------------------------------------------------

  /**
   * {@code Device.LocalAgent.Controller.N} for an enabled Controller with this EndpointID, or null.
   */
  private String controllerRef(String controllerId) {
    ObjectNode controllers = dm.schema().object(CONTROLLER_TABLE);
    if (controllers == null) {
      return null;
    }
    ParamNode eid = controllers.param("EndpointID");
    ParamNode enable = controllers.param("Enable");
    for (int n : dm.instances(controllers, ROOT)) {
      int[] inst = {n};
      if (dm.value(eid, inst).equals(controllerId)
          && (enable == null || Boolean.parseBoolean(dm.value(enable, inst)))) {
        return "Device.LocalAgent.Controller." + n;
      }
    }
    return null;
  }

  private boolean controllerEnabled(String recipient) {
    return controllerEndpoint(recipient) != null;
  }

  /**
   * The EndpointID of an enabled Controller referenced as {@code Device.LocalAgent.Controller.N}.
   */
  private String controllerEndpoint(String recipient) {
    int n = instanceOf(recipient);
    ObjectNode controllers = dm.schema().object(CONTROLLER_TABLE);
    int[] inst = {n};
    if (n <= 0 || controllers == null || !dm.exists(controllers, inst)) {
      return null;
    }
    ParamNode enable = controllers.param("Enable");
    if (enable != null && !Boolean.parseBoolean(dm.value(enable, inst))) {
      return null;
    }
    return dm.value(controllers.param("EndpointID"), inst);
  }

  /** USPNotifRetryMinimumWaitInterval and USPNotifRetryIntervalMultiplier of the recipient. */
  private long[] notifRetrySettings(String recipient) {
    ObjectNode controllers = dm.schema().object(CONTROLLER_TABLE);
    int[] inst = {instanceOf(recipient)};
    long m = 5;
    long k = 2000;
    if (controllers != null && dm.exists(controllers, inst)) {
      ParamNode pm = controllers.param("USPNotifRetryMinimumWaitInterval");
      ParamNode pk = controllers.param("USPNotifRetryIntervalMultiplier");
      m = pm == null ? m : Long.parseLong(dm.value(pm, inst));
      k = pk == null ? k : Long.parseLong(dm.value(pk, inst));
    }
    return new long[] {m, k};
  }

  private static int instanceOf(String controllerRef) {
    int dot = controllerRef.lastIndexOf('.');
    try {
      return Integer.parseInt(controllerRef.substring(dot + 1));
    } catch (NumberFormatException | IndexOutOfBoundsException e) {
      return -1;
    }
  }

  // ---- plumbing --------------------------------------------------------------------------------

  /** A response goes back to the sender with the request's Record version (R-MSG.0a). */
  private void reply(Record request, Msg response, Outbox out) {
    String version =
        request.getVersion().compareTo(UspMessages.RECORD_VERSION) > 0
            ? UspMessages.RECORD_VERSION
            : request.getVersion();
    boolean sent =
        out.send(
            request.getFromId(),
            UspRecordCodec.encode(
                UspMessages.record(version, request.getFromId(), endpointId, response)));
    if (sent) {
      env.stats().message(response.getHeader().getMsgType().name(), false);
    }
  }

  private byte[] disconnect(Record request, UspErrorCode code) {
    return UspRecordCodec.encode(
        Record.newBuilder()
            .setVersion(UspMessages.RECORD_VERSION)
            .setToId(request.getFromId())
            .setFromId(endpointId)
            .setDisconnect(
                DisconnectRecord.newBuilder().setReasonCode(code.code()).setReason(code.text()))
            .build());
  }

  private RecordDropReason drop(RecordDropReason reason, String detail) {
    env.stats().dropped(reason.name(), detail);
    return reason;
  }

  private String nextMsgId() {
    return "notify-" + (++msgCounter);
  }

  private SplittableRandom random(long salt) {
    return new SplittableRandom(
        env.device().seed() * 0x9E3779B97F4A7C15L + dm.index() * 31L + salt);
  }

  private static String firstWindow(Map<String, String> args, String member, String fallback) {
    String v = args.get("TimeWindow.1." + member);
    return v == null ? fallback : v;
  }

  private static ParamNode endpointParam(Schema schema) {
    ObjectNode la = schema.object("Device.LocalAgent.");
    ParamNode p = la == null ? null : la.param("EndpointID");
    if (p == null) {
      throw new IllegalArgumentException(
          "profile " + schema.name() + " has no Device.LocalAgent.EndpointID");
    }
    return p;
  }
}
