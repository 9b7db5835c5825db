package io.fleetsim.scenario;

import com.typesafe.config.Config;
import io.fleetsim.config.HoconReader;
import io.fleetsim.mtp.connect.Connectors;
import java.time.Duration;

/**
 * Reads {@code target.stomp}: how agents and the embedded Controller use a STOMP broker.
 *
 * <pre>
 * stomp {
 *   agent-destination = "/queue/usp.agent.{eid}"   # {eid}: the EndpointID, percent-encoded
 *   controller-destination = "/queue/usp.controller"
 *   heartbeat = 30s                                # both ways; 0 turns heart-beats off
 *   max-frame-bytes = 8MB                          # a bigger MESSAGE is dropped and counted
 * }
 * </pre>
 */
final class StompSettings {
  private final HoconReader in;

  StompSettings(HoconReader in) {
    this.in = in;
  }

  /** The block's settings over the defaults; the defaults when there is no block. */
  Connectors.Stomp read(Config target, String targetKey) {
    Connectors.Stomp d = Connectors.Stomp.defaults();
    if (!target.hasPath("stomp")) {
      return d;
    }
    String key = targetKey + ".stomp";
    in.keys(
        target.getObject("stomp"),
        key,
        "agent-destination",
        "controller-destination",
        "heartbeat",
        "max-frame-bytes");
    Config c = target.getConfig("stomp");
    String agent = destination(c, key, "agent-destination", d.agentDestinationPattern());
    String controller = destination(c, key, "controller-destination", d.controllerDestination());
    long heartbeat =
        c.hasPath("heartbeat") ? in.duration(c, "heartbeat", key).toMillis() : d.heartbeatMillis();
    if (heartbeat > Duration.ofHours(1).toMillis()) {
      throw in.error(c.getValue("heartbeat"), key + ".heartbeat", "at most 1h");
    }
    long max =
        c.hasPath("max-frame-bytes") ? in.bytes(c, "max-frame-bytes", key) : d.maxFrameBytes();
    if (max > Integer.MAX_VALUE - 1) {
      throw in.error(c.getValue("max-frame-bytes"), key + ".max-frame-bytes", "at most 2GB");
    }
    return new Connectors.Stomp(agent, controller, (int) heartbeat, (int) max);
  }

  private String destination(Config c, String key, String path, String fallback) {
    if (!c.hasPath(path)) {
      return fallback;
    }
    String d = in.string(c, path);
    // any name a broker takes (RabbitMQ wants a /queue/, /topic/, /exchange/ … prefix, Artemis
    // none), but not one a STOMP header line cannot carry
    if (d.isBlank() || d.chars().anyMatch(ch -> ch < 0x20)) {
      throw in.error(
          c.getValue(path), key + "." + path, "a destination such as /queue/NAME, not " + d);
    }
    return d;
  }
}
