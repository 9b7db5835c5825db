package io.fleetsim.mtp.connect;

import io.fleetsim.identity.ClientCertificates;
import io.fleetsim.identity.Identities;
import io.fleetsim.identity.Logins;
import io.fleetsim.mtp.ClientTls;
import io.fleetsim.mtp.Connector;
import io.fleetsim.mtp.Tls;
import io.fleetsim.mtp.Transports;
import io.fleetsim.mtp.mqtt.MqttClient;
import io.fleetsim.mtp.mqtt.MqttConfig;
import io.fleetsim.mtp.stomp.StompClient;
import io.fleetsim.mtp.stomp.StompConfig;
import io.fleetsim.mtp.websocket.WsClient;
import io.fleetsim.usp.record.UspRecordCodec;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The one place a target URL becomes the agents' MTP connector: {@code ws://} and {@code wss://}
 * (TR-369 WebSocket binding), {@code mqtt://} and {@code mqtts://} (MQTT binding) or {@code
 * stomp://} and {@code stomps://} (STOMP binding: the path is the virtual host, user info the
 * login), with the scheme's default port and one client TLS context per connector, shared by all
 * its connections. Used by {@code fleetsim run}, {@code fleetsim agents} and {@code fleetsim
 * controller}.
 */
public final class Connectors {
  private Connectors() {}

  /** What the URL says is what a user may type; {@link #check} names them. */
  public static final String SCHEMES =
      "ws[s]://HOST:PORT/PATH, mqtt[s]://HOST:PORT or stomp[s]://[USER:PASS@]HOST:PORT[/VHOST]";

  /**
   * How the agents use the MTP beyond the URL.
   *
   * @param caCert PEM of the CAs a {@code wss://} or {@code mqtts://} server is checked against, or
   *     null for the JDK's
   * @param mqtt5 MQTT 5.0 (true) or 3.1.1
   * @param agentTopicPattern where an agent is reached over MQTT; {@code {eid}} is its EndpointID
   * @param controllerTopic where agents publish to the Controller over MQTT
   * @param keepAliveSeconds WebSocket ping interval and MQTT Keep Alive
   * @param stomp destinations, heart-beats and frame limits over STOMP
   * @param identities each agent's client certificate and login, {@link Identities#NONE} for none
   */
  public record Options(
      Path caCert,
      boolean mqtt5,
      String agentTopicPattern,
      String controllerTopic,
      int keepAliveSeconds,
      Stomp stomp,
      Identities identities) {

    public Options(
        Path caCert,
        boolean mqtt5,
        String agentTopicPattern,
        String controllerTopic,
        int keepAliveSeconds,
        Stomp stomp) {
      this(
          caCert,
          mqtt5,
          agentTopicPattern,
          controllerTopic,
          keepAliveSeconds,
          stomp,
          Identities.NONE);
    }

    public Options(
        Path caCert,
        boolean mqtt5,
        String agentTopicPattern,
        String controllerTopic,
        int keepAliveSeconds) {
      this(caCert, mqtt5, agentTopicPattern, controllerTopic, keepAliveSeconds, Stomp.defaults());
    }

    /** The JDK's CAs, MQTT 5.0, /usp/agent/{eid} and /usp/controller, 60 s keep-alive. */
    public static Options defaults() {
      return defaults(null, true);
    }

    public static Options defaults(Path caCert, boolean mqtt5) {
      return new Options(caCert, mqtt5, "/usp/agent/{eid}", "/usp/controller", 60);
    }

    public Options withStomp(Stomp s) {
      return new Options(
          caCert, mqtt5, agentTopicPattern, controllerTopic, keepAliveSeconds, s, identities);
    }

    public Options withIdentities(Identities i) {
      return new Options(
          caCert, mqtt5, agentTopicPattern, controllerTopic, keepAliveSeconds, stomp, i);
    }
  }

  /**
   * How agents and the Controller use a STOMP broker beyond its URL.
   *
   * @param agentDestinationPattern where an agent is reached; {@code {eid}} is its EndpointID,
   *     percent-encoded ({@link io.fleetsim.mtp.stomp.StompFrames#destination})
   * @param controllerDestination where agents send to the Controller
   * @param heartbeatMillis heart-beats offered and asked for both ways, 0 for none
   * @param maxFrameBytes the largest frame body taken
   */
  public record Stomp(
      String agentDestinationPattern,
      String controllerDestination,
      int heartbeatMillis,
      int maxFrameBytes) {

    /** /queue/usp.agent.{eid}, /queue/usp.controller, 30 s heart-beats, the Record limit. */
    public static Stomp defaults() {
      return new Stomp(
          StompConfig.AGENT_DESTINATION,
          StompConfig.CONTROLLER_DESTINATION,
          StompConfig.HEARTBEAT_MILLIS,
          UspRecordCodec.DEFAULT_MAX_RECORD_BYTES);
    }
  }

