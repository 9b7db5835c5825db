package io.fleetsim.mtp.mqtt;

/**
 * How one side uses the broker (TR-369 MQTT binding).
 *
 * @param host broker address
 * @param port broker port (1883)
 * @param v5 MQTT 5.0 (true) or 3.1.1 (false)
 * @param ownTopicPattern where this side is reached; {@code {eid}} is replaced by its endpoint ID
 *     (agents: {@code /usp/agent/{eid}})
 * @param peerTopic where this side publishes what is not a response (agents: the Controller's
 *     topic, {@code /usp/controller}, from Controller.{i}.MTP.{i}.MQTT.Topic)
 * @param keepAliveSeconds CONNECT Keep Alive (KeepAliveTime, 60)
 */
public record MqttConfig(
    String host,
    int port,
    boolean v5,
    String ownTopicPattern,
    String peerTopic,
    int keepAliveSeconds) {

  /** The usual agent side: own topic /usp/agent/{eid}, Controller topic /usp/controller. */
  public static MqttConfig agents(String host, int port, boolean v5) {
    return new MqttConfig(host, port, v5, "/usp/agent/{eid}", "/usp/controller", 60);
  }

  /**
   * A Controller on the broker: reached on {@code topic} (3.1.1: {@code topic/#} for the reply-to
   * suffix); it answers each agent on that agent's reply-to, so it has no fixed peer topic.
   */
  public static MqttConfig controller(String host, int port, boolean v5, String topic) {
    return new MqttConfig(host, port, v5, topic, topic, 60);
  }

  String ownTopic(String eid) {
    return ownTopicPattern.replace("{eid}", eid);
  }
}
