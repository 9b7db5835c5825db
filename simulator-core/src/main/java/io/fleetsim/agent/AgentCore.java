package io.fleetsim.agent;

import io.fleetsim.datamodel.AgentDataModel;
import io.fleetsim.datamodel.DeviceModel;
import io.fleetsim.datamodel.ObjectNode;
import io.fleetsim.datamodel.ParamNode;
import io.fleetsim.datamodel.Schema;
import io.fleetsim.identity.DeviceId;
import io.fleetsim.usp.message.UspErrorCode;
import io.fleetsim.usp.message.UspMessages;
import io.fleetsim.usp.proto.UspMsg.Msg;
import io.fleetsim.usp.record.RecordDropReason;
import java.util.ArrayList;
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
public final class AgentCore implements DeviceId.Details {

  final AgentEnvironment env;
  final AgentDataModel dm;
  final String endpointId;
  int msgCounter;
  boolean rebooting;
  boolean applyingTriggerConfig;

  /**
   * FirmwareImage banks (bit = instance number) holding an image that will not boot: decided when
   * its download lands, so it is all an agent stores of a bad release (one byte, in padding).
   */
  byte unbootableBanks;

  /** Notifies sent with send_resp=true and not yet acknowledged, by msg_id; null when none. */
  Map<String, PendingNotify> pending;

  /** What the next connect must announce (Boot! and completions across the reboot); null after. */
  BootInfo boot;

  /** The end of the last tick window (0: not ticked yet); the next window starts here. */
  private long tickedUntil;

  /** When the fleet was last asked to tick this agent ({@link Long#MAX_VALUE}: not asked). */
  private long tickDue = Long.MAX_VALUE;

  private AgentCore(AgentEnvironment env, int index) {
    this.env = env;
    this.dm = env.device().newAgent(index);
    this.endpointId = endpointIdOf(dm);
    this.boot = BootInfo.of("LocalReboot", "", null, List.of());
    env.stats().firmware(null, softwareVersion());
  }

  /** The firmware the agent runs ({@code Device.DeviceInfo.SoftwareVersion}), "" without one. */
  public String softwareVersion() {
    return valueOf(Tr181Paths.DEVICE_INFO, "SoftwareVersion", Instances.ROOT);
  }

  /**
   * Who this agent is to the MTP at a connect: EndpointID, fleet index, {@code
   * Device.DeviceInfo.SerialNumber} and the first Ethernet interface's MACAddress ("" where the
   * profile has none), the last two read only when a login or certificate needs them. Made per
   * connect, not kept.
   */
  public DeviceId deviceId() {
    return new DeviceId(dm.index(), endpointId, this);
  }

  @Override
  public String serial() {
    return valueOf(Tr181Paths.DEVICE_INFO, "SerialNumber", Instances.ROOT);
  }

  @Override
  public String mac() {
    return valueOf(Tr181Paths.ETHERNET_INTERFACE, "MACAddress", FIRST);
  }

  private static final int[] FIRST = {1};

  private String valueOf(String object, String param, int[] instances) {
    ObjectNode node = dm.schema().object(object);
    ParamNode p = node == null ? null : node.param(param);
    return p == null || !dm.exists(node, instances) ? "" : dm.value(p, instances);
  }

  /** A freshly powered-on agent; its first {@link #onConnected} sends Boot!. */
  public static AgentCore create(AgentEnvironment env, int index) {
    return new AgentCore(env, index);
  }

  /** The EndpointID agent {@code index} of {@code device} has, without creating the agent. */
  public static String endpointIdOf(DeviceModel device, int index) {
    return endpointIdOf(device.newAgent(index));
  }

