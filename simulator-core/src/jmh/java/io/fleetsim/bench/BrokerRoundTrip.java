package io.fleetsim.bench;

import io.fleetsim.agent.FileTransfers;
import io.fleetsim.datamodel.DeviceModel;
import io.fleetsim.datamodel.ProfileLoader;
import io.fleetsim.fleet.ActorFleet;
import io.fleetsim.fleet.ConnectsInFlight;
import io.fleetsim.fleet.FleetShape;
import io.fleetsim.metrics.FleetMetrics;
import io.fleetsim.mtp.MtpListener;
import io.fleetsim.mtp.MtpSession;
import io.fleetsim.mtp.Transports;
import io.fleetsim.mtp.connect.Connectors;
import io.fleetsim.usp.message.UspMessages;
import io.fleetsim.usp.proto.UspMsg.Get;
import io.fleetsim.usp.proto.UspMsg.Header.MsgType;
import io.fleetsim.usp.proto.UspMsg.Request;
import io.fleetsim.usp.proto.UspRecord.Record;
import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Get→GetResp round trips per second through a broker, one broker after the other in the same run:
 * a Controller-side driver on one broker connection keeps {@code window} Gets in flight to each of
 * {@code agents} real agents (each on its own connection), answering at each agent's reply-to as
 * the embedded Controller does. The brokers run in their own processes (bench script).
 *
 * <p>Usage: {@code java -cp ... io.fleetsim.bench.BrokerRoundTrip AGENTS WINDOW SECONDS URL...}
 * with URLs such as {@code stomp://127.0.0.1:61613} and {@code mqtt://127.0.0.1:1883}.
 */
public final class BrokerRoundTrip {
  private static final String CONTROLLER = "self::fleetsim-controller";
  private static final String PATH = "Device.DeviceInfo.";

  private BrokerRoundTrip() {}

  public static void main(String[] args) throws Exception {
    int agents = Integer.parseInt(args[0]);
    int window = Integer.parseInt(args[1]);
    int seconds = Integer.parseInt(args[2]);
    StringBuilder json = new StringBuilder("{\"agents\": " + agents + ", \"window\": " + window);
    json.append(", \"seconds\": ").append(seconds);
    for (int i = 3; i < args.length; i++) {
      URI broker = URI.create(args[i]);
      try (Transports t = Transports.create()) {
        double rate = run(t, broker, agents, window, seconds);
        json.append(String.format(", \"%s\": %.0f", broker.getScheme(), rate));
      }
    }
    System.out.println(json.append('}'));
  }

  private static double run(Transports t, URI broker, int agents, int window, int seconds)
      throws Exception {
    LongAdder replies = new LongAdder();
    AtomicInteger connected = new AtomicInteger();
    CountDownLatch ready = new CountDownLatch(agents);
    MtpListener driver =
        new MtpListener() {
          @Override
          public void onConnected(MtpSession s) {}

          @Override
          public boolean onRecord(MtpSession route, byte[] bytes) {
            Record r;
            try {
              r = Record.parseFrom(bytes);
            } catch (com.google.protobuf.InvalidProtocolBufferException e) {
              return true;
            }
            if (r.hasStompConnect() || r.hasMqttConnect()) {
              connected.incrementAndGet();
              ready.countDown();
              for (int i = 0; i < window; i++) {
                route.send(request(r.getFromId()));
              }
            } else if (r.hasNoSessionContext()) {
              replies.increment();
              route.send(request(r.getFromId()));
            }
            return true;
          }

          @Override
          public void onDisconnected(MtpSession s, String cause) {}
        };
    Connectors.Options options = Connectors.Options.defaults();
    Connectors.controller(t, broker, options, null)
        .connect(CONTROLLER, "", driver, t.group().next(), null);
    TimeUnit.SECONDS.sleep(1); // the driver subscribes before the agents announce themselves
    ActorFleet fleet =
        new ActorFleet(
            "broker-roundtrip",
            FleetShape.of(
                new DeviceModel(
                    ProfileLoader.loadResource("profiles/test-gateway.conf"),
                    1,
                    InstantSource.system()),
                agents),
            List.of(Connectors.agents(t, broker, options)),
            t.group(),
            CONTROLLER,
            FileTransfers.NONE,
            new FleetMetrics(),
            1,
            ConnectsInFlight.SOCKET,
            1);
    fleet.spawn(agents);
    try {
      if (!ready.await(120, TimeUnit.SECONDS)) {
        throw new IllegalStateException("only " + connected.get() + " agents on " + broker);
      }
      return WsRoundTrip.rate(replies, seconds);
    } finally {
      fleet.stop(Duration.ofMillis(500));
    }
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
}
