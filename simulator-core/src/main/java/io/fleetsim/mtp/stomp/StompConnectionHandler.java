package io.fleetsim.mtp.stomp;

import io.fleetsim.identity.Credentials;
import io.fleetsim.mtp.ConnectFailure;
import io.fleetsim.mtp.MtpEvents;
import io.fleetsim.mtp.MtpListener;
import io.fleetsim.mtp.MtpSession;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.stomp.StompFrame;
import io.netty.handler.codec.stomp.StompHeaders;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.util.concurrent.ScheduledFuture;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * One STOMP MTP connection (TR-369 STOMP binding): the STOMP frame, then on CONNECTED a SUBSCRIBE
 * to the broker's {@code subscribe-dest} or else the own destination (TP-469 6.5, 6.6), then on its
 * RECEIPT the session is up. MESSAGE bodies are Records, each answered at its {@code
 * reply-to-dest}; everything else goes to the peer destination. Heart-beats as negotiated in
 * CONNECTED, by the client's {@link StompHeartbeats} sweep: an idle connection sends an
 * end-of-line, and a broker silent for twice its period is taken as gone (TP-469 6.8). An ERROR
 * frame or a lost connection ends the session, and the agent retries with the STOMP retry wait.
 * Never ACK, NACK or transactions: ack:auto, and each Record is one SEND. Event loop only.
 */
final class StompConnectionHandler extends SimpleChannelInboundHandler<StompFrame> {
  static final String NAME = "usp-stomp";

  /** From TCP up to the RECEIPT of the SUBSCRIBE, as for the other MTPs (TP-469 allows 30 s). */
  static final int HANDSHAKE_SECONDS = 10;

  private final StompConfig config;
  private final String eid;
  private final String peerId;
  private final MtpListener listener;
  private final MtpEvents events;

  /** Where this side is reached: configured, or the broker's subscribe-dest (fromServer). */
  private volatile String ownDestination;

  private volatile boolean fromServer;
  private StompSession session;
  private ConnectFailure failure = ConnectFailure.CLOSED;
  private String failureDetail = "closed before the SUBSCRIBE's RECEIPT";
  private ScheduledFuture<?> handshakeDeadline;
  private String closeCause = "closed";
  private final StompHeartbeats heartbeats;
  private ChannelHandlerContext ctx;

  /** Negotiated heart-beat periods in nanoseconds, 0 for none (set on CONNECTED). */
  private long sendEveryNanos;

  private long expectEveryNanos;

  /** System.nanoTime() of the last read (any bytes, heart-beats too) and the last write. */
  private long lastReadNanos;

  private volatile long lastWriteNanos;

  /** This device's login and passcode for the connect, null for the run's; dropped once sent. */
  private Credentials login;

  StompConnectionHandler(
      StompConfig config,
      String eid,
      String peerId,
      MtpListener listener,
      MtpEvents events,
      StompHeartbeats heartbeats) {
    this(config, eid, peerId, listener, events, heartbeats, null);
  }

  StompConnectionHandler(
      StompConfig config,
      String eid,
      String peerId,
      MtpListener listener,
      MtpEvents events,
      StompHeartbeats heartbeats,
      Credentials login) {
    this.login = login;
    this.config = config;
    this.eid = eid;
    this.peerId = peerId;
    this.listener = listener;
    this.events = events;
    this.heartbeats = heartbeats;
    this.ownDestination = config.ownDestination(eid);
  }

