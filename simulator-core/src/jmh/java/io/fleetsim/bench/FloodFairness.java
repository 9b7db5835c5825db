package io.fleetsim.bench;

import io.fleetsim.agent.FileTransfers;
import io.fleetsim.controller.ReferenceController;
import io.fleetsim.controller.Workload;
import io.fleetsim.datamodel.DeviceModel;
import io.fleetsim.datamodel.ProfileLoader;
import io.fleetsim.fleet.ActorFleet;
import io.fleetsim.fleet.ConnectsInFlight;
import io.fleetsim.fleet.FleetShape;
import io.fleetsim.metrics.FleetMetrics;
import io.fleetsim.mtp.Connector;
import io.fleetsim.mtp.PeerLimits;
import io.fleetsim.mtp.Transports;
import io.fleetsim.mtp.websocket.WsClient;
import io.fleetsim.usp.message.UspMessages;
import io.fleetsim.usp.proto.UspMsg.Header.MsgType;
import io.fleetsim.usp.proto.UspMsg.Notify;
import io.fleetsim.usp.proto.UspMsg.Request;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * Whether one peer flooding the Controller's WebSocket listener delays the answers of the others:
 * {@code victims} real agents answer a Get workload from the embedded Controller while one more
 * connection sends Notify Records (send_resp=true) at {@code floodRate} a second. Three runs in one
 * JVM: no flood, a flood with no pace per connection, a flood at the default pace ({@link
 * PeerLimits#DEFAULT_RECORDS_PER_SECOND}). Prints the victims' Get round trips (open loop, from
 * when each request was due) and how much of the flood the Controller took.
 *
 * <p>Usage: {@code java -cp ... io.fleetsim.bench.FloodFairness [victims] [getRate] [floodRate]
 * [seconds]}
 */
public final class FloodFairness {
  private static final String CONTROLLER = "self::fleetsim-controller";
  private static final String FLOODER = "os::00D09E-FLOODER";

  private FloodFairness() {}

  public static void main(String[] args) throws Exception {
    int victims = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    double getRate = args.length > 1 ? Double.parseDouble(args[1]) : 1000;
    int floodRate = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
    int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 20;
    run("no flood", victims, getRate, 0, 0, seconds);
    run("flood, no pace", victims, getRate, floodRate, 0, seconds);
    run(
        "flood, paced",
        victims,
        getRate,
        floodRate,
        PeerLimits.DEFAULT_RECORDS_PER_SECOND,
        seconds);
  }

  private static void run(
      String name, int victims, double getRate, int floodRate, int pace, int seconds)
      throws Exception {
    PeerLimits limits = PeerLimits.DEFAULTS.withRecordsPerSecond(pace);
    try (Transports server = Transports.create(2, limits);
        Transports clients = Transports.create(2);
        ReferenceController controller =
            ReferenceController.passive(
                server, new InetSocketAddress("127.0.0.1", 0), "/usp", CONTROLLER)) {
      URI url = URI.create("ws://127.0.0.1:" + controller.address().getPort() + "/usp");
      WsClient ws = new WsClient(clients, url, 1 << 20, 60);
      ActorFleet agents =
          new ActorFleet(
              "flood-fairness",
              FleetShape.of(
                  new DeviceModel(
                      ProfileLoader.loadResource("profiles/test-gateway.conf"),
                      1,
                      InstantSource.system()),
                  victims),
              List.<Connector>of(ws),
              clients.group(),
              CONTROLLER,
              FileTransfers.NONE,
              new FleetMetrics(),
              1,
              ConnectsInFlight.SOCKET,
              1);
      agents.spawn(victims);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (controller.connectedAgents().size() < victims) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "only " + controller.connectedAgents().size() + " victims connected");
        }
        TimeUnit.MILLISECONDS.sleep(50);
      }
      Flooder flooder =
          floodRate > 0 ? new Flooder(controller.address().getPort(), floodRate) : null;
      Workload.Spec d = Workload.Spec.defaults(getRate);
      try (Workload work =
          Workload.start(
              controller,
              new Workload.Spec(
                  getRate, 1, 0, 0, d.getPaths(), d.setParam(), d.setValue(), d.operateCommand()),
              server.group().next(),
              1)) {
        TimeUnit.SECONDS.sleep(3); // warm-up
        controller.latencies().interval("Get");
        long answered = flooder == null ? 0 : flooder.answers.sum();
        long start = System.nanoTime();
        TimeUnit.SECONDS.sleep(seconds);
        double elapsed = (System.nanoTime() - start) / 1e9;
        Histogram h = controller.latencies().interval("Get");
        System.out.printf(
            "{\"run\": \"%s\", \"victims\": %d, \"getPerSecond\": %.0f, \"floodPerSecond\": %d,"
                + " \"pacePerConnection\": %d, \"victimGets\": %d, \"p50Ms\": %.2f,"
                + " \"p99Ms\": %.2f, \"p999Ms\": %.2f, \"maxMs\": %.2f,"
                + " \"floodAnsweredPerSecond\": %.0f, \"listenerEvents\": \"%s\"}%n",
            name,
            victims,
            getRate,
            floodRate,
            pace,
            h.getTotalCount(),
            h.getValueAtPercentile(50) / 1000.0,
            h.getValueAtPercentile(99) / 1000.0,
            h.getValueAtPercentile(99.9) / 1000.0,
            h.getMaxValue() / 1000.0,
            flooder == null ? 0 : (flooder.answers.sum() - answered) / elapsed,
            server.events().counts());
      } finally {
        if (flooder != null) {
          flooder.close();
        }
        agents.stop(Duration.ofMillis(500));
      }
    }
  }

  /**
   * A hostile peer as another host would be: a plain blocking socket (so TCP's backpressure holds
   * it back, as it would a real sender) that writes the same Notify Record (send_resp=true) in a
   * batch every millisecond, and a thread that reads and counts the answers.
   */
  private static final class Flooder implements AutoCloseable {
    final LongAdder answers = new LongAdder();
    private final Socket socket;
    private final Thread writer;
    private final Thread reader;
    private volatile boolean stopped;

    Flooder(int port, int perSecond) throws IOException {
      socket = new Socket("127.0.0.1", port);
      socket.setSoTimeout(10_000); // the handshake's answer
      String upgrade =
          "GET /usp?eid="
              + FLOODER
              + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
              + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
              + "Sec-WebSocket-Protocol: v1.usp\r\n\r\n";
      socket.getOutputStream().write(upgrade.getBytes(StandardCharsets.US_ASCII));
      DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
      for (int crlf = 0; crlf < 4; ) { // the 101 answer ends with an empty line
        int c = in.readUnsignedByte();
        crlf = (c == '\r' || c == '\n') ? crlf + 1 : 0;
      }
      socket.setSoTimeout(0);
      int perMillisecond = Math.max(1, perSecond / 1000);
      byte[] frame = maskedFrame(notifyRecord());
      byte[] batch = new byte[frame.length * perMillisecond];
      for (int i = 0; i < perMillisecond; i++) {
        System.arraycopy(frame, 0, batch, i * frame.length, frame.length);
      }
      writer =
          new Thread(
              () -> {
                long next = System.nanoTime();
                try {
                  while (!stopped) {
                    socket.getOutputStream().write(batch); // blocks while the listener waits
                    next += 1_000_000;
                    LockSupport.parkNanos(next - System.nanoTime());
                  }
                } catch (IOException closed) {
                  // stopped
                }
              });
      reader =
          new Thread(
              () -> {
                try {
                  while (!stopped) { // server frames: unmasked, 7/16/64-bit length
                    in.readUnsignedByte();
                    int len = in.readUnsignedByte() & 0x7f;
                    long n = len == 126 ? in.readUnsignedShort() : len == 127 ? in.readLong() : len;
                    in.skipNBytes(n);
                    answers.increment();
                  }
                } catch (IOException closed) {
                  // stopped
                }
              });
      writer.start();
      reader.start();
    }

    @Override
    public void close() throws Exception {
      stopped = true;
      socket.close();
      writer.join(2_000);
      reader.join(2_000);
    }

    /** A client frame (RFC 6455 5.3: masked; a zero key leaves the payload as it is). */
    private static byte[] maskedFrame(byte[] payload) {
      byte[] frame = new byte[8 + payload.length];
      frame[0] = (byte) 0x82;
      frame[1] = (byte) (0x80 | 126);
      frame[2] = (byte) (payload.length >> 8);
      frame[3] = (byte) payload.length;
      System.arraycopy(payload, 0, frame, 8, payload.length);
      return frame;
    }

    private static byte[] notifyRecord() {
      byte[] record =
          UspMessages.encodeRecord(
              UspMessages.RECORD_VERSION,
              CONTROLLER,
              FLOODER,
              UspMessages.request(
                  "flood",
                  MsgType.NOTIFY,
                  Request.newBuilder()
                      .setNotify(
                          Notify.newBuilder()
                              .setSubscriptionId("flood")
                              .setSendResp(true)
                              .setValueChange(
                                  Notify.ValueChange.newBuilder()
                                      .setParamPath("Device.DeviceInfo.UpTime")
                                      .setParamValue("x".repeat(100))))
                      .build()));
      if (record.length < 126) {
        throw new IllegalStateException("the frame header assumes a 16-bit length");
      }
      return record;
    }
  }
}
