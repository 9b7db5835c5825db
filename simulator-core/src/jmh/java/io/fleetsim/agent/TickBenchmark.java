package io.fleetsim.agent;

import com.google.protobuf.TextFormat;
import io.fleetsim.datamodel.DeviceModel;
import io.fleetsim.datamodel.ProfileLoader;
import io.fleetsim.metrics.AgentStats;
import io.fleetsim.usp.message.UspMessages;
import io.fleetsim.usp.proto.UspMsg.Header.MsgType;
import io.fleetsim.usp.proto.UspMsg.Request;
import java.io.File;
import java.time.InstantSource;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One agent's share of a fleet tick (Periodic! schedule, self-changing values, host churn) on a
 * provisioned home gateway, in the usual case where nothing is due: what a fleet that ticked every
 * agent every second paid N times a second (the fleet now ticks an agent only when something is
 * due, {@code AgentCore.onDueTick}). {@code subscriptions = objects} adds a Controller's
 * ObjectCreation and ObjectDeletion subscriptions on the hosts, Wi-Fi associations and DHCP leases,
 * so every tick diffs the rows that come and go.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class TickBenchmark {
  @Param({"provisioned", "objects"})
  public String subscriptions;

  private static final String TABLES =
      "Device.Hosts.Host.,Device.WiFi.AccessPoint.1.AssociatedDevice.,"
          + "Device.WiFi.AccessPoint.2.AssociatedDevice.,Device.DHCPv4.Server.Pool.1.Client.";

  private AgentCore agent;
  private long since;
  private final Outbox out = (controllerId, record) -> true;

  @Setup
  public void setup() throws Exception {
    File profile = new File("device-profiles/src/main/resources/profiles/home-gateway.conf");
    DeviceModel device = new DeviceModel(ProfileLoader.load(profile), 1, InstantSource.system());
    agent = AgentCore.create(AgentEnvironment.of(device, (i, due, t) -> {}, AgentStats.NOOP), 1);
    agent.restore(
        UspMessages.request("p", MsgType.ADD, io.fleetsim.controller.Provisioning.REQUEST),
        "self::fleetsim-controller");
    if (subscriptions.equals("objects")) {
      for (String type : new String[] {"ObjectCreation", "ObjectDeletion"}) {
        agent.restore(
            UspMessages.request("s" + type, MsgType.ADD, subscription(type)),
            "self::fleetsim-controller");
      }
    }
    since = System.currentTimeMillis();
  }

  private static Request subscription(String type) throws Exception {
    return TextFormat.parse(
        "add { allow_partial: false create_objs { obj_path: 'Device.LocalAgent.Subscription.' "
            + "param_settings { param: 'ID' value: '"
            + type
            + "' } param_settings { param: 'Enable' value: 'true' } "
            + "param_settings { param: 'NotifType' value: '"
            + type
            + "' } param_settings { param: 'ReferenceList' value: '"
            + TABLES
            + "' } } }",
        Request.class);
  }

  @Benchmark
  public void tick() {
    long until = since + 1_000;
    agent.onTick(since, until, out);
    since = until;
  }
}
