package io.fleetsim.usp.record;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.fleetsim.usp.proto.UspRecord.DisconnectRecord;
import io.fleetsim.usp.proto.UspRecord.MQTTConnectRecord;
import io.fleetsim.usp.proto.UspRecord.NoSessionContextRecord;
import io.fleetsim.usp.proto.UspRecord.Record;
import io.fleetsim.usp.proto.UspRecord.STOMPConnectRecord;
import io.fleetsim.usp.proto.UspRecord.SessionContextRecord;
import io.fleetsim.usp.proto.UspRecord.UDSConnectRecord;
import io.fleetsim.usp.proto.UspRecord.WebSocketConnectRecord;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Golden bytes written by hand from usp-record-1-4.proto (TR-369 USP Record), one comment per
 * field.
 */
class UspRecordCodecTest {

  /** version "1.4", to_id "os::A", from_id "self::c": the start of every golden record. */
  private static final int[] HEADER = {
    0x0A,
    0x03,
    '1',
    '.',
    '4', // 1: version, length 3
    0x12,
    0x05,
    'o',
    's',
    ':',
    ':',
    'A', // 2: to_id, length 5
    0x1A,
    0x07,
    's',
    'e',
    'l',
    'f',
    ':',
    ':',
    'c' // 3: from_id, length 7
  };

  /**
   * Msg { header { msg_id "1" msg_type GET } body { request { get { param_paths "Device." } } } }.
   */
  private static final int[] GET_MSG = {
    0x0A,
    0x05, // Msg 1: header, length 5
    0x0A,
    0x01,
    '1', //   Header 1: msg_id "1"
    0x10,
    0x01, //   Header 2: msg_type GET (1), varint
    0x12,
    0x0D, // Msg 2: body, length 13
    0x0A,
    0x0B, //   Body 1: request, length 11
    0x0A,
    0x09, //     Request 1: get, length 9
    0x0A,
    0x07,
    'D',
    'e',
    'v',
    'i',
    'c',
    'e',
    '.' //       Get 1: param_paths "Device."
  };

  private static Record.Builder header() {
    return Record.newBuilder().setVersion("1.4").setToId("os::A").setFromId("self::c");
  }

  @Test
  void decode_noSessionContext_payloadIsField2() {
    byte[] bytes =
        concat(
            HEADER,
            new int[] {0x3A, 0x18}, // 7: no_session_context, length 24
            new int[] {0x12, 0x16}, //   NoSessionContextRecord 2: payload, length 22
            GET_MSG);
    Record expected =
        header()
            .setNoSessionContext(
                NoSessionContextRecord.newBuilder().setPayload(ByteString.copyFrom(bytes(GET_MSG))))
            .build();
    assertDecodes(bytes, expected);
  }

  @Test
  void decode_sessionContext() {
    byte[] bytes =
        concat(
            HEADER,
            new int[] {0x42, 0x09}, // 8: session_context, length 9
            new int[] {0x08, 0x02}, //   1: session_id 2
            new int[] {0x10, 0x01}, //   2: sequence_id 1
            new int[] {0x18, 0x01}, //   3: expected_id 1
            new int[] {0x3A, 0x01, 'x'}); //   7: payload ["x"]
    Record expected =
        header()
            .setSessionContext(
                SessionContextRecord.newBuilder()
                    .setSessionId(2)
                    .setSequenceId(1)
                    .setExpectedId(1)
                    .addPayload(ByteString.copyFromUtf8("x")))
            .build();
    assertDecodes(bytes, expected);
  }

  @Test
  void decode_webSocketConnect() {
    byte[] bytes = concat(HEADER, new int[] {0x4A, 0x00}); // 9: websocket_connect, empty
    assertDecodes(
        bytes, header().setWebsocketConnect(WebSocketConnectRecord.getDefaultInstance()).build());
  }

  @Test
  void decode_mqttConnect() {
    byte[] bytes =
        concat(
            HEADER,
            new int[] {0x52, 0x07}, // 10: mqtt_connect, length 7
            new int[] {0x08, 0x01}, //   1: version V5 (1)
            new int[] {0x12, 0x03, 't', '/', 'a'}); //   2: subscribed_topic "t/a"
    assertDecodes(
        bytes,
        header()
            .setMqttConnect(
                MQTTConnectRecord.newBuilder()
                    .setVersion(MQTTConnectRecord.MQTTVersion.V5)
                    .setSubscribedTopic("t/a"))
            .build());
  }

  @Test
  void decode_stompConnect() {
    byte[] bytes =
        concat(
            HEADER,
            new int[] {0x5A, 0x03}, // 11: stomp_connect, length 3 (version V1_2 = 0 is omitted)
            new int[] {0x12, 0x01, 'q'}); //   2: subscribed_destination "q"
    assertDecodes(
        bytes,
        header()
            .setStompConnect(STOMPConnectRecord.newBuilder().setSubscribedDestination("q"))
            .build());
  }

