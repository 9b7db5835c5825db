package io.fleetsim.profiles;

import io.fleetsim.profiles.tr181.Tr181Fact;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The TR-181 Device:2.19.1 (USP) model as facts: one {@link Tr181Fact} per object, parameter,
 * command, event and argument, from the project's resource {@code
 * tr181/tr-181-2-19-1-usp.facts.tsv} (written by {@link io.fleetsim.profiles.tr181.Tr181FactsTool}
 * from the Broadband Forum XML).
 */
public final class Tr181Model {
  /** The facts resource on the classpath. */
  public static final String RESOURCE = "tr181/tr-181-2-19-1-usp.facts.tsv";

  private static final class Holder {
    static final Tr181Model STANDARD = load();
  }

  private final Map<String, Tr181Fact> facts;

  private Tr181Model(Map<String, Tr181Fact> facts) {
    this.facts = facts;
  }

  /** TR-181 2.19.1 (USP), read once per JVM. */
  public static Tr181Model standard() {
    return Holder.STANDARD;
  }

  private static Tr181Model load() {
    InputStream in = Tr181Model.class.getClassLoader().getResourceAsStream(RESOURCE);
    if (in == null) {
      throw new IllegalStateException("the TR-181 facts resource " + RESOURCE + " is missing");
    }
    Map<String, Tr181Fact> facts = new HashMap<>(16_384);
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      int n = 0;
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        n++;
        if (!line.isEmpty() && line.charAt(0) != '#') {
          Tr181Fact f = Tr181Fact.parse(line, RESOURCE + ":" + n);
          facts.put(f.path(), f);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
    return new Tr181Model(Map.copyOf(facts));
  }

  /**
   * The item at a flattened path ({@code Device.WiFi.SSID.{i}.SSID}, {@code
   * Device.Reboot().in.Cause}), or null.
   */
  public Tr181Fact item(String path) {
    return facts.get(path);
  }

  public int size() {
    return facts.size();
  }
}
