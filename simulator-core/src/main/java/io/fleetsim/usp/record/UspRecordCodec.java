package io.fleetsim.usp.record;

import com.google.protobuf.InvalidProtocolBufferException;
import io.fleetsim.usp.proto.UspRecord.Record;
import java.io.IOException;

/**
 * Stateless USP Record codec (TR-369 section 2): bytes in, a {@link RecordDecodeResult} out, never
 * an exception to callers. Validates what the spec makes mandatory for every Record; addressing
 * checks (to_id, from_id) belong to the receiver.
 */
public final class UspRecordCodec {

  /** obuspa's MAX_USP_MSG_LEN; USP itself sets no global limit (TR-369 USP Record). */
  public static final int DEFAULT_MAX_RECORD_BYTES = 5 * 1024 * 1024;

  private static final int FIRST_RECORD_TYPE_FIELD = 7;
  private static final int LAST_RECORD_TYPE_FIELD = 13;

  private UspRecordCodec() {}

  /** Decodes with the default size limit. */
  public static RecordDecodeResult decode(byte[] bytes) {
    return decode(bytes, DEFAULT_MAX_RECORD_BYTES);
  }

  /** Decodes one Record; anything that breaks the Record rules comes back as a typed failure. */
  public static RecordDecodeResult decode(byte[] bytes, int maxRecordBytes) {
    if (bytes.length > maxRecordBytes) {
      return new RecordDecodeResult.Failed(
          RecordDropReason.OVERSIZED, bytes.length + " bytes > limit " + maxRecordBytes);
    }
    Record record;
    int recordTypes;
    try {
      record = Record.parseFrom(bytes);
      // protobuf keeps the last oneof member silently; R-ENC.4 says such a Record is discarded.
      recordTypes =
          WireFields.countDistinctFields(bytes, FIRST_RECORD_TYPE_FIELD, LAST_RECORD_TYPE_FIELD);
    } catch (InvalidProtocolBufferException e) {
      return new RecordDecodeResult.Failed(RecordDropReason.UNPARSEABLE, e.getMessage());
    } catch (IOException | RuntimeException e) {
      return new RecordDecodeResult.Failed(RecordDropReason.UNPARSEABLE, String.valueOf(e));
    }
    if (recordTypes > 1) {
      return new RecordDecodeResult.Failed(
          RecordDropReason.SEVERAL_RECORD_TYPES, recordTypes + " record_type members");
    }
    if (record.getRecordTypeCase() == Record.RecordTypeCase.RECORDTYPE_NOT_SET) {
      return new RecordDecodeResult.Failed(RecordDropReason.NO_RECORD_TYPE, "no record_type");
    }
    if (record.getVersion().isEmpty()
        || record.getToId().isEmpty()
        || record.getFromId().isEmpty()) {
      return new RecordDecodeResult.Failed(
          RecordDropReason.MISSING_HEADER_FIELD, "version, to_id and from_id are required");
    }
    if (record.hasNoSessionContext() && record.getNoSessionContext().getPayload().isEmpty()) {
      return new RecordDecodeResult.Failed(
          RecordDropReason.EMPTY_PAYLOAD, "no_session_context without payload");
    }
    return new RecordDecodeResult.Decoded(record);
  }

  /** Encodes a Record into an exactly sized array. */
  public static byte[] encode(Record record) {
    return record.toByteArray();
  }
}
