package io.fleetsim.mtp.websocket;

import io.fleetsim.mtp.ConnectFailure;
import io.fleetsim.mtp.MtpEvents;
import io.fleetsim.mtp.MtpListener;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;

/**
 * Frames of an established USP WebSocket session, client or server side: binary frames are Records;
 * a text frame or an undecodable Record closes with 1003 (R-WS.16, TP-469 7.6); unsolicited Pongs
 * are tolerated (R-WS.18); when the writer or the reader has been idle for the keep-alive interval
 * a Ping goes out (R-WS.17), and a peer silent for {@link #SILENT_INTERVALS} intervals in a row is
 * left. Called on the channel's event loop only.
 */
final class WsFrameHandler extends SimpleChannelInboundHandler<WebSocketFrame> {
  static final String NAME = "usp-frames";

  /** Unanswered keep-alive intervals after which the peer counts as gone. */
  static final int SILENT_INTERVALS = 3;

  private final MtpListener listener;
  private final String peerFromClientSide;
  private final MtpEvents events;
  private WsSession session;
  private String closeCause = "closed";

  /** Keep-alive intervals in a row in which nothing came from the peer (pings were sent). */
  private int silentIntervals;

  /** Why the handshake failed, when it did: reported instead of a disconnect. */
  private ConnectFailure failure = ConnectFailure.CLOSED;

  /**
   * @param peerFromClientSide the Controller's endpoint ID when this side dialled out; "" on the
   *     server side, where the client's {@code ?eid=} names the peer
   */
  WsFrameHandler(MtpListener listener, String peerFromClientSide, MtpEvents events) {
    this.listener = listener;
    this.peerFromClientSide = peerFromClientSide;
    this.events = events;
  }

  /** "listener: …" or "client: …": which side of a connection saw it. */
  private String side(String what) {
    return (peerFromClientSide.isEmpty() ? "listener: " : "client: ") + what;
  }

  /** The handshake is done: from now on Records flow. */
  void connected(WsSession s) {
    this.session = s;
    listener.onConnected(s);
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
    if (frame instanceof BinaryWebSocketFrame) {
      if (session == null) {
        return; // before the handshake completed: nothing can be addressed yet
      }
      byte[] record = ByteBufUtil.getBytes(frame.content());
      if (!listener.onRecord(session, record)) {
        session.close(WebSocketCloseStatus.INVALID_MESSAGE_TYPE.code(), "undecodable USP Record");
      }
    } else if (frame instanceof PongWebSocketFrame) {
      // keep-alive answers and unsolicited pongs need nothing (R-WS.18)
    } else if (frame instanceof PingWebSocketFrame) {
      ctx.writeAndFlush(new PongWebSocketFrame(frame.content().retain()));
    } else if (session != null) {
      events.count(side("text frame (closed 1003)"), ctx.channel().remoteAddress());
      session.close(WebSocketCloseStatus.INVALID_MESSAGE_TYPE.code(), "USP uses binary frames");
    }
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
    silentIntervals = 0;
    super.channelRead(ctx, msg);
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
    if (evt instanceof IdleStateEvent idle) {
      if (session == null) {
        return; // no frame may go out before the upgrade is done
      }
      if (idle.state() == IdleState.READER_IDLE && ++silentIntervals >= SILENT_INTERVALS) {
        // our pings went unanswered for three keep-alive intervals (R-WS.17: a live peer
        // answers each with a Pong): a hung peer whose socket stays open, so leave and retry
        events.count(
            side("peer silent for " + SILENT_INTERVALS + " keep-alive intervals (closed)"),
            ctx.channel().remoteAddress());
        closeCause = "no answer to pings for " + SILENT_INTERVALS + " keep-alive intervals";
        ctx.close();
        return;
      }
      ctx.writeAndFlush(new PingWebSocketFrame());
    } else if (evt == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
      connected(new WsSession(ctx.channel(), peerFromClientSide));
    } else if (evt == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_TIMEOUT) {
      failed(ConnectFailure.TIMEOUT, "no WebSocket handshake answer in time");
      ctx.close();
    } else if (evt instanceof SslHandshakeCompletionEvent tls && !tls.isSuccess()) {
      // a wss:// peer we do not trust (or that does not trust us): say why
      failed(ConnectFailure.TLS, ConnectFailure.detail(tls.cause()));
      ctx.close();
    } else if (evt instanceof WebSocketServerProtocolHandler.HandshakeComplete done) {
      connected(new WsSession(ctx.channel(), WsUris.endpointIdOf(done.requestUri())));
    } else {
      super.userEventTriggered(ctx, evt);
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (session != null) {
      listener.onDisconnected(session, closeCause);
    } else {
      listener.onConnectFailed(new WsSession(ctx.channel(), ""), failure, closeCause);
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (cause instanceof TooLongFrameException
        || cause instanceof CorruptedWebSocketFrameException c
            && c.closeStatus() == WebSocketCloseStatus.MESSAGE_TOO_BIG) {
      // over twice the Record limit: the WebSocket layer closes with 1009 to protect memory
      events.count(side("oversized frame (closed 1009)"), ctx.channel().remoteAddress());
    } else if (cause instanceof CorruptedWebSocketFrameException) {
      events.count(side("malformed frame"), ctx.channel().remoteAddress());
    }
    if (session == null) {
      // an HTTP error or a missing v1.usp in the upgrade answer, a TLS or socket error
      failed(ConnectFailure.of(cause), ConnectFailure.detail(cause));
    }
    ctx.close();
  }

  /** Keeps the first reason the handshake failed (later ones are its consequences). */
  private void failed(ConnectFailure kind, String detail) {
    if (failure == ConnectFailure.CLOSED) {
      failure = kind;
      closeCause = detail;
    }
  }
}
