package io.fleetsim.datamodel;

/**
 * A command input or output argument. Object-valued arguments use dotted names such as {@code
 * TimeWindow.{i}.Start}; {@link #matches} accepts {@code TimeWindow.1.Start} for them.
 */
public record ArgNode(
    String name, ValueSpec spec, boolean mandatory, String defaultValue, String origin) {

  /** True when the concrete argument key (with instance numbers) names this argument. */
  public boolean matches(String key) {
    if (name.indexOf("{i}") < 0) {
      return name.equals(key);
    }
    String[] want = name.split("\\.");
    String[] got = key.split("\\.");
    if (want.length != got.length) {
      return false;
    }
    for (int i = 0; i < want.length; i++) {
      if (want[i].equals("{i}")) {
        if (got[i].isEmpty() || !got[i].chars().allMatch(Character::isDigit)) {
          return false;
        }
      } else if (!want[i].equals(got[i])) {
        return false;
      }
    }
    return true;
  }
}
