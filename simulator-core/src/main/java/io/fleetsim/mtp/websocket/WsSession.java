package io.fleetsim.mtp.websocket;

import io.fleetsim.identity.CertifiedEndpoint;
import io.fleetsim.mtp.MtpSession;
import io.fleetsim.usp.message.UspMessages;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.ssl.SslHandler;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLPeerUnverifiedException;

/** A WebSocket MTP connection: one Record per binary message, never fragmented (R-WS.14/14b). */
final class WsSession implements MtpSession {
  private final Channel channel;
  private final String peerEndpointId;

  WsSession(Channel channel, String peerEndpointId) {
    this.channel = channel;
    this.peerEndpointId = peerEndpointId;
  }

  @Override
  public boolean send(byte[] record) {
    if (!channel.isActive()) {
      return false;
    }
    channel.writeAndFlush(
        new BinaryWebSocketFrame(Unpooled.wrappedBuffer(record)), channel.voidPromise());
    return true;
  }

  @Override
  public void close(int status, String reason) {
    if (channel.isActive() && !WebSocketCloseStatus.isValidStatusCode(status)) {
      // 1006 and the other reserved codes are never sent (RFC 6455 7.4.1): 1006 names a connection
      // that ended without a Close frame, which is what a dropped link does
      channel.close();
    } else if (channel.isActive()) {
      channel
          .writeAndFlush(new CloseWebSocketFrame(status, reason))
          .addListener(ChannelFutureListener.CLOSE);
    }
  }

  @Override
  public String peerEndpointId() {
    return peerEndpointId;
  }

  @Override
  public String certifiedEndpointId() {
    SslHandler tls = channel.pipeline().get(SslHandler.class);
    if (tls == null) {
      return null;
    }
    try {
      Certificate[] chain = tls.engine().getSession().getPeerCertificates();
      return chain.length > 0 && chain[0] instanceof X509Certificate c
          ? CertifiedEndpoint.of(c)
          : "";
    } catch (SSLPeerUnverifiedException none) {
      return null;
    }
  }

  @Override
  public String remoteAddress() {
    return String.valueOf(channel.remoteAddress());
  }

  @Override
  public byte[] connectRecord(String toId, String fromId) {
    return UspMessages.encodeWebSocketConnect(toId, fromId);
  }

  Channel channel() {
    return channel;
  }
}
