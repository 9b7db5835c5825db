package io.fleetsim.mtp.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsim.mtp.MtpListener;
import io.fleetsim.mtp.MtpSession;
import io.fleetsim.mtp.PeerLimits;
import io.fleetsim.mtp.Transports;
import io.fleetsim.testing.Await;
import io.fleetsim.usp.record.UspRecordCodec;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Hostile peers at the WebSocket listener: a connection that never finishes its handshake, one that
 * trickles it, one that goes silent after the upgrade, and upgrades the listener refuses are all
 * closed and counted by reason.
 */
class PeerLimitsIT {
  private static final PeerLimits LIMITS =
      new PeerLimits(Duration.ofMillis(500), Duration.ofMillis(800));

  @Test
  void silentAndTricklingConnections_areClosedAtTheHandshakeDeadline() throws Exception {
    try (Transports t = Transports.create(1, LIMITS);
        WsServer server = server(t);
        Socket silent = connect(server);
        Socket trickling = connect(server)) {
      OutputStream out = trickling.getOutputStream();
      try {
        for (int i = 0; i < 6; i++) { // a byte each 200 ms: never idle, never done
          out.write('G');
          out.flush();
          Thread.sleep(200);
        }
      } catch (java.io.IOException closedByTheListener) {
        // the deadline passed while it trickled
      }
      assertThat(silent.getInputStream().read()).as("closed by the listener").isEqualTo(-1);
      assertThat(trickling.getInputStream().read()).isEqualTo(-1);
      assertThat(t.events().counts()).containsEntry("listener: handshake timeout", 2L);
    }
  }

  @Test
  void anUpgradedConnectionThatGoesSilent_isClosedAfterTheIdleTimeout() throws Exception {
    try (Transports t = Transports.create(1, LIMITS);
        WsServer server = server(t);
        Socket s = connect(server)) {
      upgrade(s, "/usp?eid=proto::x", "v1.usp");
      assertThat(readHead(s.getInputStream())).startsWith("HTTP/1.1 101");
      Await.until(
          () -> t.events().counts().containsKey("listener: idle timeout"), Duration.ofSeconds(5));
      assertThat(t.events().counts()).doesNotContainKey("listener: handshake timeout");
    }
  }

  @Test
  void refusedUpgrades_areCountedByReason() throws Exception {
    try (Transports t = Transports.create(1, LIMITS);
        WsServer server = server(t);
        Socket noUsp = connect(server);
        Socket wrongPath = connect(server)) {
      upgrade(noUsp, "/usp?eid=proto::x", "v1.other");
      assertThat(readHead(noUsp.getInputStream())).startsWith("HTTP/1.1 400");
      upgrade(wrongPath, "/elsewhere", "v1.usp");
      assertThat(readHead(wrongPath.getInputStream())).startsWith("HTTP/1.1 404");
      assertThat(t.events().counts())
          .containsEntry("listener: refused handshake (no v1.usp)", 1L)
          .containsEntry("listener: refused handshake (unknown path)", 1L);
    }
  }

  private static WsServer server(Transports t) {
    return WsServer.bind(
        t,
        new InetSocketAddress("127.0.0.1", 0),
        "/usp",
        UspRecordCodec.DEFAULT_MAX_RECORD_BYTES,
        () ->
            new MtpListener() {
              @Override
              public void onConnected(MtpSession session) {}

              @Override
              public boolean onRecord(MtpSession session, byte[] record) {
                return true;
              }

              @Override
              public void onDisconnected(MtpSession session, String cause) {}
            });
  }

  private static Socket connect(WsServer server) throws Exception {
    Socket s = new Socket("127.0.0.1", server.address().getPort());
    s.setSoTimeout(5_000);
    return s;
  }

  private static void upgrade(Socket s, String uri, String subprotocol) throws Exception {
    String request =
        "GET "
            + uri
            + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
            + "Sec-WebSocket-Protocol: "
            + subprotocol
            + "\r\n\r\n";
    s.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
    s.getOutputStream().flush();
  }

  private static String readHead(InputStream in) throws Exception {
    StringBuilder b = new StringBuilder();
    int c;
    while ((c = in.read()) >= 0 && b.length() < 200) {
      b.append((char) c);
      if (b.toString().endsWith("\r\n")) {
        break;
      }
    }
    return b.toString();
  }
}
