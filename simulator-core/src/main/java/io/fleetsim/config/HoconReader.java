package io.fleetsim.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigOrigin;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Typed reads of a HOCON document (Typesafe Config) whose every failure names the file, line and
 * key: {@code demo.conf:12: scenario.phases[1].over: must be a duration}. One reader serves
 * scenarios and profiles; each passes the exception its users expect.
 */
public final class HoconReader {
  private final String source;
  private final String root;
  private final Function<String, RuntimeException> failure;

  /**
   * @param source names the document when a value has no file origin (a resource, --set)
   * @param root the key prefix of paths read without one ({@code scenario})
   * @param failure makes the exception a problem is thrown as
   */
  public HoconReader(String source, String root, Function<String, RuntimeException> failure) {
    this.source = source;
    this.root = root;
    this.failure = failure;
  }

  public List<? extends ConfigObject> objects(Config c, String path) {
    try {
      return c.getObjectList(path);
    } catch (ConfigException.WrongType e) {
      throw error(c.getValue(path), root + "." + path, "must be a list of { … } blocks");
    }
  }

  /** Fails on a key of {@code o} that is not {@code allowed}: a typo never becomes a default. */
  public void keys(ConfigObject o, String key, Collection<String> allowed) {
    for (Map.Entry<String, ConfigValue> e : o.entrySet()) {
      if (!allowed.contains(e.getKey())) {
        throw error(
            e.getValue(),
            key + "." + e.getKey(),
            "unknown key; expected one of " + new TreeSet<>(allowed));
      }
    }
  }

  public void keys(ConfigObject o, String key, String... allowed) {
    keys(o, key, List.of(allowed));
  }

  /** A string that must be there. */
  public String requiredString(Config c, String path, String key) {
    if (!c.hasPath(path)) {
      throw error(c.root().origin(), key, "missing");
    }
    return c.getString(path);
  }

  /** A { … } block that must be there. */
  public ConfigObject block(Config c, String path, String key) {
    if (!c.hasPath(path)) {
      throw error(c.root().origin(), key, "missing");
    }
    ConfigValue v = c.getValue(path);
    if (v.valueType() != ConfigValueType.OBJECT) {
      throw error(v.origin(), key, "must be a block");
    }
    return (ConfigObject) v;
  }

  /** HOCON objects are unordered: their entries in the order the file has them. */
  public static List<Map.Entry<String, ConfigValue>> inFileOrder(ConfigObject o) {
    List<Map.Entry<String, ConfigValue>> entries =
        new ArrayList<>(new LinkedHashMap<>(o).entrySet());
    entries.sort(
        Comparator.comparingInt((Map.Entry<String, ConfigValue> e) -> line(e.getValue().origin()))
            .thenComparing(Map.Entry::getKey));
    return entries;
  }

  public static int line(ConfigOrigin origin) {
    return origin == null ? 0 : origin.lineNumber();
  }

  public String string(Config c, String path) {
    try {
      return c.getString(path);
    } catch (ConfigException.WrongType e) {
      throw error(c.getValue(path), path, "must be a string");
    }
  }

  /**
   * A file path: a string the operating system cannot take as a path (a NUL character, say) is a
   * file:line: key error like any other bad value, not an InvalidPathException.
   */
  public java.nio.file.Path path(Config c, String path, String key) {
    String name = string(c, path);
    try {
      return java.nio.file.Path.of(name);
    } catch (java.nio.file.InvalidPathException e) {
      throw error(c.getValue(path), key + "." + path, "not a usable file path: " + e.getReason());
    }
  }

  public Number number(Config c, String path) {
    try {
      return c.getNumber(path);
    } catch (ConfigException.WrongType e) {
      throw error(c.getValue(path), path, "must be a number");
    }
  }

  public boolean bool(Config c, String path, String key) {
    try {
      return c.getBoolean(path);
    } catch (ConfigException.WrongType e) {
      throw error(c.getValue(path), key + "." + path, "must be true or false");
    }
  }

