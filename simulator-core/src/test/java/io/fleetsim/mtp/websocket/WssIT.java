package io.fleetsim.mtp.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsim.mtp.MtpListener;
import io.fleetsim.mtp.TestPki;
import io.fleetsim.mtp.Tls;
import io.fleetsim.mtp.Transports;
import io.fleetsim.testing.Listener;
import io.fleetsim.usp.proto.UspRecord.Record;
import io.netty.handler.ssl.SslContext;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The WebSocket MTP over TLS (wss://) with a self-signed test CA: an agent trusting the CA connects
 * and its WebSocketConnectRecord arrives; an agent trusting another CA fails the handshake and
 * never gets a session.
 */
class WssIT {
  private static final String EID = "os::00D09E-FSIM00000000";

  @Test
  void agentTrustingTheCa_connectsOverWss() throws Exception {
    TestPki pki = TestPki.create();
    CompletableFuture<Record> connectRecord = new CompletableFuture<>();
    try (Transports t = Transports.create(1);
        WsServer server = secureServer(t, pki, connectRecord)) {
      CompletableFuture<String> outcome = new CompletableFuture<>();
      client(t, server, Tls.client(pki.caCert()))
          .connect(EID, "ctl", agent(outcome), t.group().next(), null);
      assertThat(outcome.get(20, TimeUnit.SECONDS)).isEqualTo("connected");
      Record r = connectRecord.get(20, TimeUnit.SECONDS);
      assertThat(r.getFromId()).isEqualTo(EID);
      assertThat(r.hasWebsocketConnect()).isTrue();
    }
  }

  @Test
  void agentTrustingAnotherCa_failsTheHandshake() throws Exception {
    TestPki pki = TestPki.create();
    TestPki other = TestPki.create();
    CompletableFuture<Record> connectRecord = new CompletableFuture<>();
    try (Transports t = Transports.create(1);
        WsServer server = secureServer(t, pki, connectRecord)) {
      CompletableFuture<String> outcome = new CompletableFuture<>();
      client(t, server, Tls.client(other.caCert()))
          .connect(EID, "ctl", agent(outcome), t.group().next(), null);
      assertThat(outcome.get(20, TimeUnit.SECONDS))
          .startsWith("disconnected: tls: ") // a connect failure of kind TLS, with the JDK's reason
          .hasSizeGreaterThan("disconnected: tls: ".length());
      assertThat(connectRecord).isNotDone();
    }
  }

  @Test
  void wssUrl_withoutTlsContext_isRejectedUpFront() {
    try (Transports t = Transports.create(1)) {
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () ->
                  new WsClient(t, URI.create("ws://127.0.0.1:1/usp"), 1 << 16, 0, Tls.client(null)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("not wss://");
    }
  }

  private static WsServer secureServer(
      Transports t, TestPki pki, CompletableFuture<Record> connectRecord) {
    SslContext tls = Tls.server(pki.serverCert(), pki.serverKey());
    return WsServer.bind(
        t,
        new InetSocketAddress("127.0.0.1", 0),
        "/usp",
        1 << 16,
        tls,
        () ->
            Listener.IGNORE.whenRecord(
                (s, bytes) -> {
                  try {
                    connectRecord.complete(Record.parseFrom(bytes));
                  } catch (Exception e) {
                    connectRecord.completeExceptionally(e);
                  }
                  return true;
                }));
  }

  private static WsClient client(Transports t, WsServer server, SslContext tls) {
    URI url = URI.create("wss://127.0.0.1:" + server.address().getPort() + "/usp");
    return new WsClient(t, url, 1 << 16, 0, tls);
  }

  /** An agent stand-in that sends its WebSocketConnectRecord and reports how the connect went. */
  private static MtpListener agent(CompletableFuture<String> outcome) {
    return Listener.IGNORE
        .whenConnected(
            s -> {
              s.send(s.connectRecord("ctl", EID));
              outcome.complete("connected");
            })
        .whenDisconnected((s, cause) -> outcome.complete("disconnected: " + cause));
  }
}
