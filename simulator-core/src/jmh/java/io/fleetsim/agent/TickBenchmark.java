package io.fleetsim.agent;

import io.fleetsim.datamodel.DeviceModel;
import io.fleetsim.datamodel.ProfileLoader;
import io.fleetsim.metrics.AgentStats;
import io.fleetsim.usp.message.UspMessages;
import io.fleetsim.usp.proto.UspMsg.Header.MsgType;
import java.io.File;
import java.time.InstantSource;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One agent's share of a fleet tick (Periodic! schedule, self-changing values, host churn) on a
 * provisioned home gateway, in the usual case where nothing is due: what a fleet of N agents pays N
 * times a second.
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
    since = System.currentTimeMillis();
  }

  @Benchmark
  public void tick() {
    long until = since + 1_000;
    agent.onTick(since, until, out);
    since = until;
  }
}
