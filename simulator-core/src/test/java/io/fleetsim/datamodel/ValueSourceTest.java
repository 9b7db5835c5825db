package io.fleetsim.datamodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;

/** Per-device values are computed, deterministic for a seed, and move with the clock. */
class ValueSourceTest {
  private static final Schema SCHEMA = ProfileLoader.loadResource("profiles/test-gateway.conf");

  private static AgentDataModel agent(long seed, int index, long nowMillis) {
    return new DeviceModel(SCHEMA, seed, InstantSource.fixed(Instant.ofEpochMilli(nowMillis)))
        .newAgent(index);
  }

  private static String value(AgentDataModel dm, String path, int... inst) {
    return dm.value(SCHEMA.param(path), inst);
  }

  @Test
  void templates_macs_andPerInstanceConstants() {
    AgentDataModel dm = agent(1, 255, 0);
    assertThat(value(dm, "Device.DeviceInfo.SerialNumber")).isEqualTo("FSIM00000255");
    assertThat(value(dm, "Device.WiFi.SSID.{i}.BSSID", 2)).isEqualTo("00:D0:9E:00:0F:F2");
    assertThat(value(dm, "Device.WiFi.SSID.{i}.Name", 2)).isEqualTo("wl2");
    assertThat(value(dm, "Device.DeviceInfo.FirmwareImage.{i}.Status", 1)).isEqualTo("Active");
    assertThat(value(dm, "Device.DeviceInfo.FirmwareImage.{i}.Status", 2)).isEqualTo("Available");
  }

  @Test
  void foldedInstanceNumbers_stayInsideTheirRange() {
    ValueContext ctx = context(7, 1, 150);
    assertThat(Templates.expand("192.168.1.{i%150+100}", context(7, 1))).isEqualTo("192.168.1.100");
    assertThat(Templates.expand("192.168.1.{i%150+100}", context(7, 150)))
        .isEqualTo("192.168.1.249");
    assertThat(Templates.expand("192.168.1.{i%150+100}", context(7, 151)))
        .isEqualTo("192.168.1.100");
    assertThat(Templates.expand("192.168.{i1}.{i2%150+100}", ctx)).isEqualTo("192.168.1.249");
    assertThat(Templates.expand("eth{i%2}", context(7, 4))).isEqualTo("eth2");
    assertThat(Templates.invalidPlaceholder("{i3%4+1}")).isNull();
    assertThat(Templates.invalidPlaceholder("{i%}")).isEqualTo("{i%}");
  }

  @Test
  void macs_foldIntoTheAgentsBlock_soRowsPresentTogetherNeverShareOne() {
    ValueSource.Mac mac = new ValueSource.Mac(0xA483E7, 60);
    assertThat(mac.value(context(1, 60))).isEqualTo("A4:83:E7:00:00:78");
    // row 61 (slot 1 of 30 back for its third session) reuses row 1's address, not agent 2's
    assertThat(mac.value(context(1, 61))).isEqualTo(mac.value(context(1, 1)));
    assertThat(mac.value(context(1, 61))).isNotEqualTo(mac.value(context(2, 1)));
    // rows of 30 slots present together (slot s in any session) never collide
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (int slot = 0; slot < 30; slot++) {
      int session = (slot * 7) % 5;
      assertThat(seen.add(mac.value(context(1, session * 30 + slot + 1)))).isTrue();
    }
  }

  @Test
  void nextChangeOfAHop_isExactlyWhereItsValueMoves() {
    long[] now = {0};
    AgentDataModel dm = new DeviceModel(SCHEMA, 42, () -> Instant.ofEpochMilli(now[0])).newAgent(7);
    ParamNode channel = SCHEMA.param("Device.WiFi.Radio.{i}.Channel");
    long at = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();
    java.util.SplittableRandom random = new java.util.SplittableRandom(5);
    for (int i = 0; i < 500; i++) {
      at += random.nextLong(1, 30 * 3_600_000L);
      int[] radio = {1 + (i % 2)};
      long next = dm.nextChangeAfter(channel, radio, at);
      assertThat(next).isGreaterThan(at);
      String before = dm.valueAt(channel, radio, at);
      assertThat(dm.valueAt(channel, radio, next - 1)).as("unchanged until then").isEqualTo(before);
      assertThat(dm.valueAt(channel, radio, next)).as("changed then").isNotEqualTo(before);
      // nothing in between either (a hop changes once per window)
      assertThat(dm.valueAt(channel, radio, at + (next - at) / 2)).isEqualTo(before);
    }
  }

