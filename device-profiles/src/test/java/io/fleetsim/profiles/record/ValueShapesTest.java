package io.fleetsim.profiles.record;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a recorded value's shape makes of it: a generator with a reason, or the constant. */
class ValueShapesTest {
  private static String gen(String param, String type, String value, String later) {
    ValueShapes.Inference i = ValueShapes.infer(param, type, value, "GW0042", later, 10);
    return i == null ? null : i.generator();
  }

  @Test
  void perDeviceValues_becomeGenerators() {
    assertThat(gen("SerialNumber", "string", "GW0042", null))
        .isEqualTo("{ template = \"GW{index:06}\" }");
    assertThat(ValueShapes.serialTemplate("ACME")).isEqualTo("ACME-{index:08}");
    assertThat(gen("EndpointID", "string", "os::00D09E-GW0042", null))
        .isEqualTo("{ template = \"os::00D09E-GW{index:06}\" }");
    assertThat(gen("MACAddress", "string", "a4:83:e7:01:02:03", null))
        .isEqualTo("{ mac = \"A4:83:E7\", per-agent = 32 }");
    assertThat(gen("ExternalIPAddress", "string", "198.51.100.7", null))
        .isEqualTo("{ ipv4 = \"198.51.100.0/24\" }");
    assertThat(gen("UpTime", "unsignedInt", "3600", null)).isEqualTo("{ uptime = on }");
  }

  @Test
  void countersGrowAtTheRateTwoGetsShow_signalsWander_theRestStaysConstant() {
    assertThat(gen("BytesSent", "unsignedLong", "1000", "6000"))
        .isEqualTo("{ counter { rate = 500, jitter = 0.5 } }");
    assertThat(gen("BytesSent", "unsignedLong", "1000", null)).isNull(); // one Get: no rate
    assertThat(gen("SignalStrength", "int", "-63", null))
        .isEqualTo("{ wander { mean = [-63, -63], amplitude = 3, period = 30s, decimals = 0 } }");
    // the operator's addresses and the LAN side are the same on every device
    assertThat(gen("DNSServer", "string", "198.51.100.1", null)).isNull();
    assertThat(gen("IPAddress", "string", "192.168.1.1", null)).isNull();
    assertThat(gen("ModelName", "string", "HGW-X", null)).isNull();
  }
}
