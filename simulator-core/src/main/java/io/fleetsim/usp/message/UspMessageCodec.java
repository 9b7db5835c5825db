package io.fleetsim.usp.message;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import io.fleetsim.usp.proto.UspMsg.Body;
import io.fleetsim.usp.proto.UspMsg.Header;
import io.fleetsim.usp.proto.UspMsg.Msg;
import io.fleetsim.usp.record.WireFields;
import java.io.IOException;

/**
 * Stateless USP Msg codec (TR-369 section 3): payload bytes in, a {@link MsgDecodeResult} out. A
 * Msg must carry exactly one header with a msg_id and exactly one body member (R-MSG.6/7, R-ENC.5).
 */
public final class UspMessageCodec {

  private static final int HEADER_FIELD = 1;
  private static final int BODY_FIELD = 2;

  private UspMessageCodec() {}

  /** Decodes a Msg from a no_session_context payload. */
  public static MsgDecodeResult decode(ByteString payload) {
    Msg msg;
    try {
      msg = Msg.parseFrom(payload);
    } catch (InvalidProtocolBufferException | RuntimeException e) {
      String msgId = extractMsgId(payload);
      return msgId.isEmpty()
          ? new MsgDecodeResult.Undecodable(String.valueOf(e.getMessage()))
          : new MsgDecodeResult.Invalid(
              msgId, UspErrorCode.RECORD_NOT_PARSED, "Msg could not be decoded");
    }
    String msgId = msg.getHeader().getMsgId();
    if (msgId.isEmpty()) {
      return new MsgDecodeResult.Undecodable("Msg without header.msg_id");
    }
    if (!msg.hasBody()) {
      return new MsgDecodeResult.Invalid(msgId, UspErrorCode.INVALID_ARGUMENTS, "Msg without body");
    }
    try {
      String oneofProblem = oneofProblem(payload);
      if (oneofProblem != null) {
        return new MsgDecodeResult.Invalid(msgId, UspErrorCode.INVALID_ARGUMENTS, oneofProblem);
      }
    } catch (IOException e) {
      return new MsgDecodeResult.Invalid(msgId, UspErrorCode.RECORD_NOT_PARSED, e.getMessage());
    }
    return new MsgDecodeResult.Decoded(msg);
  }

  /** Encodes a Msg into the bytes of a no_session_context payload. */
  public static ByteString encode(Msg msg) {
    return msg.toByteString();
  }

  /** R-ENC.5: Body, Request and Response must each hold exactly one oneof member on the wire. */
  private static String oneofProblem(ByteString msgBytes) throws IOException {
    ByteString body = WireFields.lengthDelimitedField(msgBytes, BODY_FIELD);
    if (body == null) {
      return "Msg without body";
    }
    int bodyMembers = WireFields.countDistinctFields(body.newCodedInput(), 1, 3);
    if (bodyMembers != 1) {
      return "Body has " + bodyMembers + " msg_body members";
    }
    for (int member = 1; member <= 2; member++) {
      ByteString inner = WireFields.lengthDelimitedField(body, member);
      if (inner != null) {
        int innerMembers = WireFields.countDistinctFields(inner.newCodedInput(), 1, 11);
        if (innerMembers != 1) {
          return (member == 1 ? "Request" : "Response") + " has " + innerMembers + " members";
        }
      }
    }
    return null;
  }

  /**
   * Best effort: the msg_id of a Msg whose body does not decode, so an Error can still answer it
   * (R-MTP.5). Reads fields in order and stops at the header, before any damaged body.
   */
  private static String extractMsgId(ByteString bytes) {
    try {
      CodedInputStream in = bytes.newCodedInput();
      int tag;
      while ((tag = in.readTag()) != 0) {
        if (tag == (HEADER_FIELD << 3 | 2)) {
          return Header.parseFrom(in.readBytes()).getMsgId();
        }
        in.skipField(tag);
      }
    } catch (IOException | RuntimeException e) {
      return "";
    }
    return "";
  }

  /** Returns the body's request/response/error kind, which wins over header.msg_type (R-MSG.10). */
  public static Body.MsgBodyCase bodyKind(Msg msg) {
    return msg.getBody().getMsgBodyCase();
  }
}