  @Test
  void decode_disconnect_reasonCodeIsFixed32() {
    byte[] bytes =
        concat(
            HEADER,
            new int[] {0x62, 0x0A}, // 12: disconnect, length 10
            new int[] {0x0A, 0x03, 'b', 'y', 'e'}, //   1: reason "bye"
            new int[] {0x15, 0xC1, 0x1B, 0x00, 0x00}); //   2: reason_code 7105, fixed32 LE
    assertDecodes(
        bytes,
        header()
            .setDisconnect(DisconnectRecord.newBuilder().setReason("bye").setReasonCode(7105))
            .build());
  }

  @Test
  void decode_udsConnect() {
    byte[] bytes = concat(HEADER, new int[] {0x6A, 0x00}); // 13: uds_connect, empty
    assertDecodes(bytes, header().setUdsConnect(UDSConnectRecord.getDefaultInstance()).build());
  }

  @Test
  void roundTrip_everyRecordType() {
    for (Record r :
        new Record[] {
          header()
              .setNoSessionContext(
                  NoSessionContextRecord.newBuilder().setPayload(ByteString.copyFromUtf8("p")))
              .build(),
          header().setWebsocketConnect(WebSocketConnectRecord.getDefaultInstance()).build(),
          header()
              .setPayloadSecurity(Record.PayloadSecurity.TLS12)
              .setMacSignature(ByteString.copyFromUtf8("mac"))
              .setSenderCert(ByteString.copyFromUtf8("cert"))
              .setDisconnect(DisconnectRecord.newBuilder().setReasonCode(7100))
              .build()
        }) {
      assertDecodes(UspRecordCodec.encode(r), r);
    }
  }

  @Test
  void decode_truncatedRecord_returnsUnparseable() {
    byte[] full = concat(HEADER, new int[] {0x52, 0x07, 0x08, 0x01, 0x12, 0x03, 't', '/', 'a'});
    byte[] truncated = Arrays.copyOf(full, full.length - 2);
    assertFails(truncated, RecordDropReason.UNPARSEABLE);
  }

  @Test
  void decode_garbage_returnsUnparseable() {
    assertFails(
        new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x07}, RecordDropReason.UNPARSEABLE);
  }

  @Test
  void decode_textInsteadOfProtobuf_isNotARecord() {
    RecordDecodeResult r = UspRecordCodec.decode("hello, agent".getBytes());
    assertThat(r).isInstanceOf(RecordDecodeResult.Failed.class);
  }

  @Test
  void decode_twoRecordTypes_isDiscarded() {
    // R-ENC.4: protobuf would silently keep the last member; the wire scan catches it.
    byte[] bytes = concat(HEADER, new int[] {0x4A, 0x00, 0x6A, 0x00});
    assertFails(bytes, RecordDropReason.SEVERAL_RECORD_TYPES);
  }

  @Test
  void decode_noRecordType_isDiscarded() {
    assertFails(bytes(HEADER), RecordDropReason.NO_RECORD_TYPE);
  }

  @Test
  void decode_missingToId_isDiscarded() {
    byte[] bytes =
        UspRecordCodec.encode(
            Record.newBuilder()
                .setVersion("1.4")
                .setFromId("self::c")
                .setWebsocketConnect(WebSocketConnectRecord.getDefaultInstance())
                .build());
    assertFails(bytes, RecordDropReason.MISSING_HEADER_FIELD);
  }

  @Test
  void decode_emptyPayload_isDiscarded() {
    byte[] bytes = concat(HEADER, new int[] {0x3A, 0x00});
    assertFails(bytes, RecordDropReason.EMPTY_PAYLOAD);
  }

  @Test
  void decode_oversized_isDiscardedBeforeParsing() {
    byte[] bytes = concat(HEADER, new int[] {0x4A, 0x00});
    assertFails(UspRecordCodec.decode(bytes, bytes.length - 1), RecordDropReason.OVERSIZED);
    assertThat(UspRecordCodec.decode(bytes, bytes.length))
        .isInstanceOf(RecordDecodeResult.Decoded.class);
  }

  @Test
  void decode_empty_isNoRecordType() {
    assertFails(new byte[0], RecordDropReason.NO_RECORD_TYPE);
  }

  private static void assertDecodes(byte[] bytes, Record expected) {
    RecordDecodeResult r = UspRecordCodec.decode(bytes);
    assertThat(r).isEqualTo(new RecordDecodeResult.Decoded(expected));
    assertThat(UspRecordCodec.encode(expected))
        .as("encode gives the golden bytes")
        .isEqualTo(bytes);
  }

  private static void assertFails(byte[] bytes, RecordDropReason reason) {
    assertFails(UspRecordCodec.decode(bytes), reason);
  }

  private static void assertFails(RecordDecodeResult r, RecordDropReason reason) {
    assertThat(r).isInstanceOf(RecordDecodeResult.Failed.class);
    assertThat(((RecordDecodeResult.Failed) r).reason()).isEqualTo(reason);
  }

  static byte[] bytes(int[] values) {
    byte[] out = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (byte) values[i];
    }
    return out;
  }

  static byte[] concat(int[]... parts) {
    int n = 0;
    for (int[] p : parts) {
      n += p.length;
    }
    int[] all = new int[n];
    int at = 0;
    for (int[] p : parts) {
      System.arraycopy(p, 0, all, at, p.length);
      at += p.length;
    }
    return bytes(all);
  }
}
