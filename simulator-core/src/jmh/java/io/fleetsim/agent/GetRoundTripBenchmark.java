package io.fleetsim.agent;

import io.fleetsim.datamodel.DeviceModel;
import io.fleetsim.datamodel.ProfileLoader;
import io.fleetsim.datamodel.Schema;
import io.fleetsim.metrics.AgentStats;
import io.fleetsim.usp.message.UspMessages;
import io.fleetsim.usp.proto.UspMsg.Get;
import io.fleetsim.usp.proto.UspMsg.Header.MsgType;
import io.fleetsim.usp.proto.UspMsg.Request;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * One USP request through an agent: Record decode, Msg decode, addressing checks, GetHandler, Msg
 * and Record encode of the response (issue [1/5] target: at most 5 µs per message on 2 cores).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class GetRoundTripBenchmark {
  private AgentCore agent;
  private AgentCore gateway;
  private byte[] getDeviceInfo;
  private byte[] getOneParam;
  private byte[] getGatewayDevice;
  private Outbox out;

  @Setup
  public void setup(Blackhole bh) {
    Schema schema = ProfileLoader.loadResource("profiles/test-gateway.conf");
    AgentEnvironment env =
        AgentEnvironment.of(
            new DeviceModel(schema, 1, InstantSource.system()), (i, due, t) -> {}, AgentStats.NOOP);
    agent = AgentCore.create(env, 1);
    getDeviceInfo = request(agent, "Device.DeviceInfo.");
    getOneParam = request(agent, "Device.DeviceInfo.SoftwareVersion");
    Schema homeGateway =
        ProfileLoader.load(
            new java.io.File("device-profiles/src/main/resources/profiles/home-gateway.conf"));
    gateway =
        AgentCore.create(
            AgentEnvironment.of(
                new DeviceModel(homeGateway, 1, InstantSource.system()),
                (i, due, t) -> {},
                AgentStats.NOOP),
            1);
    getGatewayDevice = request(gateway, "Device.");
    out =
        (controllerId, record) -> {
          bh.consume(record);
          return true;
        };
  }

  private static byte[] request(AgentCore agent, String path) {
    return UspMessages.record(
            "1.4",
            agent.endpointId(),
            "self::fleetsim-controller",
            UspMessages.request(
                "GET@bench",
                MsgType.GET,
                Request.newBuilder().setGet(Get.newBuilder().addParamPaths(path)).build()))
        .toByteArray();
  }

  /** Get Device.DeviceInfo. (the object, its 16 parameters and both FirmwareImage rows). */
  @Benchmark
  public Object getDeviceInfoObject() {
    return agent.onRecord(getDeviceInfo, out);
  }

  /** Get of a single parameter. */
  @Benchmark
  public Object getSingleParameter() {
    return agent.onRecord(getOneParam, out);
  }

  /**
   * Get Device. of a home gateway: its whole data model, about 1,700 values with its hosts, Wi-Fi
   * associations and leases.
   */
  @Benchmark
  public Object getWholeGateway() {
    return gateway.onRecord(getGatewayDevice, out);
  }
}
