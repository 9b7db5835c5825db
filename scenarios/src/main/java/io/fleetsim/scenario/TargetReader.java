package io.fleetsim.scenario;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigValue;
import io.fleetsim.config.HoconReader;
import io.fleetsim.mtp.Tls;
import io.fleetsim.mtp.connect.Connectors;
import io.fleetsim.mtp.connect.Redacted;
import io.fleetsim.profiles.FleetMix;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads a scenario's {@code target} block: the embedded Controller (in memory or on a loopback
 * WebSocket) or an external ws, wss, mqtt or mqtts target, its Controller ID, MQTT version, CA file
 * (beside the scenario) and the broker of a mixed-MTP fleet; each problem as file:line: key.
 */
final class TargetReader {
  private static final String ROOT = ScenarioLoader.ROOT;
  private final HoconReader in;
  private final String source;

  TargetReader(HoconReader in, String source) {
    this.in = in;
    this.source = source;
  }

  Scenario.Target target(Config c) {
    String key = ROOT + ".target";
    if (!c.hasPath("target")) {
      return new Scenario.Target(
          Scenario.Target.Kind.EMBEDDED_MEMORY, null, "self::fleetsim-controller", true, null);
    }
    in.keys(
        c.getObject("target"),
        key,
        Set.of("controller", "controller-id", "mtp", "mqtt-version", "ca-cert", "broker"));
    Config t = c.getConfig("target");
    List<String> controllers = controllers(t, key);
    String controller = controllers.get(0);
    String id =
        t.hasPath("controller-id") ? in.string(t, "controller-id") : "self::fleetsim-controller";
    boolean mqtt5 = true;
    if (t.hasPath("mqtt-version")) {
      String v = in.string(t, "mqtt-version");
      if (!v.equals("5") && !v.equals("3.1.1")) {
        throw in.error(t.getValue("mqtt-version"), key + ".mqtt-version", "3.1.1 or 5, not " + v);
      }
      mqtt5 = v.equals("5");
    }
    if (controller.equals("embedded")) {
      String mtp = t.hasPath("mtp") ? in.string(t, "mtp") : "memory";
      return switch (mtp) {
        case "memory" ->
            new Scenario.Target(Scenario.Target.Kind.EMBEDDED_MEMORY, null, id, mqtt5, null);
        case "websocket" ->
            new Scenario.Target(
                Scenario.Target.Kind.EMBEDDED_WEBSOCKET, null, id, mqtt5, null, broker(t, key));
        default ->
            throw in.error(t.getValue("mtp"), key + ".mtp", "memory or websocket, not " + mtp);
      };
    }
    if (t.hasPath("mtp")) {
      throw in.error(t.getValue("mtp"), key + ".mtp", "only for the embedded controller");
    }
    List<URI> urls = new ArrayList<>();
    for (String each : controllers) {
      urls.add(url(t, key, each));
    }
    URI url = urls.get(0);
    String scheme = String.valueOf(url.getScheme());
    for (URI other : urls) {
      if (!kindOf(other.getScheme()).equals(kindOf(scheme))) {
        throw in.error(
            t.getValue("controller"),
            key + ".controller",
            "the targets must all be ws[s]:// or all mqtt[s]://, not "
                + Redacted.url(other.toString()));
      }
    }
    Path caCert = null;
    if (t.hasPath("ca-cert")) {
      if (!scheme.equals("wss") && !scheme.equals("mqtts")) {
        throw in.error(t.getValue("ca-cert"), key + ".ca-cert", "only for wss:// and mqtts://");
      }
      caCert = besideScenario(source, in.path(t, "ca-cert", key));
      try {
        Tls.client(caCert); // fail now, not at the first connect
      } catch (IllegalArgumentException e) {
        throw in.error(
            t.getValue("ca-cert"), key + ".ca-cert", "unusable CA file: " + e.getMessage());
      }
    }
    return switch (scheme) {
      case "ws", "wss" ->
          new Scenario.Target(
              Scenario.Target.Kind.WEBSOCKET, url, id, mqtt5, caCert, broker(t, key), urls);
      case "mqtt", "mqtts" ->
          new Scenario.Target(Scenario.Target.Kind.MQTT, url, id, mqtt5, caCert, null, urls);
      default ->
          throw in.error(
              t.getValue("controller"),
              key + ".controller",
              "embedded, ws[s]://HOST:PORT/PATH or mqtt[s]://HOST:PORT, not "
                  + Redacted.url(controller));
    };
  }

