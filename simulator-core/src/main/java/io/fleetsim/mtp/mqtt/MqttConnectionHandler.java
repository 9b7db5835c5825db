package io.fleetsim.mtp.mqtt;

import io.fleetsim.identity.Credentials;
import io.fleetsim.mtp.BrokerRoute;
import io.fleetsim.mtp.ConnectFailure;
import io.fleetsim.mtp.MtpEvents;
import io.fleetsim.mtp.MtpListener;
import io.fleetsim.mtp.MtpSession;
import io.fleetsim.usp.message.UspMessages;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.mqtt.MqttConnAckMessage;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttFixedHeader;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttSubAckMessage;
import io.netty.handler.codec.mqtt.MqttVersion;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * One MQTT MTP connection: CONNECT (ClientId = EID; MQTT 5 adds the user property {@code
 * usp-endpoint-id} and Request Response Information, R-MQTT.6-14, TP-469 11.2), then on CONNACK a
 * SUBSCRIBE to the own reply-to topic (the Response Information topic when the broker gives one,
 * R-MQTT.21; {@code topic/#} on 3.1.1 where peers append {@code /reply-to=}), then on SUBACK the
 * session is up. PUBLISH payloads are Records; a response goes to the request's reply-to (MQTT 5
 * Response Topic, or the 3.1.1 {@code /reply-to=} suffix), everything else to the peer topic
 * (R-MQTT.18-27). Keep-alive is one scheduled PINGREQ (HiveMQ's MqttPingHandler idea). Event loop
 * only.
 */
final class MqttConnectionHandler extends SimpleChannelInboundHandler<MqttMessage> {
  static final String NAME = "usp-mqtt";

  /** From TCP up to SUBACK, as the WebSocket upgrade is given (TP-469 7.10 allows 30 s). */
  static final int HANDSHAKE_SECONDS = 10;

  private static final String CONTENT_TYPE = "usp.msg";
  private static final String REPLY_TO = "/reply-to=";
  private static final MqttMessage PINGREQ =
      new MqttMessage(
          new MqttFixedHeader(MqttMessageType.PINGREQ, false, MqttQoS.AT_MOST_ONCE, false, 0));

  private final MqttConfig config;
  private final String eid;
  private final String peerId;
  private final MtpListener listener;
  private final MtpEvents events;
  private String ownTopic;
  private Session session;

  /** Why the session did not come up, when it did not. */
  private ConnectFailure failure = ConnectFailure.CLOSED;

  private String failureDetail = "closed before the SUBACK";
  private ScheduledFuture<?> ping;

  /** Closes a connection whose broker has not let the session up in time (CONNACK, SUBACK). */
  private ScheduledFuture<?> handshakeDeadline;

  /** When the broker last sent anything (the event loop's clock): a live one answers PINGREQ. */
  private long lastReadNanos;

  private String closeCause = "closed";

  /** This device's user name and password for CONNECT, null for none; dropped once sent. */
  private Credentials login;

  MqttConnectionHandler(
      MqttConfig config, String eid, String peerId, MtpListener listener, MtpEvents events) {
    this(config, eid, peerId, listener, events, null);
  }

  /**
   * @param login the user name and password CONNECT carries (a broker's per-device logins,
   *     Device.MQTT.Client.{i}.Username and Password), or null
   */
  MqttConnectionHandler(
      MqttConfig config,
      String eid,
      String peerId,
      MtpListener listener,
      MtpEvents events,
      Credentials login) {
    this.login = login;
    this.config = config;
    this.eid = eid;
    this.peerId = peerId;
    this.listener = listener;
    this.events = events;
    this.ownTopic = config.ownTopic(eid);
  }

  MtpSession session(Channel ch) {
    return session != null ? session : new Session(ch);
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    MqttProperties props = new MqttProperties();
    if (config.v5()) {
      props.add(new MqttProperties.UserProperty("usp-endpoint-id", eid));
      props.add(
          new MqttProperties.IntegerProperty(
              MqttProperties.MqttPropertyType.REQUEST_RESPONSE_INFORMATION.value(), 1));
    }
    // a broker that takes the TCP connection and never answers would hold the agent forever
    handshakeDeadline =
        ctx.executor()
            .schedule(
                () -> {
                  failed(
                      ConnectFailure.TIMEOUT,
                      "no CONNACK and SUBACK within " + HANDSHAKE_SECONDS + " s");
                  ctx.close();
                },
                HANDSHAKE_SECONDS,
                TimeUnit.SECONDS);
    MqttMessageBuilders.ConnectBuilder connect =
        MqttMessageBuilders.connect()
            .clientId(eid)
            .protocolVersion(config.v5() ? MqttVersion.MQTT_5 : MqttVersion.MQTT_3_1_1)
            .keepAlive(config.keepAliveSeconds())
            .cleanSession(true)
            .properties(props);
    if (login != null) {
      connect.hasUser(true).username(login.username());
      if (login.password() != null) {
        connect.hasPassword(true).password(login.password().getBytes(StandardCharsets.UTF_8));
      }
      login = null; // a connection's handler outlives its CONNECT; the secret need not
    }
    ctx.writeAndFlush(connect.build());
    ctx.fireChannelActive();
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, MqttMessage msg) {
    lastReadNanos = ctx.executor().ticker().nanoTime();
    switch (msg.fixedHeader().messageType()) {
      case CONNACK -> onConnAck(ctx, (MqttConnAckMessage) msg);
      case SUBACK -> onSubAck(ctx, (MqttSubAckMessage) msg);
      case PUBLISH -> onPublish((MqttPublishMessage) msg);
      case PINGRESP -> {}
      case DISCONNECT -> ctx.close();
      default -> {}
    }
  }

  private void onConnAck(ChannelHandlerContext ctx, MqttConnAckMessage ack) {
    MqttConnectReturnCode code = ack.variableHeader().connectReturnCode();
    if (code != MqttConnectReturnCode.CONNECTION_ACCEPTED) {
      failed(ConnectFailure.MQTT_CONNACK, "CONNACK " + code);
      ctx.close();
      return;
    }
    MqttProperties.MqttProperty<?> info =
        ack.variableHeader()
            .properties()
            .getProperty(MqttProperties.MqttPropertyType.RESPONSE_INFORMATION.value());
    if (config.v5() && info != null && info.value() instanceof String topic && !topic.isEmpty()) {
      ownTopic = topic; // R-MQTT.21: the broker-given reply-to topic
    }
    String filter = config.v5() ? ownTopic : ownTopic + "/#";
    MqttProperties props = new MqttProperties();
    if (config.v5()) {
      props.add(new MqttProperties.UserProperty("usp-endpoint-id", eid));
    }
    ctx.writeAndFlush(
        MqttMessageBuilders.subscribe()
            .messageId(1)
            .addSubscription(MqttQoS.AT_MOST_ONCE, filter)
            .properties(props)
            .build());
  }

  private void onSubAck(ChannelHandlerContext ctx, MqttSubAckMessage ack) {
    if (session != null) {
      // one SUBSCRIBE, one SUBACK: a second one is the broker's mistake, not a second session
      events.count("client: unexpected SUBACK", ctx.channel().remoteAddress());
      return;
    }
    for (int q : ack.payload().grantedQoSLevels()) {
      if (q >= 0x80) {
        // TP-469 11.11: every subscription failed: publish nothing, disconnect
        failed(ConnectFailure.MQTT_CONNACK, "SUBACK refused the subscription (0x" + q + ")");
        ctx.close();
        return;
      }
    }
    handshakeDeadline.cancel(false);
    handshakeDeadline = null; // kept, the cancelled task and its closure cost 88 B per agent
    session = new Session(ctx.channel());
    schedulePing(ctx);
    listener.onConnected(session);
  }

  private void onPublish(MqttPublishMessage publish) {
    if (session == null) {
      return;
    }
    String topic = publish.variableHeader().topicName();
    String replyTo = null;
    MqttProperties.MqttProperty<?> rt =
        publish
            .variableHeader()
            .properties()
            .getProperty(MqttProperties.MqttPropertyType.RESPONSE_TOPIC.value());
    if (rt != null && rt.value() instanceof String t && !t.isEmpty()) {
      replyTo = t;
    } else {
      int at = topic.indexOf(REPLY_TO);
      if (at >= 0) {
        replyTo =
            URLDecoder.decode(
                topic.substring(at + REPLY_TO.length()).replace("%2F", "/"),
                StandardCharsets.UTF_8);
      }
    }
    byte[] record = ByteBufUtil.getBytes(publish.payload());
    // the response goes to the request's reply-to (R-MQTT: response topic, or the 3.1.1 suffix):
    // an immutable route handed with the Record, since a listener may answer later, elsewhere
    listener.onRecord(replyTo == null ? session : session.routeTo(replyTo), record);
  }

  private void schedulePing(ChannelHandlerContext ctx) {
    if (config.keepAliveSeconds() <= 0) {
      return;
    }
    // a PINGREQ a little before the Keep Alive runs out (TP-469 11.7 wants one within 45 s of 60)
    long every = Math.max(1, config.keepAliveSeconds() * 3L / 4);
    lastReadNanos = ctx.executor().ticker().nanoTime();
    ping = ctx.executor().scheduleAtFixedRate(() -> keepAlive(ctx), every, every, TimeUnit.SECONDS);
  }

  /**
   * Sends the next PINGREQ, unless the broker has been silent for one and a half Keep Alive: two
   * PINGREQ unanswered. The client SHOULD then close the connection (MQTT 5 3.12.4, 3.1.1
   * 3.1.2.10), as the server would close ours: a hung broker whose sockets stay open would
   * otherwise hold the agent off its retry forever.
   */
  private void keepAlive(ChannelHandlerContext ctx) {
    long silent = ctx.executor().ticker().nanoTime() - lastReadNanos;
    if (silent > TimeUnit.SECONDS.toNanos(config.keepAliveSeconds()) * 3 / 2) {
      events.count(
          "client: broker silent for 1.5 x Keep Alive (closed)", ctx.channel().remoteAddress());
      closeCause = "no PINGRESP from the broker";
      ctx.close();
      return;
    }
    ctx.writeAndFlush(PINGREQ);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (ping != null) {
      ping.cancel(false);
    }
    if (handshakeDeadline != null) {
      handshakeDeadline.cancel(false);
    }
    if (session != null) {
      listener.onDisconnected(session, closeCause);
    } else {
      listener.onConnectFailed(session(ctx.channel()), failure, failureDetail);
    }
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
    if (evt instanceof SslHandshakeCompletionEvent tls && !tls.isSuccess()) {
      failed(ConnectFailure.TLS, ConnectFailure.detail(tls.cause()));
    }
    super.userEventTriggered(ctx, evt);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (session == null) {
      failed(ConnectFailure.of(cause), ConnectFailure.detail(cause));
    }
    ctx.close();
  }

  /** Keeps the first reason the session did not come up (later ones are its consequences). */
  private void failed(ConnectFailure kind, String detail) {
    if (failure == ConnectFailure.CLOSED) {
      failure = kind;
      failureDetail = detail;
    }
  }

  /** The USP view of this connection. */
  private final class Session implements BrokerRoute.BrokerSession {
    private final Channel channel;

    Session(Channel channel) {
      this.channel = channel;
    }

    @Override
    public boolean send(byte[] record) {
      return sendTo(config.peerTopic(), record);
    }

    /** Publishes a Record to the peer topic {@code to}, with this side's reply-to. */
    @Override
    public boolean sendTo(String to, byte[] record) {
      if (!channel.isActive()) {
        return false;
      }
      String topic;
      MqttProperties props = new MqttProperties();
      if (config.v5()) {
        topic = to;
        props.add(
            new MqttProperties.StringProperty(
                MqttProperties.MqttPropertyType.CONTENT_TYPE.value(), CONTENT_TYPE));
        props.add(
            new MqttProperties.StringProperty(
                MqttProperties.MqttPropertyType.RESPONSE_TOPIC.value(), ownTopic));
      } else {
        // 3.1.1 carries the reply-to in the topic (R-MQTT.24): "/" encoded as %2F
        topic = to + REPLY_TO + ownTopic.replace("/", "%2F");
      }
      channel.writeAndFlush(
          MqttMessageBuilders.publish()
              .topicName(topic)
              .qos(MqttQoS.AT_MOST_ONCE)
              .retained(false)
              .payload(Unpooled.wrappedBuffer(record))
              .properties(props)
              .build(),
          channel.voidPromise());
      return true;
    }

    @Override
    public void close(int status, String reason) {
      if (channel.isActive()) {
        channel.writeAndFlush(
            new MqttMessage(
                new MqttFixedHeader(
                    MqttMessageType.DISCONNECT, false, MqttQoS.AT_MOST_ONCE, false, 0)));
        channel.close();
      }
    }

    @Override
    public String peerEndpointId() {
      return peerId;
    }

    @Override
    public byte[] connectRecord(String toId, String fromId) {
      return UspMessages.encodeMqttConnect(toId, fromId, config.v5(), ownTopic);
    }
  }
}