  public long positive(Config c, String path) {
    return positive(c, path, root);
  }

  public long positive(Config c, String path, String key) {
    return whole(c, path, key, 1, Integer.MAX_VALUE, "must be > 0");
  }

  public long nonNegative(Config c, String path, String key) {
    return whole(c, path, key, 0, 1_000_000, "must be in 0..1000000");
  }

  /** A whole number in [min, max]; {@code range} says so when it is not. */
  public long whole(Config c, String path, String key, long min, long max, String range) {
    if (!c.hasPath(path)) {
      throw error(c.root(), key + "." + path, "missing");
    }
    long n;
    try {
      n = c.getLong(path);
    } catch (ConfigException.WrongType e) {
      throw error(c.getValue(path), key + "." + path, "must be a whole number");
    }
    if (n < min || n > max) {
      throw error(c.getValue(path), key + "." + path, range);
    }
    return n;
  }

  /** A byte count &gt; 0: a number or a HOCON size such as {@code 8MB} or {@code 2MiB}. */
  public long bytes(Config c, String path, String key) {
    if (!c.hasPath(path)) {
      throw error(c.root(), key + "." + path, "missing");
    }
    long n;
    try {
      n = c.getBytes(path);
    } catch (ConfigException.BadValue | ConfigException.WrongType e) {
      throw error(c.getValue(path), key + "." + path, "must be a size such as 8000000 or 8MB");
    }
    if (n <= 0) {
      throw error(c.getValue(path), key + "." + path, "must be > 0");
    }
    return n;
  }

  /** An optional percentage in [0, 100], 0 when absent. */
  public double share(Config p, String key, String k) {
    double v = p.hasPath(key) ? number(p, key).doubleValue() : 0;
    if (v < 0 || v > 100) {
      throw error(p.getValue(key), k + "." + key, "a percentage in [0, 100]");
    }
    return v;
  }

  public double positiveDouble(Config c, String path, String key) {
    if (!c.hasPath(path)) {
      throw error(c.root(), key + "." + path, "missing");
    }
    double d;
    try {
      d = c.getDouble(path);
    } catch (ConfigException.WrongType e) {
      throw error(c.getValue(path), key + "." + path, "must be a number");
    }
    if (!(d > 0)) {
      throw error(c.getValue(path), key + "." + path, "must be > 0");
    }
    return d;
  }

  public Duration duration(Config c, String path, boolean required) {
    return duration(c, path, root, required);
  }

  public Duration duration(Config c, String path, String key) {
    return duration(c, path, key, true);
  }

  public Duration duration(Config c, String path, String key, boolean required) {
    if (!c.hasPath(path)) {
      if (required) {
        throw error(c.root(), key + "." + path, "missing");
      }
      return Duration.ZERO;
    }
    try {
      Duration d = c.getDuration(path);
      if (d.isNegative()) {
        throw error(c.getValue(path), key + "." + path, "must not be negative");
      }
      return d;
    } catch (ConfigException.BadValue | ConfigException.WrongType e) {
      throw error(c.getValue(path), key + "." + path, "must be a duration such as 30s or 2m");
    }
  }

  public RuntimeException error(ConfigValue at, String key, String problem) {
    return error(at == null ? null : at.origin(), key, problem);
  }

  /** A failure naming {@code file:line: key: problem}, {@code origin} being where it is. */
  public RuntimeException error(ConfigOrigin origin, String key, String problem) {
    return failure.apply(where(origin) + ": " + key + ": " + problem);
  }

  /** {@code file:line} of a value: its file, else its classpath resource, else the source. */
  public String where(ConfigOrigin origin) {
    String file =
        origin == null
            ? source
            : origin.filename() != null
                ? origin.filename()
                : origin.resource() != null ? origin.resource() : source;
    int line = origin == null ? -1 : origin.lineNumber();
    return file + (line > 0 ? ":" + line : "");
  }
}
