package io.fleetsim.usp.message;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import io.fleetsim.usp.proto.UspMsg.Body;
import io.fleetsim.usp.proto.UspMsg.Error;
import io.fleetsim.usp.proto.UspMsg.Header;
import io.fleetsim.usp.proto.UspMsg.Header.MsgType;
import io.fleetsim.usp.proto.UspMsg.Msg;
import io.fleetsim.usp.proto.UspMsg.Request;
import io.fleetsim.usp.proto.UspMsg.Response;
import io.fleetsim.usp.proto.UspRecord.DisconnectRecord;
import io.fleetsim.usp.proto.UspRecord.MQTTConnectRecord;
import io.fleetsim.usp.proto.UspRecord.NoSessionContextRecord;
import io.fleetsim.usp.proto.UspRecord.Record;
import io.fleetsim.usp.proto.UspRecord.STOMPConnectRecord;
import io.fleetsim.usp.proto.UspRecord.WebSocketConnectRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Builders for USP envelopes: Msg with header and body, and the Record that carries it. */
public final class UspMessages {
  /** The USP version fleetsim stamps on the Records it originates. */
  public static final String RECORD_VERSION = "1.4";

  private UspMessages() {}

  /** A request Msg. */
  public static Msg request(String msgId, MsgType type, Request request) {
    return Msg.newBuilder()
        .setHeader(Header.newBuilder().setMsgId(msgId).setMsgType(type))
        .setBody(Body.newBuilder().setRequest(request))
        .build();
  }

  /**
   * The NotifyResp to a Notify Msg: its msg_id and its subscription_id (R-NOT.8-10), which is how
   * the agent matches it to the Notify it retries.
   */
  public static Msg notifyResp(Msg notify) {
    return response(
        notify.getHeader().getMsgId(),
        MsgType.NOTIFY_RESP,
        Response.newBuilder()
            .setNotifyResp(
                io.fleetsim.usp.proto.UspMsg.NotifyResp.newBuilder()
                    .setSubscriptionId(
                        notify.getBody().getRequest().getNotify().getSubscriptionId()))
            .build());
  }

  /** A response Msg; msg_id echoes the request's (R-MSG.9). */
  public static Msg response(String msgId, MsgType type, Response response) {
    return Msg.newBuilder()
        .setHeader(Header.newBuilder().setMsgId(msgId).setMsgType(type))
        .setBody(Body.newBuilder().setResponse(response))
        .build();
  }

  /** An Error Msg with optional per-path details. */
  public static Msg error(
      String msgId, UspErrorCode code, String message, List<Error.ParamError> paramErrs) {
    return Msg.newBuilder()
        .setHeader(Header.newBuilder().setMsgId(msgId).setMsgType(MsgType.ERROR))
        .setBody(
            Body.newBuilder()
                .setError(
                    Error.newBuilder()
                        .setErrCode(code.code())
                        .setErrMsg(message == null ? code.text() : message)
                        .addAllParamErrs(paramErrs)))
        .build();
  }

  /** An Error Msg without per-path details. */
  public static Msg error(String msgId, UspErrorCode code, String message) {
    return error(msgId, code, message, List.of());
  }

  /** One Error.ParamError. */
  public static Error.ParamError paramError(String path, UspErrorCode code, String message) {
    return Error.ParamError.newBuilder()
        .setParamPath(path)
        .setErrCode(code.code())
        .setErrMsg(message == null ? code.text() : message)
        .build();
  }

  /**
   * Encodes a no_session_context Record carrying {@code msg} straight into one exactly sized array,
   * without first copying the Msg into a payload ByteString (the hot path of every response). The
   * bytes equal {@code record(version, toId, fromId, msg).toByteArray()}.
   */
  public static byte[] encodeRecord(String version, String toId, String fromId, Msg msg) {
    int msgSize = msg.getSerializedSize();
    // NoSessionContextRecord { 2: payload }: tag + length + bytes
    int nscSize = 1 + CodedOutputStream.computeUInt32SizeNoTag(msgSize) + msgSize;
    int size =
        CodedOutputStream.computeStringSize(1, version)
            + CodedOutputStream.computeStringSize(2, toId)
            + CodedOutputStream.computeStringSize(3, fromId)
            + 1
            + CodedOutputStream.computeUInt32SizeNoTag(nscSize)
            + nscSize;
    byte[] out = new byte[size];
    CodedOutputStream cos = CodedOutputStream.newInstance(out);
    try {
      cos.writeString(1, version);
      cos.writeString(2, toId);
      cos.writeString(3, fromId);
      cos.writeTag(7, WireFormat.WIRETYPE_LENGTH_DELIMITED);
      cos.writeUInt32NoTag(nscSize);
      cos.writeTag(2, WireFormat.WIRETYPE_LENGTH_DELIMITED);
      cos.writeUInt32NoTag(msgSize);
      msg.writeTo(cos);
      cos.checkNoSpaceLeft();
    } catch (IOException e) {
      throw new UncheckedIOException("encoding into an exactly sized array cannot fail", e);
    }
    return out;
  }

  /** The WebSocketConnectRecord an agent sends first on a WebSocket MTP (R-MTP.6). */
  public static byte[] encodeWebSocketConnect(String toId, String fromId) {
    return header(toId, fromId)
        .setWebsocketConnect(WebSocketConnectRecord.getDefaultInstance())
        .build()
        .toByteArray();
  }

  /**
   * The MQTTConnectRecord sent first over MQTT (R-MTP.6): the version and the topic where the
   * sender is reached.
   */
  public static byte[] encodeMqttConnect(
      String toId, String fromId, boolean v5, String subscribedTopic) {
    return header(toId, fromId)
        .setMqttConnect(
            MQTTConnectRecord.newBuilder()
                .setVersion(
                    v5 ? MQTTConnectRecord.MQTTVersion.V5 : MQTTConnectRecord.MQTTVersion.V3_1_1)
                .setSubscribedTopic(subscribedTopic))
        .build()
        .toByteArray();
  }

  /**
   * The STOMPConnectRecord sent first over STOMP, after the SUBSCRIBE (R-MTP.6, TP-469 6.12): STOMP
   * 1.2 and the destination where the sender is reached.
   */
  public static byte[] encodeStompConnect(String toId, String fromId, String destination) {
    return header(toId, fromId)
        .setStompConnect(
            STOMPConnectRecord.newBuilder()
                .setVersion(STOMPConnectRecord.STOMPVersion.V1_2)
                .setSubscribedDestination(destination))
        .build()
        .toByteArray();
  }

  /** A DisconnectRecord (R-MTP.7/9), sent before an MTP is closed on purpose. */
  public static byte[] encodeDisconnect(String toId, String fromId, int reasonCode, String reason) {
    return header(toId, fromId)
        .setDisconnect(DisconnectRecord.newBuilder().setReasonCode(reasonCode).setReason(reason))
        .build()
        .toByteArray();
  }

  /** A Record of this version from {@code fromId} to {@code toId}, its type still to set. */
  private static Record.Builder header(String toId, String fromId) {
    return Record.newBuilder().setVersion(RECORD_VERSION).setToId(toId).setFromId(fromId);
  }

  /** A no_session_context Record carrying {@code msg}. */
  public static Record record(String version, String toId, String fromId, Msg msg) {
    return Record.newBuilder()
        .setVersion(version)
        .setToId(toId)
        .setFromId(fromId)
        .setNoSessionContext(NoSessionContextRecord.newBuilder().setPayload(msg.toByteString()))
        .build();
  }
}
