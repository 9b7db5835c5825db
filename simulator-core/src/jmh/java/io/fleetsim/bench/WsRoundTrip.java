package io.fleetsim.bench;

import io.fleetsim.agent.FileTransfers;
import io.fleetsim.datamodel.DeviceModel;
import io.fleetsim.datamodel.ProfileLoader;
import io.fleetsim.fleet.ActorFleet;
import io.fleetsim.fleet.ConnectsInFlight;
import io.fleetsim.fleet.FleetShape;
import io.fleetsim.metrics.FleetMetrics;
import io.fleetsim.mtp.Connector;
import io.fleetsim.mtp.MtpListener;
import io.fleetsim.mtp.MtpSession;
import io.fleetsim.mtp.PeerLimits;
import io.fleetsim.mtp.Transports;
import io.fleetsim.mtp.websocket.WsClient;
import io.fleetsim.mtp.websocket.WsServer;
import io.fleetsim.usp.message.UspMessages;
import io.fleetsim.usp.proto.UspMsg.Get;
import io.fleetsim.usp.proto.UspMsg.Header.MsgType;
import io.fleetsim.usp.proto.UspMsg.Request;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Get→GetResp round trips per second over the USP WebSocket MTP on loopback, against a raw Netty
 * WebSocket echo with the same message sizes in the same run. The same server-side driver keeps
 * {@code window} requests in flight on each connection. For USP the client side is real agents; for
 * raw it is an echo answering each request with a payload as large as the agent's GetResp Record.
 *
 * <p>Usage: {@code java -cp ... io.fleetsim.bench.WsRoundTrip [connections] [window] [seconds]}
 */
public final class WsRoundTrip {
  private static final String CONTROLLER = "self::fleetsim-controller";
  private static final String PATH = "Device.DeviceInfo.";

  private WsRoundTrip() {}

  public static void main(String[] args) throws Exception {
    int connections = args.length > 0 ? Integer.parseInt(args[0]) : 64;
    int window = args.length > 1 ? Integer.parseInt(args[1]) : 4;
    int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
    // the transport's own capacity: no pace per connection (a connection here carries thousands)
    try (Transports t =
        Transports.create(
            Runtime.getRuntime().availableProcessors(),
            PeerLimits.DEFAULTS.withRecordsPerSecond(0))) {
      int[] sizes = new int[2];
      double usp = run(t, connections, window, seconds, true, sizes);
      double raw = run(t, connections, window, seconds, false, sizes);
      System.out.printf(
          "{\"connections\": %d, \"window\": %d, \"seconds\": %d, \"requestBytes\": %d,"
              + " \"responseBytes\": %d, \"uspRoundTripsPerSecond\": %.0f,"
              + " \"rawEchoRoundTripsPerSecond\": %.0f, \"ratio\": %.2f}%n",
          connections, window, seconds, sizes[0], sizes[1], usp, raw, usp / raw);
    }
  }

  /** One measured run; fills sizes[0..1] with the request and response Record sizes (USP run). */
  private static double run(
      Transports t, int connections, int window, int seconds, boolean usp, int[] sizes)
      throws Exception {
    LongAdder replies = new LongAdder();
    AtomicInteger connected = new AtomicInteger();
    CountDownLatch ready = new CountDownLatch(connections);
    MtpListener driver =
        new MtpListener() {
          @Override
          public void onConnected(MtpSession s) {}

          @Override
          public boolean onRecord(MtpSession s, byte[] record) {
            if (record.length < 64) {
              // the agent's WebSocketConnectRecord (or the echo's hello): start the window
              connected.incrementAndGet();
              ready.countDown();
              for (int i = 0; i < window; i++) {
                s.send(request(s.peerEndpointId()));
              }
              return true;
            }
            if (usp && sizes[1] == 0) {
              sizes[1] = record.length;
            }
            replies.increment();
            s.send(request(s.peerEndpointId()));
            return true;
          }

          @Override
          public void onDisconnected(MtpSession s, String cause) {}
        };
    try (WsServer server =
        WsServer.bind(t, new InetSocketAddress("127.0.0.1", 0), "/usp", 1 << 20, () -> driver)) {
      URI url = URI.create("ws://127.0.0.1:" + server.address().getPort() + "/usp");
      AutoCloseable clients;
      if (usp) {
        ActorFleet agents =
            new ActorFleet(
                "ws-roundtrip",
                FleetShape.of(
                    new DeviceModel(
                        ProfileLoader.loadResource("profiles/test-gateway.conf"),
                        1,
                        InstantSource.system()),
                    connections),
                List.<Connector>of(new WsClient(t, url, 1 << 20, 60)),
                t.group(),
                CONTROLLER,
                FileTransfers.NONE,
                new FleetMetrics(),
                1,
                ConnectsInFlight.SOCKET,
                1);
        agents.spawn(connections);
        clients = () -> agents.stop(Duration.ofMillis(500));
        sizes[0] = request("os::00D09E-FSIM00000000").length;
      } else {
        clients = echo(t, url, connections, sizes[1]);
      }
      try (AutoCloseable c = clients) {
        if (!ready.await(60, TimeUnit.SECONDS)) {
          throw new IllegalStateException("only " + connected.get() + " connected");
        }
        return rate(replies, seconds);
      }
    }
  }

  /** Replies per second over {@code seconds}, after a 3 s warm-up. */
  static double rate(LongAdder replies, int seconds) throws InterruptedException {
    TimeUnit.SECONDS.sleep(3); // warm-up
    long before = replies.sum();
    long start = System.nanoTime();
    TimeUnit.SECONDS.sleep(seconds);
    return (replies.sum() - before) / ((System.nanoTime() - start) / 1e9);
  }

  private static byte[] request(String agentId) {
    return UspMessages.encodeRecord(
        "1.4",
        agentId,
        CONTROLLER,
        UspMessages.request(
            "rt",
            MsgType.GET,
            Request.newBuilder().setGet(Get.newBuilder().addParamPaths(PATH)).build()));
  }

  /** Raw echo clients: a short hello, then a responseBytes-long answer to every message. */
  private static AutoCloseable echo(Transports t, URI url, int connections, int responseBytes) {
    byte[] answer = new byte[responseBytes];
    WsClient client = new WsClient(t, url, 1 << 20, 0);
    java.util.List<MtpSession> sessions = new java.util.concurrent.CopyOnWriteArrayList<>();
    for (int i = 0; i < connections; i++) {
      client.connect(
          "echo-" + i,
          CONTROLLER,
          new MtpListener() {
            @Override
            public void onConnected(MtpSession s) {
              sessions.add(s);
              s.send(new byte[] {1});
            }

            @Override
            public boolean onRecord(MtpSession s, byte[] record) {
              return s.send(answer);
            }

            @Override
            public void onDisconnected(MtpSession s, String cause) {}
          },
          t.group().next(),
          null);
    }
    return () -> sessions.forEach(s -> s.close(1000, "done"));
  }
}
