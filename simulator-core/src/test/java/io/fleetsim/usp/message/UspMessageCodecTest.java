package io.fleetsim.usp.message;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.fleetsim.usp.proto.UspMsg.Get;
import io.fleetsim.usp.proto.UspMsg.Header.MsgType;
import io.fleetsim.usp.proto.UspMsg.Msg;
import io.fleetsim.usp.proto.UspMsg.Request;
import org.junit.jupiter.api.Test;

class UspMessageCodecTest {

  private static final Msg GET =
      UspMessages.request(
          "42",
          MsgType.GET,
          Request.newBuilder().setGet(Get.newBuilder().addParamPaths("Device.")).build());

  @Test
  void decode_validGet_roundTrips() {
    MsgDecodeResult r = UspMessageCodec.decode(UspMessageCodec.encode(GET));
    assertThat(r).isEqualTo(new MsgDecodeResult.Decoded(GET));
  }

  @Test
  void decode_missingMsgId_isUndecodable() {
    Msg noId = GET.toBuilder().setHeader(GET.getHeader().toBuilder().clearMsgId()).build();
    assertThat(UspMessageCodec.decode(noId.toByteString()))
        .isInstanceOf(MsgDecodeResult.Undecodable.class);
  }

  @Test
  void decode_missingBody_isInvalidArguments() {
    Msg noBody = GET.toBuilder().clearBody().build();
    assertThat(UspMessageCodec.decode(noBody.toByteString()))
        .isEqualTo(
            new MsgDecodeResult.Invalid("42", UspErrorCode.INVALID_ARGUMENTS, "Msg without body"));
  }

  @Test
  void decode_bodyWithRequestAndError_isInvalidArguments() {
    // Body { 1: request {...}, 3: error {} }: R-ENC.5, answered with 7004.
    ByteString body =
        GET.getBody().toByteString().concat(ByteString.copyFrom(new byte[] {0x1A, 0x00}));
    ByteString msg = concatField(1, GET.getHeader().toByteString()).concat(concatField(2, body));
    MsgDecodeResult r = UspMessageCodec.decode(msg);
    assertThat(r).isInstanceOf(MsgDecodeResult.Invalid.class);
    assertThat(((MsgDecodeResult.Invalid) r).code()).isEqualTo(UspErrorCode.INVALID_ARGUMENTS);
    assertThat(((MsgDecodeResult.Invalid) r).msgId()).isEqualTo("42");
  }

  @Test
  void decode_requestWithGetAndSet_isInvalidArguments() {
    ByteString request =
        GET.getBody()
            .getRequest()
            .toByteString()
            .concat(ByteString.copyFrom(new byte[] {0x22, 0x00})); // Request 4: set {}
    ByteString msg =
        concatField(1, GET.getHeader().toByteString())
            .concat(concatField(2, concatField(1, request)));
    MsgDecodeResult r = UspMessageCodec.decode(msg);
    assertThat(r).isInstanceOf(MsgDecodeResult.Invalid.class);
    assertThat(((MsgDecodeResult.Invalid) r).detail()).contains("Request has 2 members");
  }

  @Test
  void decode_garbageBodyWithReadableHeader_isRecordNotParsed() {
    ByteString msg =
        concatField(1, GET.getHeader().toByteString())
            .concat(ByteString.copyFrom(new byte[] {0x12, 0x05, (byte) 0xFF, (byte) 0xFF}));
    MsgDecodeResult r = UspMessageCodec.decode(msg);
    assertThat(r).isInstanceOf(MsgDecodeResult.Invalid.class);
    assertThat(((MsgDecodeResult.Invalid) r).code()).isEqualTo(UspErrorCode.RECORD_NOT_PARSED);
  }

  @Test
  void decode_garbage_isUndecodable() {
    assertThat(UspMessageCodec.decode(ByteString.copyFrom(new byte[] {(byte) 0xFF, 0x01})))
        .isInstanceOf(MsgDecodeResult.Undecodable.class);
  }

  @Test
  void encodeRecord_equalsProtobufEncodingOfTheSameRecord() {
    byte[] direct = UspMessages.encodeRecord("1.4", "os::A", "self::c", GET);
    assertThat(direct).isEqualTo(UspMessages.record("1.4", "os::A", "self::c", GET).toByteArray());
    Msg big =
        UspMessages.request(
            "x".repeat(300),
            MsgType.GET,
            Request.newBuilder().setGet(Get.newBuilder().addParamPaths("D.".repeat(200))).build());
    assertThat(UspMessages.encodeRecord("1.4", "t", "f", big))
        .isEqualTo(UspMessages.record("1.4", "t", "f", big).toByteArray());
  }

  /** A length-delimited field: tag, length, bytes. */
  private static ByteString concatField(int field, ByteString value) {
    return ByteString.copyFrom(new byte[] {(byte) (field << 3 | 2), (byte) value.size()})
        .concat(value);
  }
}
