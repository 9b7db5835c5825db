package io.fleetsim.controller;

import io.fleetsim.mtp.MtpListener;
import io.fleetsim.mtp.MtpSession;
import io.fleetsim.usp.message.MessageNames;
import io.fleetsim.usp.message.MsgDecodeResult;
import io.fleetsim.usp.message.UspMessageCodec;
import io.fleetsim.usp.message.UspMessages;
import io.fleetsim.usp.proto.UspMsg.Header.MsgType;
import io.fleetsim.usp.proto.UspMsg.Msg;
import io.fleetsim.usp.proto.UspMsg.Notify;
import io.fleetsim.usp.proto.UspMsg.Operate;
import io.fleetsim.usp.proto.UspMsg.Request;
import io.fleetsim.usp.proto.UspRecord.Record;
import io.fleetsim.usp.record.RecordDecodeResult;
import io.fleetsim.usp.record.UspRecordCodec;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;

/**
 * One agent's session with the {@link ReferenceController}, on its channel's event loop: its
 * connect and disconnect, the Notify it sends (answered with NotifyResp when asked), and the
 * requests sent to it with their pending responses.
 */
final class AgentLink implements MtpListener {
  private final ReferenceController owner;
  private final PendingRequests pending = new PendingRequests();
  volatile MtpSession session;
  private volatile String agentId = "";
  private volatile String version = UspMessages.RECORD_VERSION;

  /** Not yet read from the session: compared by identity, so a new instance on purpose. */
  private static final String UNREAD = new String("unread");

  /**
   * The EndpointID the peer's client certificate names ({@link MtpSession#certifiedEndpointId}).
   */
  private volatile String certificateId = UNREAD;

  /** Set when this session was refused as a duplicate of a live one: it carries nothing more. */
  private volatile boolean refused;

  AgentLink(ReferenceController owner) {
    this.owner = owner;
  }

  @Override
  public void onConnected(MtpSession s) {
    session = s;
  }

  @Override
  public boolean onRecord(MtpSession s, byte[] bytes) {
    RecordDecodeResult r = UspRecordCodec.decode(bytes, owner.maxRecordBytes);
    Record record = owner.forMe(r);
    if (record != null) {
      handle(record);
    }
    return r instanceof RecordDecodeResult.Decoded; // undecodable: close 1003 (R-WS.16)
  }

  void handle(Record record) {
    if (refused) {
      owner.drop("from a refused session", agentId); // in flight before its close
      return;
    }
    if (!certified(record.getFromId())) {
      return;
    }
    // Kept only when it differs: each Record decodes its own copy of both strings, and keeping the
    // latest would hold one more copy of the EndpointID per agent than the map key (64 B).
    String from = record.getFromId();
    if (!from.equals(agentId)) {
      agentId = from;
    }
    String v = record.getVersion();
    if (!v.equals(version)) {
      version = v;
    }
    switch (record.getRecordTypeCase()) {
      case WEBSOCKET_CONNECT, MQTT_CONNECT, STOMP_CONNECT -> {
        if (owner.agents.compute(agentId, (id, held) -> held == null || !held.live() ? this : held)
            != this) {
          refuseDuplicate();
          return;
        }
        owner.connects.increment();
        if (owner.provision && owner.provisionedAgents.add(agentId)) {
          provision();
        }
      }
      case NO_SESSION_CONTEXT -> onMessage(record);
      case DISCONNECT -> owner.agents.remove(agentId, this);
      default -> owner.drop("record type " + record.getRecordTypeCase(), agentId);
    }
  }

  /**
   * Whether a Record from {@code fromId} may be taken: always when the peer presented no client
   * certificate; otherwise only when the certificate's {@code urn:bbf:usp:id:} names that very
   * EndpointID (TR-369: an endpoint authenticated by its certificate is the EndpointID it names). A
   * device claiming another identity has its Record rejected, counted, and its session closed with
   * 1008 (policy violation).
   */
  private boolean certified(String fromId) {
    MtpSession s = session;
    if (certificateId == UNREAD && s != null) {
      certificateId = s.certifiedEndpointId(); // read once: parsing it per Record costs µs
    }
    String named = certificateId == UNREAD ? null : certificateId;
    if (named == null || named.equals(fromId)) {
      return true;
    }
    owner.drop(
        named.isEmpty()
            ? "client certificate names no EndpointID"
            : "from_id differs from the client certificate's EndpointID",
        fromId + " (certificate: " + (named.isEmpty() ? "none" : named) + ")");
    s.close(1008, "from_id is not the certificate's EndpointID");
    return false;
  }

  /** Whether this link has a session that is up (an agent's reconnect may race its old close). */
  private boolean live() {
    MtpSession s = session;
    return s != null && !refused;
  }

