package io.fleetsim.mtp.websocket;

import io.fleetsim.mtp.ListenException;
import io.fleetsim.mtp.MtpEvents;
import io.fleetsim.mtp.MtpListener;
import io.fleetsim.mtp.PeerLimits;
import io.fleetsim.mtp.Transports;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.util.function.Supplier;

/**
 * The server side of the WebSocket MTP (the embedded Controller, or an agent accepting a
 * Controller, R-WS.6). A handshake without subprotocol {@code v1.usp} is refused (R-WS.12a); the
 * client's {@code ?eid=} names the peer. The {@link PeerLimits} of the transports apply to each
 * connection: handshake and idle timeouts, a pace of Records per second, connections per address; a
 * peer that does not read its answers is not read either.
 */
public final class WsServer implements AutoCloseable {
  private final Channel channel;
  private final ChannelGroup accepted;

  private WsServer(Channel channel, ChannelGroup accepted) {
    this.channel = channel;
    this.accepted = accepted;
  }

  /** Listens on {@code address} (port 0: any free port); one listener per accepted connection. */
  public static WsServer bind(
      Transports transports,
      InetSocketAddress address,
      String path,
      int maxRecordBytes,
      Supplier<MtpListener> listeners) {
    return bind(transports, address, path, maxRecordBytes, null, listeners);
  }

  /** As {@link #bind}, over TLS (wss://) when {@code tls} is a server context. */
  public static WsServer bind(
      Transports transports,
      InetSocketAddress address,
      String path,
      int maxRecordBytes,
      SslContext tls,
      Supplier<MtpListener> listeners) {
    WebSocketServerProtocolConfig config =
        WebSocketServerProtocolConfig.newBuilder()
            .websocketPath(path)
            .subprotocols(WsUris.SUBPROTOCOL)
            .checkStartsWith(true)
            .maxFramePayloadLength(maxRecordBytes)
            .handleCloseFrames(true)
            .dropPongFrames(false)
            .build();
    ChannelGroup accepted = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    PeerLimits limits = transports.limits();
    SourceLimit sources = new SourceLimit(limits.connectionsPerSource(), transports.events());
    ServerBootstrap b =
        new ServerBootstrap()
            .group(transports.group())
            .channel(transports.serverChannel())
            .option(ChannelOption.SO_BACKLOG, 4096)
            .option(ChannelOption.SO_REUSEADDR, true)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childHandler(
                new ChannelInitializer<Channel>() {
                  @Override
                  protected void initChannel(Channel ch) {
                    if (!sources.admit(ch)) {
                      ch.close();
                      return;
                    }
                    accepted.add(ch);
                    ChannelPipeline p = ch.pipeline();
                    if (tls != null) {
                      p.addLast(tls.newHandler(ch.alloc()));
                    }
                    p.addLast(new HttpServerCodec());
                    p.addLast(new HttpObjectAggregator(8192));
                    p.addLast(new SubprotocolCheck(transports.events()));
                    p.addLast(new WebSocketServerProtocolHandler(config));
                    p.addLast(new NotFound(transports.events()));
                    p.addLast(new PeerGuard(limits, transports.events()));
                    p.addLast(new WebSocketFrameAggregator(maxRecordBytes));
                    p.addLast(new PeerBackpressure(limits.recordsPerSecond(), transports.events()));
                    p.addLast(
                        WsFrameHandler.NAME,
                        new WsFrameHandler(listeners.get(), "", transports.events()));
                  }
                });
    return new WsServer(ListenException.await(b.bind(address), address), accepted);
  }

  /** The bound address (the real port when bound to port 0). */
  public InetSocketAddress address() {
    return (InetSocketAddress) channel.localAddress();
  }

  /** Stops listening and drops every connection (an outage, as the agents see it). */
  @Override
  public void close() {
    channel.close().syncUninterruptibly();
    accepted.close().syncUninterruptibly();
  }

  /**
   * Drops {@code request}, answers {@code response} and closes: an upgrade this listener refuses.
   */
  private static void refuse(
      ChannelHandlerContext ctx, FullHttpRequest request, DefaultFullHttpResponse response) {
    ReferenceCountUtil.release(request);
    ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
  }

  /**
   * Answers 404 to a request for another path (the WebSocket handler passes those on): without an
   * answer the client would wait for its handshake timeout, not knowing the path is wrong.
   */
  private static final class NotFound extends ChannelInboundHandlerAdapter {
    private final MtpEvents events;

    NotFound(MtpEvents events) {
      this.events = events;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      if (msg instanceof FullHttpRequest req) {
        events.count("listener: refused handshake (unknown path)", req.uri());
        refuse(
            ctx,
            req,
            new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.NOT_FOUND));
        return;
      }
      ctx.fireChannelRead(msg);
    }
  }

  /**
   * Answers 400 to an upgrade that does not offer v1.usp; removes itself after the first request.
   */
  private static final class SubprotocolCheck extends ChannelInboundHandlerAdapter {
    private final MtpEvents events;

    SubprotocolCheck(MtpEvents events) {
      this.events = events;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      if (msg instanceof FullHttpRequest req) {
        String offered = req.headers().get(HttpHeaderNames.SEC_WEBSOCKET_PROTOCOL, "");
        boolean usp = false;
        for (String p : offered.split(",")) {
          usp |= p.trim().equals(WsUris.SUBPROTOCOL);
        }
        if (!usp) {
          events.count("listener: refused handshake (no v1.usp)", ctx.channel().remoteAddress());
          refuse(
              ctx,
              req,
              new DefaultFullHttpResponse(
                  HttpVersion.HTTP_1_1,
                  HttpResponseStatus.BAD_REQUEST,
                  Unpooled.copiedBuffer(
                      "subprotocol v1.usp required", java.nio.charset.StandardCharsets.UTF_8)));
          return;
        }
        ctx.pipeline().remove(this);
      }
      ctx.fireChannelRead(msg);
    }
  }
}
