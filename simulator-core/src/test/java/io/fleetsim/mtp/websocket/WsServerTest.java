package io.fleetsim.mtp.websocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetsim.mtp.MtpListener;
import io.fleetsim.mtp.Transports;
import io.fleetsim.testing.Listener;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The server side against the JDK's own WebSocket client as an independent peer: v1.usp is required
 * (R-WS.12a), the client's ?eid= names the peer, and binary messages are Records both ways.
 */
class WsServerTest {

  @Test
  void handshake_requiresV1usp_readsEid_andCarriesRecords() throws Exception {
    CompletableFuture<String> peer = new CompletableFuture<>();
    CompletableFuture<byte[]> received = new CompletableFuture<>();
    MtpListener echo =
        Listener.IGNORE
            .whenConnected(s -> peer.complete(s.peerEndpointId()))
            .whenRecord(
                (s, record) -> {
                  received.complete(record);
                  return s.send(new byte[] {42});
                });
    try (Transports t = Transports.create(1);
        WsServer server =
            WsServer.bind(t, new InetSocketAddress("127.0.0.1", 0), "/usp", 1 << 20, () -> echo)) {
      URI base = URI.create("ws://127.0.0.1:" + server.address().getPort() + "/usp");
      HttpClient http = HttpClient.newHttpClient();

      assertThatThrownBy(
              () ->
                  http.newWebSocketBuilder()
                      .buildAsync(base, new WebSocket.Listener() {})
                      .get(10, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class);

      CompletableFuture<byte[]> reply = new CompletableFuture<>();
      WebSocket ws =
          http.newWebSocketBuilder()
              .subprotocols(WsUris.SUBPROTOCOL)
              .buildAsync(
                  WsUris.withEndpointId(base, "os::00D09E-A%B"),
                  new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onBinary(WebSocket w, ByteBuffer data, boolean last) {
                      byte[] b = new byte[data.remaining()];
                      data.get(b);
                      reply.complete(b);
                      return null;
                    }
                  })
              .get(10, TimeUnit.SECONDS);
      assertThat(ws.getSubprotocol()).isEqualTo("v1.usp");
      assertThat(peer.get(10, TimeUnit.SECONDS)).isEqualTo("os::00D09E-A%B");
      ws.sendBinary(ByteBuffer.wrap(new byte[] {7, 8}), true);
      assertThat(received.get(10, TimeUnit.SECONDS)).containsExactly(7, 8);
      assertThat(reply.get(10, TimeUnit.SECONDS)).containsExactly(42);
      ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void eidIsPercentEncodedAsOpaqueData() {
    URI u = WsUris.withEndpointId(URI.create("ws://h:1/usp"), "os::00D09E-100%");
    assertThat(u.toString()).isEqualTo("ws://h:1/usp?eid=os%3A%3A00D09E-100%25");
    assertThat(WsUris.endpointIdOf(u.toString().substring("ws://h:1".length())))
        .isEqualTo("os::00D09E-100%");
  }
}
