package io.fleetsim.usp.message;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Just enough JSON: string quoting per RFC 8259, for Boot!'s ParameterMap (a JSON object in a USP
 * value) and for the run summary.
 */
public final class Json {
  private Json() {}

  /** {@code items} as a JSON array, each written by {@code item}, on one line. */
  public static <T> String array(List<T> items, Function<T, String> item) {
    return items.stream().map(item).collect(Collectors.joining(", ", "[", "]"));
  }

  /** {@code s} as a JSON string literal, quotes included. */
  public static String quote(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
