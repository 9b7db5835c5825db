package io.fleetsim.usp.message;

import io.fleetsim.usp.proto.UspMsg.Msg;

/** The outcome of decoding the Msg inside a Record. Never an exception. */
public sealed interface MsgDecodeResult {

  /** A structurally valid Msg. */
  record Decoded(Msg msg) implements MsgDecodeResult {}

  /**
   * A Msg whose msg_id could be read but which is invalid: it is answered with an Error carrying
   * {@code code} (R-ENC.5 for oneof violations, R-MTP.5 for undecodable payloads).
   */
  record Invalid(String msgId, UspErrorCode code, String detail) implements MsgDecodeResult {}

  /** Nothing usable, not even a msg_id: the Record is dropped silently (R-MTP.5). */
  record Undecodable(String detail) implements MsgDecodeResult {}
}
