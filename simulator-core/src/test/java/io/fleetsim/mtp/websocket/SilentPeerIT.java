package io.fleetsim.mtp.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsim.mtp.Transports;
import io.fleetsim.testing.Await;
import io.fleetsim.testing.Listener;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * A Controller that hangs with its socket open (a stopped process, a dead box behind a NAT that
 * keeps the connection): it completed the WebSocket upgrade, then never answers again. The agent's
 * pings go unanswered (R-WS.17), and after three keep-alive intervals it leaves, so its session
 * retry can find a Controller that works.
 */
class SilentPeerIT {
  @Test
  void aControllerThatNeverAnswersPings_isLeftAfterThreeKeepAliveIntervals() throws Exception {
    List<String> seen = new CopyOnWriteArrayList<>();
    try (ServerSocket hung = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Transports t = Transports.create(1)) {
      Thread peer = new Thread(() -> upgradeThenHang(hung));
      peer.setDaemon(true);
      peer.start();
      URI url = URI.create("ws://127.0.0.1:" + hung.getLocalPort() + "/usp");
      new WsClient(t, url, 1 << 20, 1)
          .connect(
              "proto::agent",
              "self::controller",
              Listener.IGNORE
                  .whenConnected(s -> seen.add("connected"))
                  .whenDisconnected((s, cause) -> seen.add("disconnected: " + cause)),
              t.group().next(),
              null);
      Await.until(() -> seen.size() == 2, Duration.ofSeconds(15));
      assertThat(seen)
          .containsExactly(
              "connected", "disconnected: no answer to pings for 3 keep-alive intervals");
      assertThat(t.events().counts())
          .containsEntry("client: peer silent for 3 keep-alive intervals (closed)", 1L);
    }
  }

  /** Accepts one upgrade with v1.usp (RFC 6455 4.2.2), then reads and never writes again. */
  private static void upgradeThenHang(ServerSocket server) {
    try (Socket s = server.accept()) {
      BufferedReader in =
          new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
      String key = "";
      for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
        if (line.toLowerCase().startsWith("sec-websocket-key:")) {
          key = line.substring(line.indexOf(':') + 1).trim();
        }
      }
      byte[] sha1 =
          MessageDigest.getInstance("SHA-1")
              .digest(
                  (key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11")
                      .getBytes(StandardCharsets.US_ASCII));
      OutputStream out = s.getOutputStream();
      out.write(
          ("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                  + "Sec-WebSocket-Accept: "
                  + Base64.getEncoder().encodeToString(sha1)
                  + "\r\nSec-WebSocket-Protocol: v1.usp\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      while (in.read() >= 0) {
        // swallow the pings, answer nothing
      }
    } catch (Exception closed) {
      // the agent left
    }
  }
}
