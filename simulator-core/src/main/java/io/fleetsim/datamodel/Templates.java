package io.fleetsim.datamodel;

/**
 * Expands per-device templates such as {@code FS{index:08}} or {@code wlan{i}}. {@code {i%M+B}}
 * (and {@code {i2%M+B}}) folds an instance number into M values from B: {@code B + (i - 1) mod M},
 * so a host row whose numbers grow without end (churn) still gets an address inside its pool.
 */
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

  /** Whether a template names the agent ({@code {index}}, {@code {hex}}): a value per device. */
  static boolean namesTheAgent(String pattern) {
    return pattern.contains("{index") || pattern.contains("{hex");
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
      if (!p.matches("index(:\\d+)?|hex(:\\d+)?|i[1-4]?(%[1-9]\\d{0,8}(\\+\\d{1,9})?)?|seed")) {
        return "{" + p + "}";
      }
      i = pattern.indexOf('{', close);
    }
    return null;
  }

  private static String placeholder(String p, ValueContext ctx) {
    int[] inst = ctx.instances();
    int percent = p.indexOf('%');
    String number = percent < 0 ? p : p.substring(0, percent);
    if (number.equals("i")
        || number.length() == 2 && number.charAt(0) == 'i' && Character.isDigit(number.charAt(1))) {
      int level = number.length() == 1 ? inst.length - 1 : number.charAt(1) - '1';
      int n = level >= 0 && level < inst.length ? inst[level] : 0;
      return Long.toString(percent < 0 ? n : folded(n, p.substring(percent + 1)));
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

  /** {@code M+B} (or {@code M}): B + (n - 1) mod M, B being 1 when absent. */
  private static long folded(int n, String spec) {
    int plus = spec.indexOf('+');
    long m = Long.parseLong(plus < 0 ? spec : spec.substring(0, plus));
    long base = plus < 0 ? 1 : Long.parseLong(spec.substring(plus + 1));
    return base + Math.floorMod(n - 1L, m);
  }
}
