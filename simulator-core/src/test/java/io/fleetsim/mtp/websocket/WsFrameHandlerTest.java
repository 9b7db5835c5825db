package io.fleetsim.mtp.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsim.mtp.MtpListener;
import io.fleetsim.testing.Listener;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.timeout.IdleStateEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** TP-469 section 7 (WebSocket MTP) cases that live in the frame handler, on an EmbeddedChannel. */
class WsFrameHandlerTest {
  private final List<byte[]> records = new ArrayList<>();
  private final List<String> events = new ArrayList<>();
  private final io.fleetsim.mtp.MtpEvents mtpEvents = new io.fleetsim.mtp.MtpEvents();
  private boolean accept = true;

  private final MtpListener listener =
      Listener.IGNORE
          .whenConnected(session -> events.add("connected " + session.peerEndpointId()))
          .whenRecord(
              (session, record) -> {
                records.add(record);
                return accept;
              })
          .whenDisconnected((session, cause) -> events.add("disconnected"));

  private EmbeddedChannel connected() {
    EmbeddedChannel ch =
        new EmbeddedChannel(
            new WebSocketFrameAggregator(1 << 20),
            new WsFrameHandler(listener, "self::ctrl", mtpEvents));
    ch.pipeline()
        .fireUserEventTriggered(
            WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_COMPLETE);
    return ch;
  }

  @Test
  void binaryFrame_isOneRecord() {
    EmbeddedChannel ch = connected();
    ch.writeInbound(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(new byte[] {1, 2, 3})));
    assertThat(records).containsExactly(new byte[] {1, 2, 3});
    assertThat(events).containsExactly("connected self::ctrl");
  }

  @Test
  void tp469_7_6_undecodableRecord_closesWith1003() {
    accept = false;
    EmbeddedChannel ch = connected();
    ch.writeInbound(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(new byte[] {(byte) 0xFF})));
    CloseWebSocketFrame close = ch.readOutbound();
    assertThat(close.statusCode()).isEqualTo(1003);
  }

  @Test
  void textFrame_closesWith1003() {
    EmbeddedChannel ch = connected();
    ch.writeInbound(new TextWebSocketFrame("hello"));
    CloseWebSocketFrame close = ch.readOutbound();
    assertThat(close.statusCode()).isEqualTo(1003);
    assertThat(records).isEmpty();
    assertThat(mtpEvents.counts()).containsEntry("client: text frame (closed 1003)", 1L);
  }

  @Test
  void tp469_7_7_pingIsAnsweredWithPong_andUnsolicitedPongIsTolerated() {
    EmbeddedChannel ch = connected();
    ch.writeInbound(new PingWebSocketFrame(Unpooled.wrappedBuffer(new byte[] {9})));
    PongWebSocketFrame pong = ch.readOutbound();
    assertThat(ByteBufUtil.getBytes(pong.content())).containsExactly(9);
    ch.writeInbound(new PongWebSocketFrame());
    Object nothing = ch.readOutbound();
    assertThat(nothing).isNull();
    assertThat(ch.isActive()).isTrue();
  }

  @Test
  void keepAlive_idleWriterSendsPing() {
    EmbeddedChannel ch = connected();
    ch.pipeline().fireUserEventTriggered(IdleStateEvent.FIRST_WRITER_IDLE_STATE_EVENT);
    Object ping = ch.readOutbound();
    assertThat(ping).isInstanceOf(PingWebSocketFrame.class);
  }

  @Test
  void tp469_7_12_fragmentedMessage_isReassembledIntoOneRecord() {
    EmbeddedChannel ch = connected();
    ch.writeInbound(new BinaryWebSocketFrame(false, 0, Unpooled.wrappedBuffer(new byte[] {1, 2})));
    ch.writeInbound(
        new ContinuationWebSocketFrame(false, 0, Unpooled.wrappedBuffer(new byte[] {3})));
    ch.writeInbound(
        new ContinuationWebSocketFrame(true, 0, Unpooled.wrappedBuffer(new byte[] {4})));
    assertThat(records).containsExactly(new byte[] {1, 2, 3, 4});
  }

  @Test
  void recordsBeforeTheHandshake_areIgnored() {
    EmbeddedChannel ch = new EmbeddedChannel(new WsFrameHandler(listener, "self::ctrl", mtpEvents));
    ch.writeInbound(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(new byte[] {1})));
    assertThat(records).isEmpty();
  }

  @Test
  void closedChannel_reportsDisconnect() {
    EmbeddedChannel ch = connected();
    ch.close();
    assertThat(events).containsExactly("connected self::ctrl", "disconnected");
  }
}