  MtpSession session(Channel ch) {
    return session != null ? session : new StompSession(ch, this, config, peerId);
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    this.ctx = ctx;
    String configured = listener.ownAddress();
    if (configured != null && !configured.isEmpty()) {
      ownDestination = configured; // a Controller set it (TP-469 6.10)
    }
    handshakeDeadline =
        ctx.executor()
            .schedule(
                () -> {
                  failed(
                      ConnectFailure.TIMEOUT,
                      "no CONNECTED and RECEIPT within " + HANDSHAKE_SECONDS + " s");
                  ctx.close();
                },
                HANDSHAKE_SECONDS,
                TimeUnit.SECONDS);
    ctx.writeAndFlush(StompFrames.connect(config, eid, login));
    login = null; // a connection's handler outlives its connect frame; the secret need not
    ctx.fireChannelActive();
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, StompFrame frame) {
    switch (frame.command()) {
      case CONNECTED -> onConnected(ctx, frame.headers());
      case RECEIPT -> onReceipt(ctx, frame.headers());
      case MESSAGE -> onMessage(frame);
      case ERROR -> onError(ctx, frame);
      default -> events.count("client: unexpected STOMP " + frame.command(), eid);
    }
  }

  private void onConnected(ChannelHandlerContext ctx, StompHeaders h) {
    String version = h.getAsString(StompHeaders.VERSION);
    if (version != null && !version.equals("1.2")) {
      failed(ConnectFailure.STOMP_ERROR, "the broker speaks STOMP " + version + ", not 1.2");
      ctx.close();
      return;
    }
    String given = h.getAsString(StompFrames.SUBSCRIBE_DEST);
    if (given != null && !given.isEmpty()) {
      ownDestination = given; // TP-469 6.5: the broker's destination wins (DestinationFromServer)
      fromServer = true;
    }
    if (ownDestination.isEmpty()) {
      // TP-469 6.7: neither the broker nor the configuration names a destination: leave, retry
      failed(ConnectFailure.STOMP_ERROR, "no subscribe-dest from the broker and no destination");
      ctx.writeAndFlush(StompFrames.disconnect()).addListener(f -> ctx.close());
      return;
    }
    String heartBeat = h.getAsString(StompHeaders.HEART_BEAT);
    long send = StompFrames.sendEveryMillis(config.outgoingHeartbeatMillis(), heartBeat);
    long expect = StompFrames.expectEveryMillis(config.incomingHeartbeatMillis(), heartBeat);
    if (send > 0 || expect > 0) {
      sendEveryNanos = TimeUnit.MILLISECONDS.toNanos(send);
      expectEveryNanos = TimeUnit.MILLISECONDS.toNanos(expect);
      lastReadNanos = System.nanoTime();
      wrote();
      heartbeats.add(ctx.channel().eventLoop(), this);
    }
    ctx.writeAndFlush(StompFrames.subscribe(ownDestination));
  }

  private void onReceipt(ChannelHandlerContext ctx, StompHeaders h) {
    String id = h.getAsString(StompHeaders.RECEIPT_ID);
    if (StompFrames.DISCONNECT_RECEIPT.equals(id)) {
      ctx.close(); // the broker has handled all we sent (StompFrames#disconnect)
      return;
    }
    if (session != null || !StompFrames.SUBSCRIBE_RECEIPT.equals(id)) {
      return;
    }
    handshakeDeadline.cancel(false);
    handshakeDeadline = null; // kept, the cancelled task and its closure cost 88 B per agent
    session = new StompSession(ctx.channel(), this, config, peerId);
    listener.onConnected(session);
  }

  private void onMessage(StompFrame frame) {
    if (session == null) {
      return;
    }
    if (frame.headers().contains(StompFrames.REDELIVERED, "true", true)) {
      // not STOMP 1.2 but Artemis' and RabbitMQ's: a message this side was sent before (ack:auto
      // means it was taken then). Processed as a device would, and counted, so that a duplicate
      // answer a Controller sees has its cause on record.
      events.count(
          "client: STOMP message redelivered by the broker", ctx.channel().remoteAddress());
    }
    String replyTo = frame.headers().getAsString(StompFrames.REPLY_TO_DEST);
    byte[] record = ByteBufUtil.getBytes(frame.content());
    // always a route: closing it for a bad Record leaves the shared broker connection up
    listener.onRecord(
        session.routeTo(replyTo == null || replyTo.isEmpty() ? config.peerDestination() : replyTo),
        record);
  }