  /** Fails with the schemes accepted unless {@code target} is one of them. */
  public static void check(URI target) {
    String scheme = scheme(target);
    if (!scheme.equals("ws") && !scheme.equals("wss") && !mqtt(target) && !stomp(target)) {
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

  public static boolean stomp(URI target) {
    String scheme = scheme(target);
    return scheme.equals("stomp") || scheme.equals("stomps");
  }

  /** A broker's URL (MQTT or STOMP) rather than a Controller's (WebSocket). */
  public static boolean broker(URI target) {
    return mqtt(target) || stomp(target);
  }

  public static boolean secure(URI target) {
    String scheme = scheme(target);
    return scheme.equals("wss") || scheme.equals("mqtts") || scheme.equals("stomps");
  }

  /** The URL's port, else its scheme's: 80, 443, 1883, 8883, 61613 or 61614. */
  public static int port(URI target) {
    if (target.getPort() > 0) {
      return target.getPort();
    }
    return switch (scheme(target)) {
      case "wss" -> 443;
      case "mqtt" -> 1883;
      case "mqtts" -> 8883;
      case "stomp" -> 61613;
      case "stomps" -> 61614;
      default -> 80;
    };
  }

  /**
   * The client TLS for a secure target, else null: one context for the run, or a context per
   * connection with the device's certificate when the options give client certificates. Fails on an
   * unusable CA file.
   */
  public static ClientTls tls(URI target, Options options) {
    if (!secure(target)) {
      return null;
    }
    ClientCertificates certs = options.identities().certificates();
    return certs == null
        ? ClientTls.of(Tls.client(options.caCert()))
        : ClientTls.perDevice(options.caCert(), certs);
  }

  /** The agents' connector to {@code target}. */
  public static Connector agents(Transports transports, URI target, Options options) {
    return agents(transports, target, options, tls(target, options));
  }

  /** The agents' connector to {@code target} with a TLS context made already (or null). */
  public static Connector agents(
      Transports transports, URI target, Options options, ClientTls tls) {
    check(target);
    int max = UspRecordCodec.DEFAULT_MAX_RECORD_BYTES;
    Logins logins = options.identities().logins();
    if (stomp(target)) {
      return new StompClient(transports, stompConfig(target, options), tls, logins);
    }
    if (!mqtt(target)) {
      return new WsClient(transports, target, max, options.keepAliveSeconds(), tls, logins);
    }
    MqttConfig config =
        new MqttConfig(
            target.getHost(),
            port(target),
            options.mqtt5(),
            options.agentTopicPattern(),
            options.controllerTopic(),
            options.keepAliveSeconds());
    return new MqttClient(transports, config, max, tls, logins);
  }

  private static String scheme(URI target) {
    return String.valueOf(target.getScheme()).toLowerCase(Locale.ROOT);
  }

  /**
   * The agents' STOMP settings for {@code target}: the URL's path is the virtual host ({@code /}
   * when absent; {@code %2F} for a "/" in a name), its user info {@code login:passcode}.
   */
  public static StompConfig stompConfig(URI target, Options options) {
    Stomp s = options.stomp();
    String path = target.getPath();
    String vhost = path == null || path.length() <= 1 ? "/" : path.substring(1);
    String login = null;
    String passcode = null;
    String user = target.getUserInfo();
    if (user != null) {
      int colon = user.indexOf(':');
      login = colon < 0 ? user : user.substring(0, colon);
      passcode = colon < 0 ? null : user.substring(colon + 1);
    }
    return new StompConfig(
        target.getHost(),
        port(target),
        vhost,
        login,
        passcode,
        s.agentDestinationPattern(),
        s.controllerDestination(),
        s.heartbeatMillis(),
        s.heartbeatMillis(),
        s.maxFrameBytes(),
        StompConfig.MAX_LINE_BYTES);
  }

  /**
   * A Controller's connector on the broker at {@code broker} (MQTT or STOMP), reached at the
   * options' Controller topic or destination, answering each agent at its reply-to. With client
   * certificates or logins in the options, the Controller gets its own, made for its EndpointID as
   * the agents' are for theirs.
   */
  public static Connector controller(
      Transports transports, URI broker, Options options, ClientTls tls) {
    Logins logins = options.identities().logins();
    if (stomp(broker)) {
      StompConfig c =
          stompConfig(broker, options).asController(options.stomp().controllerDestination());
      return new StompClient(transports, c, tls, logins);
    }
    if (!mqtt(broker)) {
      throw new IllegalArgumentException(
          "a Controller on a broker takes mqtt[s]:// or stomp[s]://, not " + Redacted.url(broker));
    }
    return new MqttClient(
        transports,
        MqttConfig.controller(
            broker.getHost(), port(broker), options.mqtt5(), options.controllerTopic()),
        transports.limits().maxRecordBytes(),
        tls,
        logins);
  }

  /** Where a Controller on {@code broker} is reached: its MQTT topic or STOMP destination. */
  public static String controllerAddress(URI broker, Options options) {
    return stomp(broker) ? options.stomp().controllerDestination() : options.controllerTopic();
  }
}
