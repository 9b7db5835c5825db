package io.fleetsim.mtp.stomp;

/**
 * How one side uses a STOMP 1.2 broker (TR-369 STOMP binding; Device.STOMP.Connection.{i}.).
 *
 * @param host broker address (Connection.Host)
 * @param port broker port (Connection.Port, 61613)
 * @param virtualHost the {@code host} header of the STOMP frame (Connection.VirtualHost): RabbitMQ
 *     refuses any name but one of its virtual hosts, "/" by default
 * @param login the {@code login} header (Connection.Username), or null for none
 * @param passcode the {@code passcode} header (Connection.Password), or null for none
 * @param ownDestinationPattern where this side is reached unless the broker names one in {@code
 *     subscribe-dest}; {@code {eid}} becomes the endpoint ID (see {@link StompFrames#destination})
 * @param peerDestination where this side sends what is not an answer to a MESSAGE with {@code
 *     reply-to-dest} (agents: Controller.{i}.MTP.{i}.STOMP.Destination)
 * @param outgoingHeartbeatMillis the heart-beats this side offers to send (OutgoingHeartbeat); 0
 *     with {@code incomingHeartbeatMillis} 0 is EnableHeartbeats false
 * @param incomingHeartbeatMillis the heart-beats this side asks the broker for (IncomingHeartbeat)
 * @param maxFrameBytes the largest frame body taken (a USP Record); a bigger one is dropped,
 *     counted
 * @param maxLineBytes the longest command or header line taken
 */
public record StompConfig(
    String host,
    int port,
    String virtualHost,
    String login,
    String passcode,
    String ownDestinationPattern,
    String peerDestination,
    int outgoingHeartbeatMillis,
    int incomingHeartbeatMillis,
    int maxFrameBytes,
    int maxLineBytes) {

  /** Default agent destination: one queue per agent, a name both Artemis and RabbitMQ take. */
  public static final String AGENT_DESTINATION = "/queue/usp.agent.{eid}";

  /** Default Controller destination. */
  public static final String CONTROLLER_DESTINATION = "/queue/usp.controller";

  /**
   * Heart-beats both ways every 30 s: an idle agent outlives Artemis' 60 s connection TTL and
   * RabbitMQ's TCP idle timeouts (TR-181's EnableHeartbeats default false would not).
   */
  public static final int HEARTBEAT_MILLIS = 30_000;

  /** Netty's default line limit is 1,024 bytes; a long destination or login needs more. */
  public static final int MAX_LINE_BYTES = 8_192;

  public StompConfig {
    if (outgoingHeartbeatMillis < 0 || incomingHeartbeatMillis < 0) {
      throw new IllegalArgumentException("STOMP heart-beats are 0 (off) or milliseconds");
    }
    if (maxFrameBytes <= 0 || maxLineBytes <= 0) {
      throw new IllegalArgumentException("STOMP frame limits must be positive");
    }
  }

  /** The usual agent side on the default virtual host "/", without login. */
  public static StompConfig agents(String host, int port, int maxFrameBytes) {
    return new StompConfig(
        host,
        port,
        "/",
        null,
        null,
        AGENT_DESTINATION,
        CONTROLLER_DESTINATION,
        HEARTBEAT_MILLIS,
        HEARTBEAT_MILLIS,
        maxFrameBytes,
        MAX_LINE_BYTES);
  }

  /**
   * A Controller on the broker, reached on {@code destination}; it answers each agent at that
   * agent's {@code reply-to-dest}, so it has no fixed peer destination.
   */
  public StompConfig asController(String destination) {
    return new StompConfig(
        host,
        port,
        virtualHost,
        login,
        passcode,
        destination,
        destination,
        outgoingHeartbeatMillis,
        incomingHeartbeatMillis,
        maxFrameBytes,
        maxLineBytes);
  }

  /** The same with another virtual host, login and passcode (null: none). */
  public StompConfig withConnect(String virtualHost, String login, String passcode) {
    return new StompConfig(
        host,
        port,
        virtualHost,
        login,
        passcode,
        ownDestinationPattern,
        peerDestination,
        outgoingHeartbeatMillis,
        incomingHeartbeatMillis,
        maxFrameBytes,
        maxLineBytes);
  }

  /** The same with another own destination pattern ("" for none). */
  public StompConfig withOwnDestination(String pattern) {
    return new StompConfig(
        host,
        port,
        virtualHost,
        login,
        passcode,
        pattern,
        peerDestination,
        outgoingHeartbeatMillis,
        incomingHeartbeatMillis,
        maxFrameBytes,
        maxLineBytes);
  }

  /** The same with heart-beats of {@code millis} both ways (0: none). */
  public StompConfig withHeartbeats(int millis) {
    return new StompConfig(
        host,
        port,
        virtualHost,
        login,
        passcode,
        ownDestinationPattern,
        peerDestination,
        millis,
        millis,
        maxFrameBytes,
        maxLineBytes);
  }

  /** The same with another frame body limit. */
  public StompConfig withMaxFrameBytes(int bytes) {
    return new StompConfig(
        host,
        port,
        virtualHost,
        login,
        passcode,
        ownDestinationPattern,
        peerDestination,
        outgoingHeartbeatMillis,
        incomingHeartbeatMillis,
        bytes,
        maxLineBytes);
  }

  /** This side's own destination when the broker names none. */
  public String ownDestination(String eid) {
    return StompFrames.destination(ownDestinationPattern, eid);
  }
}