  private static String endpointIdOf(AgentDataModel dm) {
    return dm.value(endpointParam(dm.schema()), Instances.ROOT);
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
   * The MTP to the Controllers is up: after a boot, send what it owes (obuspa order: Boot!, then
   * OperationComplete of requests that finished across the reboot), then drop non-persistent
   * subscriptions (TR-181 Device.); after any connect, tell the runtime BOOTED unless a Boot! still
   * waits for its answer.
   */
  public void onConnected(Outbox out) {
    if (boot != null) {
      BootInfo b = boot;
      boot = null;
      NotificationEngine.bootEvent(this, b, out);
      for (Completion c : b.completions()) {
        CommandLifecycle.complete(this, c, out);
      }
      NotificationEngine.afterCommit(this, b.changes(), out);
      SubscriptionLifecycle.dropNonPersistentSubscriptions(this);
    }
    // A reconnect that is not a reboot (outage, Controller or broker restart) owes no Boot!: the
    // agent is announced at once, unless the Boot! of its last boot still waits for its NotifyResp
    // (NotifRetry, R-NOT.1-4: its retry goes on over the new session).
    if (!NotifyDelivery.awaitingBootAck(this)) {
      out.lifecycle(AgentLifecycle.BOOTED);
    }
  }

  /**
   * The MTP address the server gave for this session (a STOMP broker's {@code subscribe-dest},
   * TP-469 6.5), or "" for none: shown in Device.LocalAgent.MTP.1.STOMP.DestinationFromServer.
   * Stored for the agent only when it differs from what the data model shows.
   */
  public void mtpAddressFromServer(String address) {
    ParamNode p = dm.schema().param(Tr181Paths.DESTINATION_FROM_SERVER);
    int[] first = {1};
    if (p != null && dm.exists(p.owner(), first) && !dm.value(p, first).equals(address)) {
      dm.set(p, first, address);
    }
  }

  /**
   * Where a Controller configured this agent to be reached (its STOMP destination), or null for the
   * connector's own; read on the agent's thread before each connect.
   */
  public String configuredMtpAddress() {
    return MtpAddressChange.configured(this);
  }

  /**
   * Configuration a deployed device kept from an earlier session: {@code add} (a Controller's Add
   * of subscriptions) is applied before the first connect, as if {@code controllerId} had sent it
   * back then. Nothing is answered or counted as traffic, since nothing crossed the MTP.
   *
   * @return false when the Add was refused (no such Controller, or the Add failed)
   */
  public boolean restore(Msg add, String controllerId) {
    String controllerRef = ControllerTable.controllerRef(this, controllerId);
    if (controllerRef == null) {
      return false;
    }
    RequestContext ctx = new RequestContext(dm, controllerId, controllerRef);
    Msg resp = AddHandler.handle(add, ctx);
    NotificationEngine.afterCommit(
        this, ctx.changes, (controller, bytes) -> true); // no subscriber exists yet
    return resp.getBody().hasResponse();
  }

  /**
   * Handles one incoming Record.
   *
   * @return null when it was processed, or why it was dropped (the transport closes a WebSocket
   *     with 1003 on {@link RecordDropReason#UNPARSEABLE}, R-WS.16)
   */
  public RecordDropReason onRecord(byte[] bytes, Outbox out) {
    return RecordReceiver.onRecord(this, bytes, out);
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
    // only what some subscription asks for is computed
    int wanted = SubscriptionRows.wanted(dm);
    List<Change> changes =
        (wanted & SubscriptionRows.OBJECT_CHANGES) != 0
            ? TickChanges.churnSince(this, sinceMillis, untilMillis, null)
            : null;
    if ((wanted & SubscriptionRows.VALUE_CHANGE) != 0) {
      changes = TickChanges.valueChangesSince(this, sinceMillis, untilMillis, changes);
    }
    if (changes != null) {
      NotificationEngine.afterCommit(this, changes, out);
    }
    if ((wanted & SubscriptionRows.PERIODIC) != 0) {
      SubscriptionLifecycle.periodic(this, sinceMillis, untilMillis, out);
    }
  }

  /**
   * A tick from the fleet, which delivers one when something this agent asked for is due ({@link
   * AgentTimers#tickAt}): the window since the last one is worked off ({@link #onTick}), then the
   * next due instant asked for.
   */
  public void onDueTick(long nowMillis, Outbox out) {
    if (tickedUntil > 0) {
      onTick(tickedUntil, nowMillis, out);
    }
    tickedUntil = Math.max(tickedUntil, nowMillis);
    tickDue = Long.MAX_VALUE;
    askForTick(nowMillis);
  }

  /**
   * After any other work (a request, a timer, a connect): when nothing is due that was not worked
   * off yet, the tick window restarts now, so what time changed before a subscription existed is
   * not announced to it; then the next due instant is asked for if it moved earlier (a new
   * subscription).
   */
  public void afterWork() {
    long now = dm.nowMillis();
    if (tickDue > now) {
      tickedUntil = now;
    }
    askForTick(now);
  }

  private void askForTick(long now) {
    long due = DueTimes.next(this, now);
    if (due < tickDue || tickDue <= tickedUntil) {
      tickDue = due;
      if (due != Long.MAX_VALUE) {
        env.timers().tickAt(dm.index(), due);
      }
    }
  }

  /**
   * The device reboots on its own (a power cycle, a crash, a watchdog): the MTP goes down, and the
   * next boot announces Boot! with Cause LocalReboot. Ignored while already rebooting.
   */
  public void localReboot(Outbox out) {
    powerLoss(0, out);
  }

  public void onTimer(AgentTimer timer, Outbox out) {
    if (timer instanceof AgentTimer.RebootDone) {
      restart(out);
    } else if (timer instanceof AgentTimer.NotifyRetry r) {
      NotifyDelivery.retryNotify(this, r.msgId(), out);
    } else if (timer instanceof AgentTimer.CommandDone done) {
      CommandLifecycle.commandDone(this, done.start(), out);
    } else if (timer instanceof AgentTimer.TransferDone t) {
      if (CommandLifecycle.commandAlive(this, t.start())) {
        FirmwareBanks.downloadDone(this, t.start(), t.startMillis(), t.outcome(), out);
      }
    } else if (timer instanceof AgentTimer.SubscriptionExpiry e) {
      SubscriptionLifecycle.expire(this, e, out);
    }
  }

  /**
   * The DisconnectRecord an agent sends to {@code controllerId} before it closes its MTP for good
   * (R-MTP.7): reason 7105, its session with the Controller is over.
   */
  public byte[] disconnectRecord(String controllerId) {
    return UspMessages.encodeDisconnect(
        controllerId, endpointId, UspErrorCode.SESSION_CONTEXT_TERMINATED.code(), "shutdown");
  }

  /** Unacknowledged notifications, by msg_id (for tests). */
  public int pendingNotifications() {
    return pending == null ? 0 : pending.size();
  }

  /**
   * The device loses power: as {@link #localReboot}, but dark for {@code darkMillis} before its
   * boot (which takes the profile's reboot time) starts. Ignored while already rebooting.
   */
  public void powerLoss(long darkMillis, Outbox out) {
    if (!rebooting) {
      BootInfo b = BootInfo.of("LocalReboot", "", FirmwareBanks.bootBank(this), List.of());
      reboot(b, darkMillis, out);
    }
  }

  void reboot(BootInfo next, Outbox out) {
    reboot(next, 0, out);
  }

  private void reboot(BootInfo next, long darkMillis, Outbox out) {
    rebooting = true;
    pending = null; // Notify retries stop when the Agent restarts (TR-369 retry, R-NOT.1-4)
    boot = next;
    out.lifecycle(AgentLifecycle.REBOOTING);
    env.timers()
        .schedule(
            dm.index(),
            dm.nowMillis() + darkMillis + dm.schema().settings().rebootMillis(),
            new AgentTimer.RebootDone());
  }

  void restart(Outbox out) {
    if (!rebooting) {
      return;
    }
    BootInfo b = boot;
    if (b != null
        && b.activateImage() != null
        && !FirmwareBanks.bootable(this, b.activateImage()[0])) {
      FirmwareBanks.rollBack(this, b);
      return;
    }
    rebooting = false;
    dm.rebooted(dm.nowMillis());
    if (b != null && b.activateImage() != null) {
      List<Change> changes = new ArrayList<>();
      boot =
          b.afterImageSwitch(FirmwareBanks.switchImage(this, b.activateImage(), changes), changes);
    }
    if (b != null) {
      RebootHistory.record(dm, boot);
    }
    CommandLifecycle.dropInterruptedRequests(this, b);
    out.lifecycle(AgentLifecycle.RESTARTED);
  }

  String nextMsgId() {
    return "notify-" + (++msgCounter);
  }

  SplittableRandom random(long salt) {
    return new SplittableRandom(
        env.device().seed() * 0x9E3779B97F4A7C15L + dm.index() * 31L + salt);
  }

  private static ParamNode endpointParam(Schema schema) {
    ObjectNode la = schema.object(Tr181Paths.LOCAL_AGENT);
    ParamNode p = la == null ? null : la.param("EndpointID");
    if (p == null) {
      throw new IllegalArgumentException(
          "profile " + schema.name() + " has no Device.LocalAgent.EndpointID");
    }
    return p;
  }
}
