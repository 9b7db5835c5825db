package io.fleetsim.datamodel;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigSyntax;
import io.fleetsim.config.HoconSyntax;
import java.io.File;

/**
 * Compiles a HOCON device profile into a shared {@link Schema}. Every problem fails fast with a
 * {@link ProfileException} naming file, line and key. The format is described in docs/PROFILES.md:
 *
 * <pre>
 * profile {
 *   name = test-gateway
 *   objects {
 *     "Device.DeviceInfo." { params { SerialNumber { type = string, gen { template = "FS{index:08}" } } } }
 *     "Device.DeviceInfo.FirmwareImage.{i}." { instances = 2, unique-keys = [[Alias]], params { ... } }
 *   }
 * }
 * </pre>
 */
public final class ProfileLoader {

  private ProfileLoader() {}

  /** Loads a profile file. */
  public static Schema load(File file) {
    return load(file, ConfigFactory.empty());
  }

  /** Loads a profile file with overrides applied before substitutions resolve. */
  public static Schema load(File file, Config overrides) {
    return load(
        () ->
            ConfigFactory.parseFile(
                file,
                ConfigParseOptions.defaults().setAllowMissing(false).setSyntax(ConfigSyntax.CONF)),
        overrides,
        file.getName());
  }

  /** Loads a profile from the classpath, e.g. {@code profiles/test-gateway.conf}. */
  public static Schema loadResource(String resource) {
    return loadResource(resource, ConfigFactory.empty());
  }

  /**
   * Loads a classpath profile with overrides (for example {@code profile.firmware.version}) applied
   * before substitutions resolve, so everything derived from an overridden value follows it.
   */
  public static Schema loadResource(String resource, Config overrides) {
    return load(
        () ->
            ConfigFactory.parseResources(
                resource, ConfigParseOptions.defaults().setAllowMissing(false)),
        overrides,
        resource);
  }

  private static Schema load(
      java.util.function.Supplier<Config> parser, Config overrides, String source) {
    Config parsed;
    try {
      parsed = parser.get();
    } catch (ConfigException e) {
      throw new ProfileException(e.getMessage());
    }
    return compile(resolve(overrides.withFallback(parsed)), source);
  }

  /** Parses a profile file without compiling it (syntax errors carry file and line). */
  public static Config parse(File file) {
    try {
      return resolve(
          ConfigFactory.parseFile(
              file,
              ConfigParseOptions.defaults().setAllowMissing(false).setSyntax(ConfigSyntax.CONF)));
    } catch (ConfigException e) {
      throw new ProfileException(HoconSyntax.message(e, file.toPath()));
    }
  }

  private static Config resolve(Config config) {
    try {
      return config.resolve();
    } catch (ConfigException e) {
      throw new ProfileException(e.getMessage());
    }
  }

  /** Compiles a parsed profile; {@code source} names it when the config has no file origin. */
  public static Schema compile(Config config, String source) {
    try {
      return new ProfileCompiler(config, source).compile();
    } catch (ConfigException e) {
      throw new ProfileException(e.getMessage());
    }
  }
}
