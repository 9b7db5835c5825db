package io.fleetsim.identity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A password or passcode, read from a file or an environment variable so that it never sits on a
 * command line, in a scenario file or in a process listing. It may hold the login placeholders
 * ({@code {serial}}, ...) for per-device secrets. Its {@link #toString} names where it came from,
 * never the value, so no log line, error or report can print it.
 */
public final class Secret {
  private final String origin;
  private final LoginTemplate value;

  private Secret(String origin, String value) {
    this.origin = origin;
    this.value = LoginTemplate.lenient(value);
  }

  /** The first line of {@code file} (its line break dropped); fails when empty or unreadable. */
  public static Secret fromFile(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read the password file " + file, e);
    }
    int end = text.indexOf('\n');
    String line = end < 0 ? text : text.substring(0, end);
    if (line.endsWith("\r")) {
      line = line.substring(0, line.length() - 1);
    }
    if (line.isEmpty()) {
      throw new IllegalArgumentException("the password file " + file + " has an empty first line");
    }
    return new Secret("file " + file, line);
  }

  /** The value of environment variable {@code name}; fails when it is unset or empty. */
  public static Secret fromEnv(String name, Map<String, String> env) {
    String v = env.get(name);
    if (v == null || v.isEmpty()) {
      throw new IllegalArgumentException("environment variable " + name + " is not set");
    }
    return new Secret("environment variable " + name, v);
  }

  /** A secret given as a value (a device list's password column). */
  public static Secret of(String value, String origin) {
    return new Secret(origin, value);
  }

  /** The secret for {@code device}. */
  public String expand(DeviceId device) {
    return value.expand(device);
  }

  @Override
  public String toString() {
    return "(secret from " + origin + ")";
  }
}
