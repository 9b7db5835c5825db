package io.fleetsim.identity;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A per-device string such as {@code dev-{serial}}: {@code {eid}}, {@code {serial}}, {@code
 * {index}} and {@code {mac}} are replaced by the device's values at each connect; nothing else in
 * braces may appear in a name (a typo would log every agent in as the same user).
 */
public final class LoginTemplate {
  /** The placeholders a template may hold. */
  public static final List<String> PLACEHOLDERS = List.of("eid", "serial", "index", "mac");

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9_:-]*)}");

  private final String text;
  private final boolean constant;

  private LoginTemplate(String text) {
    this.text = text;
    this.constant = !PLACEHOLDER.matcher(text).find();
  }

  /** The template {@code text}; fails naming an unknown placeholder. */
  public static LoginTemplate parse(String text) {
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      if (!PLACEHOLDERS.contains(m.group(1))) {
        throw new IllegalArgumentException(
            "unknown placeholder {" + m.group(1) + "}: takes {eid}, {serial}, {index} and {mac}");
      }
    }
    return new LoginTemplate(text);
  }

  /**
   * A template read from a secret, where any text may be meant literally: the four placeholders are
   * replaced, other braces kept.
   */
  static LoginTemplate lenient(String text) {
    return new LoginTemplate(text);
  }

  /** This template for {@code device}. */
  public String expand(DeviceId device) {
    if (constant) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 32);
    Matcher m = PLACEHOLDER.matcher(text);
    int at = 0;
    while (m.find()) {
      out.append(text, at, m.start());
      String name = m.group(1);
      switch (name) {
        case "eid" -> out.append(device.eid());
        case "serial" -> out.append(device.serial());
        case "index" -> out.append(device.index());
        case "mac" -> out.append(device.mac());
        default -> out.append(m.group());
      }
      at = m.end();
    }
    return out.append(text, at, text.length()).toString();
  }

  /** The template as written (user names are not secret; see {@link Secret} for passwords). */
  @Override
  public String toString() {
    return text;
  }
}