  /**
   * {@code target.controller}: {@code embedded}, one URL, or several (a list, or URLs separated by
   * commas as {@code run --target} takes them) that the agents spread over.
   */
  private List<String> controllers(Config t, String key) {
    if (!t.hasPath("controller")) {
      return List.of("embedded");
    }
    List<String> out = new ArrayList<>();
    if (t.getValue("controller").valueType() == com.typesafe.config.ConfigValueType.LIST) {
      try {
        out.addAll(t.getStringList("controller"));
      } catch (com.typesafe.config.ConfigException.WrongType e) {
        throw in.error(t.getValue("controller"), key + ".controller", "a list of URL strings");
      }
    } else {
      for (String each : in.string(t, "controller").split(",")) {
        out.add(each.trim());
      }
    }
    out.removeIf(String::isEmpty);
    if (out.isEmpty()) {
      throw in.error(t.getValue("controller"), key + ".controller", "embedded or a URL");
    }
    if (out.size() > 1 && out.contains("embedded")) {
      throw in.error(
          t.getValue("controller"), key + ".controller", "embedded cannot be one of several");
    }
    return out;
  }

  private URI url(Config t, String key, String controller) {
    URI url;
    try {
      url = URI.create(controller);
    } catch (IllegalArgumentException e) {
      throw in.error(
          t.getValue("controller"), key + ".controller", "not a URL: " + Redacted.url(controller));
    }
    try {
      Connectors.checkPort(url);
    } catch (IllegalArgumentException e) {
      throw in.error(t.getValue("controller"), key + ".controller", e.getMessage());
    }
    return url;
  }

  private static String kindOf(String scheme) {
    return String.valueOf(scheme).replace("wss", "ws").replace("mqtts", "mqtt");
  }

  /** {@code target.broker}: the mqtt[s]:// broker of mix entries with mtp = mqtt, or null. */
  private URI broker(Config t, String key) {
    if (!t.hasPath("broker")) {
      return null;
    }
    String b = in.string(t, "broker");
    URI url;
    try {
      url = URI.create(b);
    } catch (IllegalArgumentException e) {
      throw in.error(t.getValue("broker"), key + ".broker", "not a URL: " + Redacted.url(b));
    }
    String scheme = String.valueOf(url.getScheme());
    if (!(scheme.equals("mqtt") || scheme.equals("mqtts")) || url.getHost() == null) {
      throw in.error(
          t.getValue("broker"), key + ".broker", "mqtt[s]://HOST:PORT, not " + Redacted.url(b));
    }
    try {
      Connectors.checkPort(url);
    } catch (IllegalArgumentException e) {
      throw in.error(t.getValue("broker"), key + ".broker", e.getMessage());
    }
    return url;
  }

  /**
   * Each mix entry's own MTP must be one the target can serve: MQTT entries beside a WebSocket
   * target need {@code target.broker}; the in-memory target has no second MTP.
   */
  static void checkMixMtps(HoconReader in, Config c, FleetMix mix, Scenario.Target target) {
    for (int i = 0; i < mix.entries().size(); i++) {
      String mtp = mix.entries().get(i).mtp();
      if (mtp == null) {
        continue;
      }
      ConfigValue at = c.getObjectList("fleet.mix").get(i).get("mtp");
      String key = ROOT + ".fleet.mix[" + i + "].mtp";
      boolean ws = mtp.equals("websocket");
      switch (target.kind()) {
        case EMBEDDED_MEMORY ->
            throw in.error(
                at, key, "the in-memory target has one MTP; use target.mtp = websocket instead");
        case MQTT -> {
          if (ws) {
            throw in.error(at, key, "needs a ws[s]:// target; this one is " + target.url());
          }
        }
        default -> {
          if (!ws && target.broker() == null) {
            throw in.error(at, key, "needs target.broker = \"mqtt://HOST:PORT\"");
          }
        }
      }
    }
  }

  /** A file named in the scenario: relative paths are beside the scenario file. */
  static Path besideScenario(String source, Path file) {
    if (!file.isAbsolute()) {
      Path dir = Path.of(source).toAbsolutePath().getParent();
      file = dir == null ? file : dir.resolve(file);
    }
    return file;
  }
}