  @Test
  void nextChangeOfChurningRows_isExactlyWhereARowComesOrGoes() {
    long epoch = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();
    AgentDataModel dm =
        new DeviceModel(SCHEMA, 42, InstantSource.fixed(Instant.ofEpochMilli(epoch)), epoch)
            .newAgent(3);
    ObjectNode hosts = SCHEMA.object("Device.Hosts.Host.{i}.");
    int[] root = new int[0];
    long at = epoch - 60_000; // before the fleet's epoch too
    int changes = 0;
    for (int i = 0; i < 400; i++) {
      long next = dm.nextRowChangeAfter(hosts, root, at);
      int[] before = dm.instancesAt(hosts, root, at);
      assertThat(dm.instancesAt(hosts, root, next - 1)).isEqualTo(before);
      if (!java.util.Arrays.equals(dm.instancesAt(hosts, root, next), before)) {
        changes++;
      }
      at = next;
    }
    // every step lands on a change but where a slot is never present (none in this profile)
    assertThat(changes).isEqualTo(400);
  }

  private static ValueContext context(int agent, int... instances) {
    return new ValueContext() {
      public long seed() {
        return 42;
      }

      public int agentIndex() {
        return agent;
      }

      public int[] instances() {
        return instances;
      }

      public long nowMillis() {
        return 0;
      }

      public long bootMillis() {
        return 0;
      }
    };
  }

  /** BytesSent of SSID.1 read {@code elapsed} ms after the agent booted. */
  private static String bytesSentAfter(long seed, int index, long elapsed) {
    long[] now = {0};
    InstantSource clock = () -> Instant.ofEpochMilli(now[0]);
    AgentDataModel dm = new DeviceModel(SCHEMA, seed, clock).newAgent(index);
    now[0] = elapsed;
    return value(dm, "Device.WiFi.SSID.{i}.Stats.BytesSent", 1);
  }

  @Test
  void sameSeed_sameFleet_differentSeed_differentCounters() {
    long hour = 3_600_000;
    String a = bytesSentAfter(7, 10, hour);
    assertThat(bytesSentAfter(7, 10, hour)).isEqualTo(a);
    assertThat(bytesSentAfter(8, 10, hour)).isNotEqualTo(a);
    assertThat(bytesSentAfter(7, 11, hour)).isNotEqualTo(a);
    // rate 12000 B/s ± 50% over an hour, and the counter only grows
    assertThat(Long.parseLong(a)).isBetween(6_000L * 3600, 18_000L * 3600);
    assertThat(Long.parseLong(bytesSentAfter(7, 10, 2 * hour))).isGreaterThan(Long.parseLong(a));
  }

  @Test
  void randomRange_staysInRange_andIsStablePerDevice() {
    for (int i = 0; i < 200; i++) {
      String v = value(agent(3, i, 0), "Device.WiFi.SSID.{i}.Stats.ErrorsReceived", 1);
      assertThat(Integer.parseInt(v)).isBetween(0, 3);
      assertThat(value(agent(3, i, 99_999), "Device.WiFi.SSID.{i}.Stats.ErrorsReceived", 1))
          .isEqualTo(v);
    }
  }

  @Test
  void wander_staysNearItsPerDeviceMean_movesSmoothly_andIsSeeded() {
    ValueSource.Wander rssi = new ValueSource.Wander(-70, -45, 3, 30_000, -200, 0, 0);
    for (int agent = 0; agent < 50; agent++) {
      int previous = Integer.MIN_VALUE;
      for (long t = 0; t < 600_000; t += 5_000) {
        int v = Integer.parseInt(rssi.value(at(1, agent, t)));
        assertThat(v).isBetween(-73, -42);
        if (previous != Integer.MIN_VALUE) {
          // knots 30 s apart and ±3 dB: no jump of more than the whole band in 5 s
          assertThat(Math.abs(v - previous)).isLessThanOrEqualTo(6);
        }
        previous = v;
        assertThat(rssi.value(at(1, agent, t))).isEqualTo(String.valueOf(v));
      }
    }
    ValueSource.Wander temp = new ValueSource.Wander(19, 23, 0.4, 300_000, -274, 1000, 1);
    assertThat(temp.value(at(1, 3, 0))).matches("-?\\d+\\.\\d");
    assertThat(rssi.timeDependent()).isTrue();
  }

  private static ValueContext at(long seed, int index, long nowMillis) {
    return new ValueContext() {
      @Override
      public long seed() {
        return seed;
      }

      @Override
      public int agentIndex() {
        return index;
      }

      @Override
      public int[] instances() {
        return new int[] {1};
      }

      @Override
      public long nowMillis() {
        return nowMillis;
      }

      @Override
      public long bootMillis() {
        return 0;
      }
    };
  }

  @Test
  void ipv4_wrapsInsideItsSubnet() {
    ValueSource.Ipv4 ip = new ValueSource.Ipv4(0x0A000000, 30, 1);
    ValueContext ctx = ctx(5);
    // a /30 has 2 hosts: index 5 -> host 1 + (5 mod 2) = 2
    assertThat(ip.value(ctx)).isEqualTo("10.0.0.2");
  }

  private static ValueContext ctx(int index) {
    return new ValueContext() {
      @Override
      public long seed() {
        return 0;
      }

      @Override
      public int agentIndex() {
        return index;
      }

      @Override
      public int[] instances() {
        return new int[0];
      }

      @Override
      public long nowMillis() {
        return 0;
      }

      @Override
      public long bootMillis() {
        return 0;
      }
    };
  }
}