  private void onError(ChannelHandlerContext ctx, StompFrame frame) {
    String message = frame.headers().getAsString(StompHeaders.MESSAGE);
    // the message header is short ("Bad CONNECT"); brokers put the reason in the body
    String body = frame.content().toString(StandardCharsets.UTF_8).strip();
    if (body.length() > 200) {
      body = body.substring(0, 200) + "…";
    }
    String detail =
        "ERROR frame: "
            + (message == null ? "(no message)" : message)
            + (body.isEmpty() ? "" : " (" + body.replaceAll("\\s+", " ") + ")");
    events.count("client: STOMP ERROR frame (closed)", detail);
    failed(ConnectFailure.STOMP_ERROR, detail);
    closeCause = detail;
    ctx.close(); // the broker closes after an ERROR (STOMP 1.2); do not wait for it
  }

  String ownDestination() {
    return ownDestination;
  }

  boolean fromServer() {
    return fromServer;
  }

  /**
   * Moves the subscription to {@code destination}: UNSUBSCRIBE, then SUBSCRIBE (TR-369 STOMP
   * binding, TP-469 6.10), unless the broker gave the destination, which stays. Any thread.
   */
  void resubscribe(String destination) {
    ctx.executor()
        .execute(
            () -> {
              if (fromServer || destination.isEmpty() || destination.equals(ownDestination)) {
                return;
              }
              ownDestination = destination;
              ctx.write(StompFrames.unsubscribe());
              ctx.writeAndFlush(StompFrames.subscribe(destination));
              wrote();
            });
  }

  /** Anything read, a heart-beat too: the decoder swallows those, but not this event. */
  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    lastReadNanos = System.nanoTime();
    ctx.fireChannelReadComplete();
  }

  /** This connection sent something: no heart-beat owed for a period. */
  void wrote() {
    lastWriteNanos = System.nanoTime();
  }

  /**
   * One pass of the sweep, on this connection's loop: a heart-beat when it has been quiet for its
   * period, a close when the broker has been silent for twice its own (STOMP 1.2 leaves the
   * tolerance to the implementation). False once the connection is gone: the sweep drops it.
   */
  boolean heartbeat(long now) {
    if (!ctx.channel().isActive()) {
      return false;
    }
    if (expectEveryNanos > 0 && now - lastReadNanos > 2 * expectEveryNanos) {
      events.count("client: broker heart-beats stopped (closed)", ctx.channel().remoteAddress());
      closeCause = "no heart-beat from the broker";
      ctx.close();
      return false;
    }
    if (sendEveryNanos > 0 && now - lastWriteNanos >= sendEveryNanos) {
      wrote();
      ctx.writeAndFlush(StompFrames.heartbeat(), ctx.voidPromise());
    }
    return true;
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
    if (evt instanceof SslHandshakeCompletionEvent tls && !tls.isSuccess()) {
      failed(ConnectFailure.TLS, ConnectFailure.detail(tls.cause()));
    }
    super.userEventTriggered(ctx, evt);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
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
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (cause instanceof CorruptedFrameException) {
      // Netty's decoder discards everything after a bad frame: only a new connection recovers
      events.count("client: undecodable STOMP frame (closed)", ctx.channel().remoteAddress());
      closeCause = "undecodable STOMP frame: " + cause.getMessage();
      failed(ConnectFailure.OTHER, closeCause);
      ctx.close();
      return;
    }
    if (cause instanceof TooLongFrameException && session != null) {
      // the aggregator dropped a body over the limit and skips to the next frame: one Record lost,
      // the connection (which a Controller shares with every agent) stays up
      events.count(
          "client: STOMP frame over " + config.maxFrameBytes() + " bytes (dropped)",
          ctx.channel().remoteAddress());
      return;
    }
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
}
