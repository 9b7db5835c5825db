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
 * WebSocket) or an external ws, wss, mqtt, mqtts, stomp or stomps target, its Controller ID, MQTT
 * version, STOMP settings, CA file (beside the scenario) and the brokers of a mixed-MTP fleet; each
 * problem as file:line: key.
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
    Scenario.Target t = read(c);
    return c.hasPath("target.connects-in-flight")
        ? t.withConnectsInFlight((int) in.positive(c, "target.connects-in-flight", ROOT))
        : t;
  }

  private Scenario.Target read(Config c) {
    String key = ROOT + ".target";
    if (!c.hasPath("target")) {
      return new Scenario.Target(
          Scenario.Target.Kind.EMBEDDED_MEMORY,
          null,
          "self::fleetsim-controller",
          true,
          null,
          null,
          null,
          null);
    }
    in.keys(
        c.getObject("target"),
        key,
        Set.of(
            "controller",
            "controller-id",
            "mtp",
            "mqtt-version",
            "ca-cert",
            "broker",
            "stomp",
            "connects-in-flight"));
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
    Connectors.Stomp stomp = new StompSettings(in).read(t, key);
    List<URI> brokers = brokers(t, key);
    if (controller.equals("embedded")) {
      String mtp = t.hasPath("mtp") ? in.string(t, "mtp") : "memory";
      Path caCert = caCert(t, key, null, brokers);
      return switch (mtp) {
        case "memory" ->
            new Scenario.Target(
                Scenario.Target.Kind.EMBEDDED_MEMORY, null, id, mqtt5, null, null, null, stomp);
        case "websocket" ->
            new Scenario.Target(
                Scenario.Target.Kind.EMBEDDED_WEBSOCKET,
                null,
                id,
                mqtt5,
                caCert,
                brokers,
                null,
                stomp);
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
            "the targets must all be ws[s]://, all mqtt[s]:// or all stomp[s]://, not "
                + Redacted.url(other.toString()));
      }
    }
    Path caCert = caCert(t, key, url, brokers);
    return switch (scheme) {
      case "ws", "wss" ->
          new Scenario.Target(
              Scenario.Target.Kind.WEBSOCKET, url, id, mqtt5, caCert, brokers, urls, stomp);
      case "mqtt", "mqtts", "stomp", "stomps" ->
          new Scenario.Target(
              Connectors.stomp(url) ? Scenario.Target.Kind.STOMP : Scenario.Target.Kind.MQTT,
              url,
              id,
              mqtt5,
              caCert,
              onlyWebSocket(t, key, brokers),
              urls,
              stomp);
      default ->
          throw in.error(
              t.getValue("controller"),
              key + ".controller",
              "embedded, " + Connectors.SCHEMES + ", not " + Redacted.url(controller));
    };
  }

  /** A broker target has no second broker: its entries all use it. */
  private List<URI> onlyWebSocket(Config t, String key, List<URI> brokers) {
    if (!brokers.isEmpty()) {
      throw in.error(
          t.getValue("broker"), key + ".broker", "only beside a ws[s]:// or embedded target");
    }
    return brokers;
  }

  /**
   * {@code target.ca-cert}, beside the scenario, checked now rather than at the first connect; only
   * where the target or a broker uses TLS.
   */
  private Path caCert(Config t, String key, URI url, List<URI> brokers) {
    if (!t.hasPath("ca-cert")) {
      return null;
    }
    boolean secure = url != null && Connectors.secure(url);
    for (URI b : brokers) {
      secure |= Connectors.secure(b);
    }
    if (!secure) {
      throw in.error(
          t.getValue("ca-cert"), key + ".ca-cert", "only for wss://, mqtts:// and stomps://");
    }
    Path caCert = besideScenario(source, in.path(t, "ca-cert", key));
    try {
      Tls.client(caCert); // fail now, not at the first connect
    } catch (IllegalArgumentException e) {
      throw in.error(
          t.getValue("ca-cert"), key + ".ca-cert", "unusable CA file: " + e.getMessage());
    }
    return caCert;
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
    return String.valueOf(scheme)
        .replace("wss", "ws")
        .replace("mqtts", "mqtt")
        .replace("stomps", "stomp");
  }

  /**
   * {@code target.broker}: the mqtt[s]:// and stomp[s]:// brokers of mix entries with {@code mtp =
   * mqtt} or {@code stomp}, at most one of each (a string, URLs separated by commas, or a list).
   */
  private List<URI> brokers(Config t, String key) {
    if (!t.hasPath("broker")) {
      return List.of();
    }
    List<String> each = new ArrayList<>();
    if (t.getValue("broker").valueType() == com.typesafe.config.ConfigValueType.LIST) {
      each.addAll(t.getStringList("broker"));
    } else {
      for (String b : in.string(t, "broker").split(",")) {
        each.add(b.trim());
      }
    }
    List<URI> out = new ArrayList<>();
    for (String b : each) {
      URI url;
      try {
        url = URI.create(b);
      } catch (IllegalArgumentException e) {
        throw in.error(t.getValue("broker"), key + ".broker", "not a URL: " + Redacted.url(b));
      }
      if (!Connectors.broker(url) || url.getHost() == null) {
        throw in.error(
            t.getValue("broker"),
            key + ".broker",
            "mqtt[s]://HOST:PORT or stomp[s]://HOST:PORT[/VHOST], not " + Redacted.url(b));
      }
      try {
        Connectors.checkPort(url);
      } catch (IllegalArgumentException e) {
        throw in.error(t.getValue("broker"), key + ".broker", e.getMessage());
      }
      for (URI other : out) {
        if (kindOf(other.getScheme()).equals(kindOf(url.getScheme()))) {
          throw in.error(
              t.getValue("broker"), key + ".broker", "one MQTT and one STOMP broker at most");
        }
      }
      out.add(url);
    }
    return out;
  }

  /**
   * Each mix entry's own MTP must be one the target can serve: MQTT and STOMP entries beside a
   * WebSocket target need their {@code target.broker}; a broker target serves its own MTP only; the
   * in-memory target has no second MTP.
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
        case MQTT, STOMP -> {
          if (ws) {
            throw in.error(at, key, "needs a ws[s]:// target; this one is " + target.url());
          }
          if (!kindOf(target.url().getScheme()).equals(mtp)) {
            throw in.error(
                at, key, "the target " + Redacted.url(target.url()) + " serves no " + mtp);
          }
        }
        default -> {
          if (!ws && target.broker(mtp) == null) {
            throw in.error(at, key, "needs target.broker = \"" + mtp + "://HOST:PORT\"");
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
