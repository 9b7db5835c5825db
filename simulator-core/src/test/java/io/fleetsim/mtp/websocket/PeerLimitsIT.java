package io.fleetsim.mtp.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsim.controller.ReferenceController;
import io.fleetsim.mtp.PeerLimits;
import io.fleetsim.mtp.Transports;
import io.fleetsim.testing.Await;
import io.fleetsim.testing.Listener;
import io.fleetsim.usp.record.UspRecordCodec;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Hostile peers at the WebSocket listener: a connection that never finishes its handshake, one that
 * trickles it, one that goes silent after the upgrade, and upgrades the listener refuses are all
 * closed and counted by reason; a flooding peer is paced without loss, and an address holding its
 * share of connections is refused more.
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

  @Test
  void aFloodingPeer_isPacedToItsRate_andLosesNothing() throws Exception {
    AtomicInteger received = new AtomicInteger();
    int rate = 50;
    int sent = 300;
    try (Transports t = Transports.create(1, LIMITS.withRecordsPerSecond(rate));
        WsServer server = server(t, received);
        Socket s = connect(server)) {
      upgrade(s, "/usp?eid=proto::flood", "v1.usp");
      assertThat(readHead(s.getInputStream())).startsWith("HTTP/1.1 101");
      long start = System.nanoTime();
      Thread writer = // the listener stops reading, so the writes block once TCP's buffers fill
          new Thread(
              () -> {
                try {
                  for (int i = 0; i < sent; i++) {
                    s.getOutputStream().write(maskedBinaryFrame(1000));
                  }
                  s.getOutputStream().flush();
                } catch (java.io.IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              });
      writer.start();
      String paused = "listener: over " + rate + " records/s (reading paused)";
      Await.until(() -> t.events().counts().containsKey(paused), Duration.ofSeconds(5));
      // one second's allowance plus at most one read buffer (64 KiB) taken before the pause
      assertThat(received.get()).as("taken when the pause began").isLessThan(200);
      Await.until(() -> received.get() == sent, Duration.ofSeconds(30));
      writer.join(5_000);
      // 300 at 50 a second with a one-second allowance: not before about 4 s
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofSeconds(2));
      assertThat(t.events().counts()).doesNotContainKey("listener: idle timeout");
    }
  }

  @Test
  void aPeerThatDoesNotReadItsAnswers_isNotReadEither() throws Exception {
    AtomicInteger received = new AtomicInteger();
    int sent = 1000;
    byte[] answer = new byte[64 * 1024]; // 64 MiB in all: far beyond what TCP buffers hold
    try (Transports t = Transports.create(1, LIMITS.withRecordsPerSecond(0));
        WsServer server = server(t, received, answer);
        Socket s = connect(server)) {
      upgrade(s, "/usp?eid=proto::deaf", "v1.usp");
      assertThat(readHead(s.getInputStream())).startsWith("HTTP/1.1 101");
      for (int i = 0; i < sent; i++) {
        s.getOutputStream().write(maskedBinaryFrame(200)); // 126 bytes and up: 16-bit length
      }
      s.getOutputStream().flush();
      String paused = "listener: peer not reading its answers (reading paused)";
      Await.until(() -> t.events().counts().containsKey(paused), Duration.ofSeconds(5));
      Thread.sleep(300); // were the listener still reading, the rest would arrive now
      assertThat(received.get()).as("requests taken while the answers pile up").isLessThan(sent);
      Thread reader = // the peer reads at last: its answers drain, and its requests are read
          new Thread(
              () -> {
                try {
                  s.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
                } catch (java.io.IOException closedAtTheEnd) {
                  // the test closes the socket
                }
              });
      reader.setDaemon(true);
      reader.start();
      Await.until(() -> received.get() == sent, Duration.ofSeconds(30));
    }
  }

  @Test
  void connectionsOverTheLimitFromOneAddress_areRefused_othersStillAccepted() throws Exception {
    String refused = "listener: over 2 connections from one address (refused)";
    try (Transports t = Transports.create(1, LIMITS.withConnectionsPerSource(2));
        WsServer server = server(t);
        Socket first = connect(server);
        Socket second = connect(server);
        Socket third = connect(server);
        Socket otherAddress = connectFrom(server, "127.0.0.2")) {
      assertThat(third.getInputStream().read()).as("refused").isEqualTo(-1);
      assertThat(t.events().counts()).containsEntry(refused, 1L);
      upgrade(otherAddress, "/usp?eid=proto::other", "v1.usp");
      assertThat(readHead(otherAddress.getInputStream())).startsWith("HTTP/1.1 101");
      upgrade(second, "/usp?eid=proto::second", "v1.usp");
      assertThat(readHead(second.getInputStream())).startsWith("HTTP/1.1 101");
      first.close(); // its place is given back
      try (Socket again = connect(server)) {
        upgrade(again, "/usp?eid=proto::again", "v1.usp");
        assertThat(readHead(again.getInputStream())).startsWith("HTTP/1.1 101");
      }
      assertThat(t.events().counts()).containsEntry(refused, 1L);
    }
  }

  @Test
  void theControllersRecordLimit_isTheOneOfItsLimits() throws Exception {
    PeerLimits small = new PeerLimits(Duration.ofSeconds(5), Duration.ZERO, 0, 0, 2048);
    try (Transports t = Transports.create(1, small);
        ReferenceController controller =
            ReferenceController.passive(
                t, new InetSocketAddress("127.0.0.1", 0), "/usp", "self::fleetsim-controller");
        Socket s = new Socket("127.0.0.1", controller.address().getPort())) {
      s.setSoTimeout(5_000);
      upgrade(s, "/usp?eid=proto::big", "v1.usp");
      assertThat(readHead(s.getInputStream())).startsWith("HTTP/1.1 101");
      s.getOutputStream().write(maskedBinaryFrame(3000));
      s.getOutputStream().flush();
      Await.until(
          () -> t.events().counts().containsKey("listener: oversized frame (closed 1009)"),
          Duration.ofSeconds(5));
    }
  }

  /** A client frame (RFC 6455 5.3: masked; a zero key leaves the payload as it is). */
  private static byte[] maskedBinaryFrame(int length) {
    byte[] frame = new byte[8 + length];
    frame[0] = (byte) 0x82; // FIN, binary
    frame[1] = (byte) (0x80 | 126); // masked, 16-bit length follows
    frame[2] = (byte) (length >> 8);
    frame[3] = (byte) length;
    return frame; // mask key 0 in bytes 4..7, then the payload
  }

  private static WsServer server(Transports t) {
    return server(t, new AtomicInteger());
  }

  private static WsServer server(Transports t, AtomicInteger received) {
    return server(t, received, null);
  }

  /** A listener counting Records, answering each with {@code answer} when not null. */
  private static WsServer server(Transports t, AtomicInteger received, byte[] answer) {
    return WsServer.bind(
        t,
        new InetSocketAddress("127.0.0.1", 0),
        "/usp",
        UspRecordCodec.DEFAULT_MAX_RECORD_BYTES,
        () ->
            Listener.IGNORE.whenRecord(
                (session, record) -> {
                  received.incrementAndGet();
                  if (answer != null) {
                    session.send(answer);
                  }
                  return true;
                }));
  }

  private static Socket connect(WsServer server) throws Exception {
    Socket s = new Socket("127.0.0.1", server.address().getPort());
    s.setSoTimeout(5_000);
    return s;
  }

  private static Socket connectFrom(WsServer server, String source) throws Exception {
    Socket s = new Socket();
    s.bind(new InetSocketAddress(source, 0));
    s.connect(server.address());
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
