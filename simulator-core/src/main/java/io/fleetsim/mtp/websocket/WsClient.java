package io.fleetsim.mtp.websocket;

import io.fleetsim.identity.Credentials;
import io.fleetsim.identity.DeviceId;
import io.fleetsim.identity.Logins;
import io.fleetsim.mtp.ClientConnect;
import io.fleetsim.mtp.ClientTls;
import io.fleetsim.mtp.Connector;
import io.fleetsim.mtp.MtpEvents;
import io.fleetsim.mtp.MtpListener;
import io.fleetsim.mtp.Tls;
import io.fleetsim.mtp.Transports;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.IdleStateHandler;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
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
  private final ClientTls tls;
  private final Logins logins;
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
    this(transports, controllerUrl, maxRecordBytes, keepAliveSeconds, ClientTls.of(tls), null);
  }

  /**
   * @param tls the run's client TLS for {@code wss://} (null for ws://), per device when each agent
   *     presents its own certificate
   * @param logins each agent's user name and password, sent as HTTP Basic authorization on the
   *     upgrade (RFC 7617), or null for none
   */
  public WsClient(
      Transports transports,
      URI controllerUrl,
      int maxRecordBytes,
      int keepAliveSeconds,
      ClientTls tls,
      Logins logins) {
    boolean secure = "wss".equalsIgnoreCase(controllerUrl.getScheme());
    if (secure != (tls != null)) {
      throw new IllegalArgumentException(
          controllerUrl
              + (secure ? " needs a TLS context" : " is not wss:// but got a TLS context"));
    }
    this.tls = tls;
    this.logins = logins;
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
      DeviceId device,
      String controllerId,
      MtpListener listener,
      EventLoop loop,
      InetSocketAddress localAddress) {
    URI uri = WsUris.withEndpointId(controllerUrl, device.eid());
    WebSocketClientProtocolConfig config =
        WebSocketClientProtocolConfig.newBuilder()
            .webSocketUri(uri)
            .subprotocol(WsUris.SUBPROTOCOL)
            .customHeaders(authorization(device))
            .maxFramePayloadLength(frameLimit())
            .handleCloseFrames(true)
            .dropPongFrames(false)
            .handshakeTimeoutMillis(10_000)
            .build();
    WsFrameHandler frames = new WsFrameHandler(listener, controllerId, events);
    ClientConnect.open(
        template,
        loop,
        new InetSocketAddress(uri.getHost(), port(uri)),
        localAddress,
        tls,
        device,
        p -> {
          p.addLast(new HttpClientCodec());
          p.addLast(new HttpObjectAggregator(8192));
          p.addLast(new WebSocketClientProtocolHandler(config));
          // R-WS.14a: reassemble fragmented messages
          p.addLast(new WebSocketFrameAggregator(frameLimit()));
          if (keepAliveSeconds > 0) {
            // reader idle too: a ping also when nothing came in, so a silent peer
            // is found even while this side keeps sending
            p.addLast(
                new IdleStateHandler(keepAliveSeconds, keepAliveSeconds, 0, TimeUnit.SECONDS));
          }
          p.addLast(WsFrameHandler.NAME, frames);
        },
        listener,
        ch -> new WsSession(ch, ""));
  }

  /** The upgrade's {@code Authorization: Basic} header for this device's login, or none. */
  private HttpHeaders authorization(DeviceId device) {
    Credentials c = logins == null ? null : logins.forDevice(device);
    if (c == null) {
      return EmptyHttpHeaders.INSTANCE;
    }
    String pair = c.username() + ":" + (c.password() == null ? "" : c.password());
    return new DefaultHttpHeaders()
        .set(
            HttpHeaderNames.AUTHORIZATION,
            "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
  }
}
