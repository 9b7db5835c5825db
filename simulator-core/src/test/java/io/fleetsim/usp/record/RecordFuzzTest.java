package io.fleetsim.usp.record;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.fleetsim.usp.proto.UspRecord.Record;

/**
 * Record decode on any bytes (what every MTP hands up): a typed result, never an exception, and a
 * decoded Record survives a round trip. Regression mode (CI) replays the committed inputs in
 * RecordFuzzTestInputs; {@code bench/fuzz.sh} fuzzes it for a given time.
 */
class RecordFuzzTest {
  @FuzzTest(maxDuration = "2h") // bench/fuzz.sh sets the time; CI only replays the inputs
  void decode(byte[] bytes) {
    RecordDecodeResult r = UspRecordCodec.decode(bytes, 64 * 1024);
    assertThat(r).isNotNull();
    if (r instanceof RecordDecodeResult.Decoded d) {
      Record again =
          ((RecordDecodeResult.Decoded) UspRecordCodec.decode(UspRecordCodec.encode(d.record())))
              .record();
      assertThat(again).isEqualTo(d.record());
    }
  }
}
