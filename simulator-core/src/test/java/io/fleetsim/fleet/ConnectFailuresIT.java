package io.fleetsim.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsim.controller.ReferenceController;
import io.fleetsim.mtp.Connector;
import io.fleetsim.mtp.TestPki;
import io.fleetsim.mtp.Tls;
import io.fleetsim.mtp.Transports;
import io.fleetsim.mtp.websocket.WsClient;
import io.fleetsim.testing.Await;
import io.fleetsim.testing.TestFleet;
import io.fleetsim.testing.TestFleets;
import io.fleetsim.testing.TestModels;
import io.fleetsim.usp.record.UspRecordCodec;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.ssl.SslContext;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Agents that cannot connect say why: each failed connect is counted by cause (what the first one
 * logs, with advice), and none is counted as connected. Every target is on loopback.
 */
class ConnectFailuresIT {
  private static final int AGENTS = 3;

  @Test
  void aClosedPort_isRefused() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    int closed = port;
    assertCause(t -> ws(t, "ws://127.0.0.1:" + closed + "/usp", null), "refused");
  }

  @Test
  void aWrongPath_isAnHttpStatus() throws Exception {
    try (Transports t = Transports.create(1);
        ReferenceController c = TestFleets.controller(t, false)) {
      assertCause(
          t, ws(t, "ws://127.0.0.1:" + c.address().getPort() + "/not-usp", null), "http-status");
    }
  }

  @Test
  void aServerWithoutV1Usp_isASubprotocolFailure() throws Exception {
    try (Transports t = Transports.create(1)) {
      Channel server =
          new ServerBootstrap()
              .group(t.group())
              .channel(t.serverChannel())
              .childHandler(
                  new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                      ch.pipeline()
                          .addLast(new HttpServerCodec())
                          .addLast(new HttpObjectAggregator(8192))
                          .addLast(
                              new WebSocketServerProtocolHandler(
                                  "/usp", "v1.other", false, 65536, false, true));
                    }
                  })
              .bind(new InetSocketAddress("127.0.0.1", 0))
              .sync()
              .channel();
      try {
        int port = ((InetSocketAddress) server.localAddress()).getPort();
        assertCause(t, ws(t, "ws://127.0.0.1:" + port + "/usp", null), "subprotocol");
      } finally {
        server.close().sync();
      }
    }
  }

  @Test
  void aCertificateForAnotherName_isATlsFailure() throws Exception {
    TestPki pki = TestPki.create(); // names 127.0.0.1 and localhost, not 127.0.0.2
    try (Transports t = Transports.create(1);
        ReferenceController c =
            ReferenceController.listen(
                t,
                new InetSocketAddress("127.0.0.2", 0),
                "/usp",
                TestFleets.CONTROLLER,
                false,
                false,
                Tls.server(pki.serverCert(), pki.serverKey()))) {
      TestFleet fleet =
          fleet(
              t,
              ws(t, "wss://127.0.0.2:" + c.address().getPort() + "/usp", Tls.client(pki.caCert())));
      try (fleet) {
        fleet.start();
        Await.until(
            () -> fleet.metrics().connectFailures().getOrDefault("tls", 0L) >= AGENTS,
            Duration.ofSeconds(20));
        assertThat(c.connectedAgents()).isEmpty();
      }
    }
  }

  private static void assertCause(Function<Transports, Connector> connector, String cause)
      throws Exception {
    try (Transports t = Transports.create(1)) {
      assertCause(t, connector.apply(t), cause);
    }
  }

  private static void assertCause(Transports t, Connector connector, String cause) {
    try (TestFleet fleet = fleet(t, connector)) {
      fleet.start();
      Await.until(
          () -> fleet.metrics().connectFailures().getOrDefault(cause, 0L) >= AGENTS,
          Duration.ofSeconds(20));
      assertThat(fleet.metrics().connectFailures()).containsOnlyKeys(cause);
      assertThat(fleet.connected()).isZero();
      assertThat(fleet.metrics().connects()).isZero();
    }
  }

  private static TestFleet fleet(Transports t, Connector connector) {
    return TestFleet.of(TestModels.gateway(2), t, connector, TestFleets.CONTROLLER, AGENTS, 1);
  }

  private static Connector ws(Transports t, String url, SslContext tls) {
    return new WsClient(t, URI.create(url), UspRecordCodec.DEFAULT_MAX_RECORD_BYTES, 60, tls);
  }
}