  /**
   * A second session for an EndpointID that has one: at most one session between two endpoints
   * (R-WS.4), and TP-469 7.2 lets the Controller reject the new one. Rejecting it keeps the device
   * that was there first reachable; taking the newest would let any peer that claims an EndpointID
   * (a second {@code fleetsim agents} with the same IDs) cut the first one off without a trace.
   */
  private void refuseDuplicate() {
    refused = true;
    AgentLink held = owner.agents.get(agentId);
    MtpSession first = held == null ? null : held.session;
    owner.duplicateEndpoint(
        agentId, first == null ? "" : first.remoteAddress(), session.remoteAddress());
    session.close(1008, "EndpointID already connected"); // 1008: policy violation (RFC 6455)
  }

  private void onMessage(Record record) {
    MsgDecodeResult decoded = UspMessageCodec.decode(record.getNoSessionContext().getPayload());
    if (!(decoded instanceof MsgDecodeResult.Decoded d)) {
      owner.drop("undecodable Msg", agentId);
      return;
    }
    Msg msg = d.msg();
    if (msg.getBody().hasRequest() && msg.getBody().getRequest().hasNotify()) {
      Notify notify = msg.getBody().getRequest().getNotify();
      owner.notifications.increment();
      if (notify.hasEvent() && notify.getEvent().getEventName().equals("Boot!")) {
        owner.boots.increment();
      }
      if (notify.getSendResp()) {
        reply(UspMessages.notifyResp(msg));
      }
      ReferenceController.Notification n = new ReferenceController.Notification(agentId, notify);
      owner.notifyListeners.forEach(l -> l.accept(n));
      return;
    }
    CompletableFuture<Msg> f = pending.remove(msg.getHeader().getMsgId());
    if (f != null) {
      f.complete(msg);
    } else {
      // a late answer (its request timed out) or a second one (a request delivered twice)
      owner.drop("answer to no pending request", agentId + " " + msg.getHeader().getMsgId());
    }
  }

  /**
   * First contact: the {@link Provisioning} subscriptions, then optionally a reboot. When the Add
   * fails, the agent may hold them already (this Controller restarted): it is then counted as
   * provisioned, and recognised, not rebooted.
   */
  private void provision() {
    send(MsgType.ADD, Provisioning.REQUEST, System.nanoTime())
        .thenAccept(
            resp -> {
              if (!resp.getBody().hasResponse()) {
                recognise();
              } else {
                owner.provisioned.increment();
                if (owner.rebootAfterProvisioning) {
                  send(
                      MsgType.OPERATE,
                      Request.newBuilder()
                          .setOperate(
                              Operate.newBuilder()
                                  .setCommand("Device.Reboot()")
                                  .setCommandKey("provisioned")
                                  .setSendResp(true))
                          .build(),
                      System.nanoTime());
                }
              }
            });
  }

  private void recognise() {
    send(MsgType.GET, Provisioning.HELD, System.nanoTime())
        .thenAccept(
            held -> {
              if (Provisioning.held(held, owner.endpointId)) {
                owner.provisioned.increment();
                owner.recognised.increment();
              }
            });
  }

  CompletableFuture<Msg> send(MsgType type, Request request, long dueNanos) {
    String msgId = "ctl-" + owner.msgIds.incrementAndGet();
    CompletableFuture<Msg> f = new CompletableFuture<>();
    pending.put(msgId, f);
    MtpSession s = session;
    if (s == null
        || !s.send(
            UspMessages.encodeRecord(
                version, agentId, owner.endpointId, UspMessages.request(msgId, type, request)))) {
      pending.remove(msgId);
      f.completeExceptionally(new IllegalStateException("no session to " + agentId));
      return f;
    }
    String name = MessageNames.of(type);
    return f.orTimeout(ReferenceController.REQUEST_TIMEOUT_SECONDS, TimeUnit.SECONDS)
        .whenComplete(
            (msg, error) -> {
              if (msg != null && msg.getBody().hasError()) {
                owner.errorResponses.computeIfAbsent(name, k -> new LongAdder()).increment();
              } else if (msg != null) {
                owner.latencies.record(name, System.nanoTime() - dueNanos);
              } else if (error instanceof TimeoutException) {
                pending.remove(msgId);
                owner.timeouts.increment();
              }
            });
  }

  private void reply(Msg msg) {
    MtpSession s = session;
    if (s != null) {
      s.send(UspMessages.encodeRecord(version, agentId, owner.endpointId, msg));
    }
  }

  @Override
  public void onDisconnected(MtpSession s, String cause) {
    session = null;
    if (!agentId.isEmpty()) {
      owner.agents.remove(agentId, this);
    }
    pending.removeAll().forEach(f -> f.completeExceptionally(new IllegalStateException(cause)));
  }
}
