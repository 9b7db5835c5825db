package io.fleetsim.datamodel;

/** Expands per-device templates such as {@code FS{index:08}} or {@code wlan{i}}. */
public final class Templates {
  private Templates() {}

  static String expand(String pattern, ValueContext ctx) {
    if (pattern.indexOf('{') < 0) {
      return pattern;
    }
    StringBuilder out = new StringBuilder(pattern.length() + 8);
    int i = 0;
    while (i < pattern.length()) {
      char c = pattern.charAt(i);
      int close = c == '{' ? pattern.indexOf('}', i) : -1;
      if (close < 0) {
        out.append(c);
        i++;
        continue;
      }
      out.append(placeholder(pattern.substring(i + 1, close), ctx));
      i = close + 1;
    }
    return out.toString();
  }

  /** Checks a template at load time; returns the offending placeholder or null. */
  public static String invalidPlaceholder(String pattern) {
    int i = pattern.indexOf('{');
    while (i >= 0) {
      int close = pattern.indexOf('}', i);
      if (close < 0) {
        return pattern.substring(i);
      }
      String p = pattern.substring(i + 1, close);
      if (!p.matches("index(:\\d+)?|hex(:\\d+)?|i[1-4]?|seed")) {
        return "{" + p + "}";
      }
      i = pattern.indexOf('{', close);
    }
    return null;
  }

  private static String placeholder(String p, ValueContext ctx) {
    int[] inst = ctx.instances();
    if (p.equals("i")) {
      return inst.length == 0 ? "0" : Integer.toString(inst[inst.length - 1]);
    }
    if (p.length() == 2 && p.charAt(0) == 'i' && Character.isDigit(p.charAt(1))) {
      int level = p.charAt(1) - '1';
      return level < inst.length ? Integer.toString(inst[level]) : "0";
    }
    if (p.equals("seed")) {
      return Long.toString(ctx.seed());
    }
    int colon = p.indexOf(':');
    String name = colon < 0 ? p : p.substring(0, colon);
    int width = colon < 0 ? 0 : Integer.parseInt(p.substring(colon + 1));
    String digits =
        name.equals("hex")
            ? Integer.toHexString(ctx.agentIndex()).toUpperCase()
            : Integer.toString(ctx.agentIndex());
    if (digits.length() >= width) {
      return digits;
    }
    return "0".repeat(width - digits.length()) + digits;
  }
}
