package io.fleetsim.agent;

import io.fleetsim.datamodel.ObjectNode;
import io.fleetsim.usp.message.UspMessages;
import io.fleetsim.usp.proto.UspMsg.Header.MsgType;
import io.fleetsim.usp.proto.UspMsg.Msg;
import io.fleetsim.usp.proto.UspMsg.Notify;
import io.fleetsim.usp.proto.UspMsg.Request;
import io.fleetsim.usp.record.RecordDropReason;
import io.fleetsim.usp.retry.RetryWait;
import java.util.HashMap;

/**
 * Sends Notify messages to Controllers and keeps the ones sent with send_resp=true until their
 * NotifyResp arrives (R-NOT.8-10): retried on the TR-369 m/k windows of the recipient's
 * USPNotifRetryMinimumWaitInterval and USPNotifRetryIntervalMultiplier (R-NOT.1-4) until
 * NotifExpiration has passed. Stateless: the pending notifications are the {@link AgentCore}'s.
 */
final class NotifyDelivery {
  private NotifyDelivery() {}

  /** Whether a Boot! with NotifRetry is still waiting for its NotifyResp. */
  static boolean awaitingBootAck(AgentCore agent) {
    if (agent.pending != null) {
      for (PendingNotify p : agent.pending.values()) {
        if (p.metric().equals("Boot!")) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Sends a Notify to the Controller {@code recipient}; with {@code retry} it goes with
   * send_resp=true and is retried until a NotifyResp with its msg_id arrives or {@code expiration}
   * seconds have passed (0 = until delivered or restart).
   */
  static void deliver(
      AgentCore agent,
      String recipient,
      String subscriptionId,
      boolean retry,
      long expirationSeconds,
      Notify.Builder notify,
      Outbox out) {
    String controllerId = ControllerTable.controllerEndpoint(agent, recipient);
    if (controllerId == null) {
      return;
    }
    String msgId = agent.nextMsgId();
    Msg msg =
        UspMessages.request(
            msgId,
            MsgType.NOTIFY,
            Request.newBuilder()
                .setNotify(notify.setSubscriptionId(subscriptionId).setSendResp(retry))
                .build());
    byte[] bytes =
        UspMessages.encodeRecord(UspMessages.RECORD_VERSION, controllerId, agent.endpointId, msg);
    if (out.send(controllerId, bytes)) { // an event while offline is lost unless retried
      agent.env.stats().message(MsgType.NOTIFY.name(), false);
    }
    String type = notify.getNotificationCase().name();
    agent.env.stats().notified(type, false);
    if (retry) {
      if (agent.pending == null) {
        agent.pending = new HashMap<>(4);
      }
      long now = agent.dm.nowMillis();
      long expiry = expirationSeconds > 0 ? now + expirationSeconds * 1000 : Long.MAX_VALUE;
      String metric = notify.hasEvent() ? notify.getEvent().getEventName() : type;
      agent.pending.put(
          msgId,
          new PendingNotify(
              controllerId, bytes, recipient, type, metric, System.nanoTime(), 1, expiry));
      scheduleRetry(agent, msgId, 1, recipient);
    }
  }

  /** OnBoardRequest: send_resp=true, retried, never expires, subscription_id "" (R-NOT.6/6a/7). */
  static void onBoardRequest(AgentCore agent, int controllerInstance, Outbox out) {
    ObjectNode info = agent.dm.schema().object(Tr181Paths.DEVICE_INFO);
    Notify.OnBoardRequest.Builder req =
        Notify.OnBoardRequest.newBuilder()
            .setOui(agent.dm.value(info.param("ManufacturerOUI"), Instances.ROOT))
            .setProductClass(agent.dm.value(info.param("ProductClass"), Instances.ROOT))
            .setSerialNumber(agent.dm.value(info.param("SerialNumber"), Instances.ROOT))
            .setAgentSupportedProtocolVersions(
                agent.dm.schema().settings().supportedProtocolVersions());
    deliver(
        agent,
        Tr181Paths.CONTROLLER_REF + controllerInstance,
        "",
        true,
        0,
        Notify.newBuilder().setOnBoardReq(req),
        out);
  }

  static void scheduleRetry(AgentCore agent, String msgId, int attempt, String recipient) {
    long[] mk = ControllerTable.notifRetrySettings(agent, recipient);
    long delay =
        RetryWait.delayMillis(
            attempt, mk[0], mk[1], agent.random(msgId.hashCode() * 31L + attempt));
    agent
        .env
        .timers()
        .schedule(
            agent.dm.index(), agent.dm.nowMillis() + delay, new AgentTimer.NotifyRetry(msgId));
  }

  static void retryNotify(AgentCore agent, String msgId, Outbox out) {
    PendingNotify p = agent.pending == null ? null : agent.pending.get(msgId);
    if (p == null) {
      return;
    }
    if (agent.dm.nowMillis() >= p.expiresAtMillis()) {
      // NotifExpiration seconds after the first attempt: give up (R-NOT.3, TP-469 1.56).
      agent.pending.remove(msgId);
      agent.env.stats().dropped("NOTIFY_EXPIRED", msgId);
      if (p.metric().equals("Boot!") && !awaitingBootAck(agent)) {
        out.lifecycle(AgentLifecycle.BOOTED); // given up: the agent works on unannounced
      }
      return;
    }
    if (out.send(p.controllerId(), p.record())) {
      agent.env.stats().message(MsgType.NOTIFY.name(), false);
    }
    agent.env.stats().notified(p.type(), true);
    PendingNotify next = p.nextAttempt();
    agent.pending.put(msgId, next);
    scheduleRetry(agent, msgId, next.attempt(), p.recipient());
  }

  /**
   * A NotifyResp: the Notify with the same msg_id is delivered and its retries stop (R-NOT.8-10);
   * one that matches nothing pending is dropped.
   */
  static RecordDropReason acknowledge(AgentCore agent, String msgId, Outbox out) {
    PendingNotify acked = agent.pending == null ? null : agent.pending.remove(msgId);
    if (acked == null) {
      return RecordReceiver.drop(agent, RecordDropReason.UNMATCHED_NOTIFY_RESP, msgId);
    }
    agent.env.stats().acknowledged(acked.metric(), System.nanoTime() - acked.sentNanos());
    if (agent.pending.isEmpty()) {
      agent.pending = null;
    }
    if (acked.metric().equals("Boot!") && !awaitingBootAck(agent)) {
      out.lifecycle(AgentLifecycle.BOOTED);
    }
    return null;
  }
}
