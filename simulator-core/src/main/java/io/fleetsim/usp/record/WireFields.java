package io.fleetsim.usp.record;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import java.io.IOException;

/**
 * Scans raw protobuf wire bytes without building objects. protobuf-java keeps only the last member
 * of a oneof, so "exactly one member" (R-ENC.4, R-ENC.5) can only be checked on the wire.
 */
public final class WireFields {
  private WireFields() {}

  /** How many distinct field numbers in [first, last] (both below 64) occur at the top level. */
  public static int countDistinctFields(byte[] bytes, int first, int last) throws IOException {
    return countDistinctFields(CodedInputStream.newInstance(bytes), first, last);
  }

  /**
   * As {@link #countDistinctFields(byte[], int, int)}, from a stream positioned at a message start.
   */
  public static int countDistinctFields(CodedInputStream in, int first, int last)
      throws IOException {
    long seen = 0;
    int tag;
    while ((tag = in.readTag()) != 0) {
      int field = WireFormat.getTagFieldNumber(tag);
      if (field >= first && field <= last && field < 64) {
        seen |= 1L << field;
      }
      in.skipField(tag);
    }
    return Long.bitCount(seen);
  }

  /**
   * The bytes of the last length-delimited occurrence of {@code field} at the top level, or null
   * when absent or not length-delimited. The result shares the input's bytes where protobuf can.
   */
  public static ByteString lengthDelimitedField(ByteString bytes, int field) throws IOException {
    CodedInputStream in = bytes.newCodedInput();
    ByteString found = null;
    int tag;
    while ((tag = in.readTag()) != 0) {
      if (WireFormat.getTagFieldNumber(tag) == field
          && WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
        found = in.readBytes();
      } else {
        in.skipField(tag);
      }
    }
    return found;
  }
}
