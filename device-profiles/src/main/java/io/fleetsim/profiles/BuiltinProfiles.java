package io.fleetsim.profiles;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.fleetsim.datamodel.ProfileLoader;
import io.fleetsim.datamodel.Schema;
import java.io.File;
import java.util.List;
import java.util.Map;

/**
 * The profiles fleetsim ships ({@code profiles/NAME.conf} on the classpath) and loading by name or
 * file, optionally pinned to a firmware version.
 */
public final class BuiltinProfiles {
  /** The realistic built-in devices (PROFILE-NOTES.md sections 2-4). */
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
    Config overrides =
        firmware == null
            ? ConfigFactory.empty()
            : ConfigFactory.parseMap(
                Map.of("profile.firmware.version", firmware), "firmware override");
    File f = new File(nameOrFile);
    if (f.isFile()) {
      return ProfileLoader.load(f, overrides);
    }
    return ProfileLoader.loadResource("profiles/" + nameOrFile + ".conf", overrides);
  }
}
