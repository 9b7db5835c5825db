package io.fleetsim.agent;

import io.fleetsim.usp.message.MsgDecodeResult;
import io.fleetsim.usp.message.UspErrorCode;
import io.fleetsim.usp.message.UspMessageCodec;
import io.fleetsim.usp.message.UspMessages;
import io.fleetsim.usp.proto.UspMsg.Msg;
import io.fleetsim.usp.proto.UspMsg.Request;
import io.fleetsim.usp.proto.UspRecord.Record;
import io.fleetsim.usp.record.RecordDecodeResult;
import io.fleetsim.usp.record.RecordDropReason;
import io.fleetsim.usp.record.UspRecordCodec;

/**
 * The Record receive rules of TR-369 and the dispatch of what passes them: a Record that cannot be
 * decoded, is not addressed to this agent, comes from itself or from an unknown or disabled
 * Controller is dropped with a counted reason (R-MTP.5, R-E2E.1); a session-context Record is
 * refused with a Disconnect 7106 (R-E2E.6a); a request goes to its one handler and the response
 * back to the sender with the request's Record version (R-MSG.0a). Stateless: it works on the
 * {@link AgentCore} it is given.
 */
final class RecordReceiver {
  private RecordReceiver() {}

  /** Handles one incoming Record: null when processed, else why it was dropped. */
  static RecordDropReason onRecord(AgentCore agent, byte[] bytes, Outbox out) {
    RecordDecodeResult decoded = UspRecordCodec.decode(bytes, agent.env.maxRecordBytes());
    if (decoded instanceof RecordDecodeResult.Failed f) {
      return drop(agent, f.reason(), f.detail());
    }
    Record record = ((RecordDecodeResult.Decoded) decoded).record();
    if (!record.getToId().equals(agent.endpointId)) {
      return drop(agent, RecordDropReason.WRONG_TO_ID, record.getToId());
    }
    if (record.getFromId().equals(agent.endpointId)) {
      return drop(agent, RecordDropReason.FROM_SELF, record.getFromId());
    }
    String controllerRef = ControllerTable.controllerRef(agent, record.getFromId());
    if (controllerRef == null) {
      return drop(agent, RecordDropReason.UNKNOWN_CONTROLLER, record.getFromId());
    }
    if (agent.rebooting) {
      return drop(agent, RecordDropReason.AGENT_OFFLINE, "record while rebooting");
    }
    switch (record.getRecordTypeCase()) {
      case NO_SESSION_CONTEXT -> {
        return onMessage(agent, record, controllerRef, out);
      }
      case SESSION_CONTEXT -> {
        // E2E session context is optional; refuse it with a Disconnect 7106 (R-E2E.6a).
        out.reply(
            record.getFromId(),
            disconnect(agent, record, UspErrorCode.SESSION_CONTEXT_NOT_ALLOWED));
        return drop(agent, RecordDropReason.SESSION_CONTEXT_REFUSED, record.getFromId());
      }
      default -> {
        // Connect and Disconnect Records carry no Msg; a Disconnect only clears E2E state we lack.
        return null;
      }
    }
  }

  static RecordDropReason onMessage(
      AgentCore agent, Record record, String controllerRef, Outbox out) {
    String controllerId = record.getFromId();
    MsgDecodeResult decoded = UspMessageCodec.decode(record.getNoSessionContext().getPayload());
    if (decoded instanceof MsgDecodeResult.Undecodable u) {
      return drop(agent, RecordDropReason.UNPARSEABLE_MSG, u.detail());
    }
    if (decoded instanceof MsgDecodeResult.Invalid inv) {
      reply(agent, record, UspMessages.error(inv.msgId(), inv.code(), inv.detail()), out);
      agent.env.stats().dropped("INVALID_MSG", inv.detail());
      return null;
    }
    Msg msg = ((MsgDecodeResult.Decoded) decoded).msg();
    agent.env.stats().message(msg.getHeader().getMsgType().name(), true);
    long start = System.nanoTime();
    switch (msg.getBody().getMsgBodyCase()) {
      case REQUEST -> {
        RequestContext ctx = new RequestContext(agent.dm, controllerId, controllerRef);
        Msg response;
        try {
          response = dispatch(msg, ctx);
        } catch (RuntimeException e) {
          // Handlers never throw by design; if one does, answer 7003 and keep the agent alive.
          agent.env.stats().dropped("HANDLER_FAILURE", e.toString());
          response =
              UspMessages.error(msg.getHeader().getMsgId(), UspErrorCode.INTERNAL_ERROR, null);
          ctx.changes.clear();
          ctx.effects.clear();
        }
        if (response != null) {
          reply(agent, record, response, out);
        }
        agent
            .env
            .stats()
            .handled(msg.getBody().getRequest().getReqTypeCase().name(), System.nanoTime() - start);
        NotificationEngine.afterCommit(agent, ctx.changes, out);
        MtpAddressChange.afterCommit(ctx.changes, out);
        for (Effect e : ctx.effects) {
          CommandLifecycle.apply(agent, e, out);
        }
        return null;
      }
      case RESPONSE -> {
        if (msg.getBody().getResponse().hasNotifyResp()) {
          return NotifyDelivery.acknowledge(agent, msg.getHeader().getMsgId(), out);
        }
        return drop(
            agent, RecordDropReason.UNEXPECTED_RESPONSE, msg.getHeader().getMsgType().name());
      }
      default -> {
        return drop(
            agent, RecordDropReason.UNEXPECTED_RESPONSE, "Error " + msg.getHeader().getMsgId());
      }
    }
  }

  /** One handler per message; types a Controller never sends to an Agent get 7001 (R-MSG.1). */
  static Msg dispatch(Msg msg, RequestContext ctx) {
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

  /** A response goes back to the sender with the request's Record version (R-MSG.0a). */
  static void reply(AgentCore agent, Record request, Msg response, Outbox out) {
    String version =
        request.getVersion().compareTo(UspMessages.RECORD_VERSION) > 0
            ? UspMessages.RECORD_VERSION
            : request.getVersion();
    boolean sent =
        out.reply(
            request.getFromId(),
            UspRecordCodec.encode(
                UspMessages.record(version, request.getFromId(), agent.endpointId, response)));
    if (sent) {
      agent.env.stats().message(response.getHeader().getMsgType().name(), false);
    }
  }

  static byte[] disconnect(AgentCore agent, Record request, UspErrorCode code) {
    return UspMessages.encodeDisconnect(
        request.getFromId(), agent.endpointId, code.code(), code.text());
  }

  static RecordDropReason drop(AgentCore agent, RecordDropReason reason, String detail) {
    agent.env.stats().dropped(reason.name(), detail);
    return reason;
  }
}
