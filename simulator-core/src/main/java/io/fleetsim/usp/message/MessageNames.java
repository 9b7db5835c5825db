package io.fleetsim.usp.message;

import io.fleetsim.usp.proto.UspMsg.Header.MsgType;
import java.util.EnumMap;
import java.util.Map;

/**
 * The TR-369 spelling of each message type ({@code GET_SUPPORTED_DM} is {@code GetSupportedDM},
 * {@code GET_SUPPORTED_PROTO_RESP} is {@code GetSupportedProtocolResp}), computed once: metrics and
 * reports name message types the way the spec and controller logs do.
 */
public final class MessageNames {
  private static final Map<MsgType, String> NAMES = new EnumMap<>(MsgType.class);

  static {
    for (MsgType t : MsgType.values()) {
      if (t != MsgType.UNRECOGNIZED) {
        StringBuilder b = new StringBuilder();
        for (String word : t.name().split("_")) {
          switch (word) {
            case "DM" -> b.append("DM");
            case "PROTO" -> b.append("Protocol");
            default -> b.append(word.charAt(0)).append(word.substring(1).toLowerCase());
          }
        }
        NAMES.put(t, b.toString());
      }
    }
  }

  private MessageNames() {}

  /** The spec name of {@code type}; {@code Unrecognized} for a value this build does not know. */
  public static String of(MsgType type) {
    return NAMES.getOrDefault(type, "Unrecognized");
  }
}
