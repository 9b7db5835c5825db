package io.fleetsim.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsim.agent.AgentCore;
import io.fleetsim.agent.AgentEnvironment;
import io.fleetsim.datamodel.DeviceModel;
import io.fleetsim.datamodel.Schema;
import io.fleetsim.metrics.AgentStats;
import io.fleetsim.usp.message.UspMessages;
import io.fleetsim.usp.proto.UspMsg.Get;
import io.fleetsim.usp.proto.UspMsg.Header.MsgType;
import io.fleetsim.usp.proto.UspMsg.Request;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Same seed, same fleet, byte for byte: the whole Get Device. answer of every built-in profile. */
class SeedReproducibilityTest {
  private static final long EPOCH = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();

  private static byte[] getDevice(Schema schema, long seed, int agent, long atMillis) {
    InstantSource clock = InstantSource.fixed(Instant.ofEpochMilli(atMillis));
    AgentCore core =
        AgentCore.create(
            AgentEnvironment.of(
                new DeviceModel(schema, seed, clock, EPOCH), (a, due, t) -> {}, AgentStats.NOOP),
            agent);
    List<byte[]> out = new ArrayList<>();
    core.onRecord(
        UspMessages.encodeRecord(
            "1.4",
            core.endpointId(),
            "self::fleetsim-controller",
            UspMessages.request(
                "g",
                MsgType.GET,
                Request.newBuilder().setGet(Get.newBuilder().addParamPaths("Device.")).build())),
        (c, r) -> out.add(r));
    assertThat(out).hasSize(1);
    return out.get(0);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"home-gateway", "wifi-extender", "iot-hub"})
  void sameSeed_sameBytes_otherSeedOrAgent_otherBytes(String profile) {
    Schema s = BuiltinProfiles.load(profile);
    long t = EPOCH + 5 * 3_600_000L;
    byte[] a = getDevice(s, 42, 17, t);
    assertThat(getDevice(BuiltinProfiles.load(profile), 42, 17, t)).isEqualTo(a);
    assertThat(getDevice(s, 43, 17, t)).isNotEqualTo(a);
    assertThat(getDevice(s, 42, 18, t)).isNotEqualTo(a);
    assertThat(getDevice(s, 42, 17, t + 60_000)).as("values move with time").isNotEqualTo(a);
  }
}
