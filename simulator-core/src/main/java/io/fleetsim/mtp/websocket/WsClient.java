package io.fleetsim.mtp.websocket;

import io.fleetsim.mtp.ConnectFailure;
import io.fleetsim.mtp.Connector;
import io.fleetsim.mtp.MtpEvents;
import io.fleetsim.mtp.MtpListener;
import io.fleetsim.mtp.Tls;
import io.fleetsim.mtp.Transports;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.IdleStateHandler;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.TimeUnit;

/**
 * The agent side of the WebSocket MTP: one per run, shared by every agent. It holds one Bootstrap
 * template that every connect and reconnect clones (Gatling's HttpEngine, Netty's UptimeClient).
 * Connections may come from many 127.x.y.z source addresses so one box holds more than one port
 * range of them.
 */
public final class WsClient implements Connector {
  private final Bootstrap template;
  private final URI controllerUrl;
  private final int maxRecordBytes;
  private final int keepAliveSeconds;
  private final SslContext tls;
  private final MtpEvents events;

  /**
   * @param controllerUrl {@code ws://host:port/path} of the Controller ({@code wss://} trusts the
   *     JDK's CAs)
   * @param keepAliveSeconds Ping after this long without sending (KeepAliveInterval; 0 = none)
   */
  public WsClient(
      Transports transports, URI controllerUrl, int maxRecordBytes, int keepAliveSeconds) {
    this(
        transports,
        controllerUrl,
        maxRecordBytes,
        keepAliveSeconds,
        "wss".equalsIgnoreCase(controllerUrl.getScheme()) ? Tls.client(null) : null);
  }

  /**
   * @param tls the run's client TLS context for {@code wss://} (see {@link Tls}); null for ws://
   */
  public WsClient(
      Transports transports,
      URI controllerUrl,
      int maxRecordBytes,
      int keepAliveSeconds,
      SslContext tls) {
    boolean secure = "wss".equalsIgnoreCase(controllerUrl.getScheme());
    if (secure != (tls != null)) {
      throw new IllegalArgumentException(
          controllerUrl
              + (secure ? " needs a TLS context" : " is not wss:// but got a TLS context"));
    }
    this.tls = tls;
    this.controllerUrl = controllerUrl;
    this.maxRecordBytes = maxRecordBytes;
    this.keepAliveSeconds = keepAliveSeconds;
    this.template = transports.clientTemplate();
    this.events = transports.events();
  }

  private int port(URI uri) {
    return uri.getPort() > 0 ? uri.getPort() : tls != null ? 443 : 80;
  }

  /**
   * Messages up to twice the Record limit reach the agent, which counts an oversized Record as a
   * drop and keeps the session; beyond that the WebSocket layer closes with 1009 to protect memory.
   */
  private int frameLimit() {
    return (int) Math.min(Integer.MAX_VALUE, 2L * maxRecordBytes);
  }

  /**
   * Connects agent {@code eid} to the Controller; {@code listener} hears of the session on the
   * connection's event loop. A failed connect is reported through {@code onDisconnected}.
   *
   * @param loop the event loop the connection lives on (an agent keeps one for all its work)
   * @param localAddress the source address to bind, or null for any
   */
  @Override
  public void connect(
      String eid,
      String controllerId,
      MtpListener listener,
      EventLoop loop,
      InetSocketAddress localAddress) {
    URI uri = WsUris.withEndpointId(controllerUrl, eid);
    WebSocketClientProtocolConfig config =
        WebSocketClientProtocolConfig.newBuilder()
            .webSocketUri(uri)
            .subprotocol(WsUris.SUBPROTOCOL)
            .maxFramePayloadLength(frameLimit())
            .handleCloseFrames(true)
            .dropPongFrames(false)
            .handshakeTimeoutMillis(10_000)
            .build();
    WsFrameHandler frames = new WsFrameHandler(listener, controllerId, events);
    Bootstrap b =
        template
            .clone(loop)
            .handler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel ch) {
                    ChannelPipeline p = ch.pipeline();
                    if (tls != null) {
                      p.addLast(tls.newHandler(ch.alloc(), uri.getHost(), port(uri)));
                    }
                    p.addLast(new HttpClientCodec());
                    p.addLast(new HttpObjectAggregator(8192));
                    p.addLast(new WebSocketClientProtocolHandler(config));
                    // R-WS.14a: reassemble fragmented messages
                    p.addLast(new WebSocketFrameAggregator(frameLimit()));
                    if (keepAliveSeconds > 0) {
                      // reader idle too: a ping also when nothing came in, so a silent peer
                      // is found even while this side keeps sending
                      p.addLast(
                          new IdleStateHandler(
                              keepAliveSeconds, keepAliveSeconds, 0, TimeUnit.SECONDS));
                    }
                    p.addLast(WsFrameHandler.NAME, frames);
                  }
                });
    InetSocketAddress remote = new InetSocketAddress(uri.getHost(), port(uri));
    ChannelFuture f = localAddress == null ? b.connect(remote) : b.connect(remote, localAddress);
    f.addListener(
        done -> {
          if (!done.isSuccess()) {
            Channel ch = f.channel();
            listener.onConnectFailed(
                new WsSession(ch, ""),
                ConnectFailure.of(done.cause()),
                ConnectFailure.detail(done.cause()));
          }
        });
  }
}
