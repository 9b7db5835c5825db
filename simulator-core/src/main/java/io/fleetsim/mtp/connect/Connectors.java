package io.fleetsim.mtp.connect;

import io.fleetsim.mtp.Connector;
import io.fleetsim.mtp.Tls;
import io.fleetsim.mtp.Transports;
import io.fleetsim.mtp.mqtt.MqttClient;
import io.fleetsim.mtp.mqtt.MqttConfig;
import io.fleetsim.mtp.websocket.WsClient;
import io.fleetsim.usp.record.UspRecordCodec;
import io.netty.handler.ssl.SslContext;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The one place a target URL becomes the agents' MTP connector: {@code ws://} and {@code wss://}
 * (TR-369 WebSocket binding) or {@code mqtt://} and {@code mqtts://} (MQTT binding), with the
 * scheme's default port and one client TLS context per connector, shared by all its connections.
 * Used by {@code fleetsim run}, {@code fleetsim agents} and {@code fleetsim controller}.
 */
public final class Connectors {
  private Connectors() {}

  /** What the URL says is what a user may type; {@link #check} names them. */
  public static final String SCHEMES = "ws[s]://HOST:PORT/PATH or mqtt[s]://HOST:PORT";

  /**
   * How the agents use the MTP beyond the URL.
   *
   * @param caCert PEM of the CAs a {@code wss://} or {@code mqtts://} server is checked against, or
   *     null for the JDK's
   * @param mqtt5 MQTT 5.0 (true) or 3.1.1
   * @param agentTopicPattern where an agent is reached over MQTT; {@code {eid}} is its EndpointID
   * @param controllerTopic where agents publish to the Controller over MQTT
   * @param keepAliveSeconds WebSocket ping interval and MQTT Keep Alive
   */
  public record Options(
      Path caCert,
      boolean mqtt5,
      String agentTopicPattern,
      String controllerTopic,
      int keepAliveSeconds) {

    /** The JDK's CAs, MQTT 5.0, /usp/agent/{eid} and /usp/controller, 60 s keep-alive. */
    public static Options defaults() {
      return defaults(null, true);
    }

    public static Options defaults(Path caCert, boolean mqtt5) {
      return new Options(caCert, mqtt5, "/usp/agent/{eid}", "/usp/controller", 60);
    }
  }

  /** Fails with the schemes accepted unless {@code target} is one of them. */
  public static void check(URI target) {
    String scheme = scheme(target);
    if (!scheme.equals("ws") && !scheme.equals("wss") && !mqtt(target)) {
      throw new IllegalArgumentException("takes " + SCHEMES + ", not " + Redacted.url(target));
    }
    checkPort(target);
  }

  /**
   * A URL's port must be 1..65535 (absent: the scheme's). {@link URI} takes any digits, and a port
   * beyond 65535 used to fail only at the first connect, once per agent.
   */
  public static void checkPort(URI target) {
    if (target.getHost() == null) {
      throw new IllegalArgumentException(
          "takes a URL with a host and a port of 1..65535, not " + Redacted.url(target));
    }
    if (target.getPort() == 0 || target.getPort() > 65_535) {
      throw new IllegalArgumentException(
          "port " + target.getPort() + " is out of range 1..65535 in " + Redacted.url(target));
    }
  }

  public static boolean mqtt(URI target) {
    String scheme = scheme(target);
    return scheme.equals("mqtt") || scheme.equals("mqtts");
  }

  public static boolean secure(URI target) {
    String scheme = scheme(target);
    return scheme.equals("wss") || scheme.equals("mqtts");
  }

  /** The URL's port, else its scheme's: 80, 443, 1883 or 8883. */
  public static int port(URI target) {
    if (target.getPort() > 0) {
      return target.getPort();
    }
    return switch (scheme(target)) {
      case "wss" -> 443;
      case "mqtt" -> 1883;
      case "mqtts" -> 8883;
      default -> 80;
    };
  }

  /** The client TLS context for a secure target, else null; fails on an unusable CA file. */
  public static SslContext tls(URI target, Options options) {
    return secure(target) ? Tls.client(options.caCert()) : null;
  }

  /** The agents' connector to {@code target}. */
  public static Connector agents(Transports transports, URI target, Options options) {
    return agents(transports, target, options, tls(target, options));
  }

  /** The agents' connector to {@code target} with a TLS context made already (or null). */
  public static Connector agents(
      Transports transports, URI target, Options options, SslContext tls) {
    check(target);
    int max = UspRecordCodec.DEFAULT_MAX_RECORD_BYTES;
    if (!mqtt(target)) {
      return new WsClient(transports, target, max, options.keepAliveSeconds(), tls);
    }
    MqttConfig config =
        new MqttConfig(
            target.getHost(),
            port(target),
            options.mqtt5(),
            options.agentTopicPattern(),
            options.controllerTopic(),
            options.keepAliveSeconds());
    return new MqttClient(transports, config, max, tls);
  }

  private static String scheme(URI target) {
    return String.valueOf(target.getScheme()).toLowerCase(Locale.ROOT);
  }
}
