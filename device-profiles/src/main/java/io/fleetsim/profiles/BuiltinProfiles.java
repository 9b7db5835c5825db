package io.fleetsim.profiles;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.fleetsim.datamodel.ProfileException;
import io.fleetsim.datamodel.ProfileLoader;
import io.fleetsim.datamodel.Schema;
import java.io.File;
import java.util.List;
import java.util.Map;

/**
 * The profiles fleetsim ships ({@code profiles/NAME.conf} on the classpath), and the one resolver
 * of a profile name or file into a schema, optionally pinned to a firmware version and with
 * overrides: {@code run}, {@code agents}, {@code profile}, {@code get} and fleet mixes all load
 * through it.
 */
public final class BuiltinProfiles {
  /** The realistic built-in devices (docs/PROFILES.md). */
  public static final List<String> NAMES = List.of("home-gateway", "wifi-extender", "iot-hub");

  private BuiltinProfiles() {}

  /** A built-in name or a profile file. */
  public static Schema load(String nameOrFile) {
    return load(nameOrFile, null);
  }

  /**
   * A built-in name or a profile file; a non-null {@code firmware} replaces {@code
   * profile.firmware.version}, and with it SoftwareVersion and the active FirmwareImage.
   */
  public static Schema load(String nameOrFile, String firmware) {
    return load(nameOrFile, firmware, Map.of());
  }

  /**
   * As {@link #load(String, String)} with more overrides: HOCON paths below {@code profile.} (for
   * example {@code agent.reboot-time} → {@code 5s}), as a scenario sets them for its fleet.
   */
  public static Schema load(String nameOrFile, String firmware, Map<String, String> overrides) {
    return load(nameOrFile, firmware, overrides, null);
  }

  /**
   * As {@link #load(String, String, Map)} with an MTP overlay between the profile and the overrides
   * (e.g. {@link StompOverlay}): {@code overlay} gets the profile with its overrides, unresolved.
   */
  public static Schema load(
      String nameOrFile,
      String firmware,
      Map<String, String> overrides,
      java.util.function.UnaryOperator<Config> overlay) {
    Map<String, String> all = new java.util.HashMap<>();
    overrides.forEach((k, v) -> all.put("profile." + k, v));
    if (firmware != null) {
      all.put("profile.firmware.version", firmware);
    }
    Config config = ConfigFactory.parseMap(all, "profile overrides");
    File f = new File(nameOrFile);
    if (overlay != null) {
      Config raw =
          f.isFile()
              ? ConfigFactory.parseFile(f)
              : ConfigFactory.parseResources("profiles/" + nameOrFile + ".conf");
      config = config.withFallback(overlay.apply(config.withFallback(raw)));
    }
    if (f.isFile()) {
      return ProfileLoader.load(f, config);
    }
    String resource = "profiles/" + nameOrFile + ".conf";
    if (BuiltinProfiles.class.getClassLoader().getResource(resource) == null) {
      throw new ProfileException(
          "unknown profile '"
              + nameOrFile
              + "': no such file, and not a built-in profile ("
              + String.join(", ", NAMES)
              + ")");
    }
    return ProfileLoader.loadResource(resource, config);
  }
}
