package io.fleetsim.usp.record;

import io.fleetsim.usp.proto.UspRecord.Record;

/**
 * The outcome of decoding one USP Record: the record, or why it was dropped. Never an exception.
 */
public sealed interface RecordDecodeResult {

  /** A well-formed Record. */
  record Decoded(Record record) implements RecordDecodeResult {}

  /** A Record that must be dropped, with the counted reason and a human-readable detail. */
  record Failed(RecordDropReason reason, String detail) implements RecordDecodeResult {}
}
