package io.fleetsim.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsim.datamodel.AgentDataModel;
import io.fleetsim.datamodel.DeviceModel;
import io.fleetsim.datamodel.Schema;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The home gateway's view of its LAN agrees with itself at every moment: each present host has its
 * DHCPv4 lease (same MAC and address, inside the pool) and, when on Wi-Fi, its AssociatedDevice row
 * under the access point of its SSID (same MAC), and Host.AssociatedDevice, Layer1Interface and
 * InterfaceType say the same; nothing else is there.
 */
class GatewayHostsTest {
  private static final Schema GATEWAY = BuiltinProfiles.load("home-gateway");
  private static final int[] ROOT = new int[0];

  private long now = Instant.parse("2026-12-05T08:00:00Z").toEpochMilli();

  private String value(AgentDataModel dm, String path, int... inst) {
    return dm.value(GATEWAY.param(path), inst);
  }

  private int[] rows(AgentDataModel dm, String table, int... parent) {
    return dm.instances(GATEWAY.object(table), parent);
  }

  @Test
  void everyPresentHost_hasItsLease_andItsAssociation_andNothingElseIsThere() {
    DeviceModel moving = new DeviceModel(GATEWAY, 42, () -> Instant.ofEpochMilli(now));
    int wifi = 0;
    int wired = 0;
    for (int agent = 0; agent < 60; agent++) {
      AgentDataModel dm = moving.newAgent(agent);
      for (int step = 0; step < 8; step++) {
        now += 97 * 60_000L;
        int[] hosts = rows(dm, "Device.Hosts.Host.{i}.");
        int[] leases = rows(dm, "Device.DHCPv4.Server.Pool.{i}.Client.{i}.", 1);
        assertThat(leases).as("one lease per host").containsExactly(hosts);
        assertThat(rows(dm, "Device.DHCPv4.Server.Pool.{i}.Client.{i}.", 2)).isEmpty();
        assertThat(rows(dm, "Device.WiFi.AccessPoint.{i}.AssociatedDevice.{i}.", 3)).isEmpty();
        assertThat(rows(dm, "Device.WiFi.AccessPoint.{i}.AssociatedDevice.{i}.", 4)).isEmpty();
        Set<String> macs = new HashSet<>();
        Set<String> addresses = new HashSet<>();
        int[] associated = new int[3];
        for (int n : hosts) {
          String mac = value(dm, "Device.Hosts.Host.{i}.PhysAddress", n);
          String ip = value(dm, "Device.Hosts.Host.{i}.IPAddress", n);
          assertThat(macs.add(mac)).as("MAC of host %d unique", n).isTrue();
          assertThat(addresses.add(ip)).as("address of host %d unique", n).isTrue();
          int last = Integer.parseInt(ip.substring("192.168.1.".length()));
          assertThat(last).isBetween(100, 249);
          assertThat(value(dm, "Device.Hosts.Host.{i}.DHCPClient", n))
              .isEqualTo("Device.DHCPv4.Server.Pool.1.Client." + n);
          assertThat(value(dm, "Device.DHCPv4.Server.Pool.{i}.Client.{i}.Chaddr", 1, n))
              .isEqualTo(mac);
          assertThat(
                  value(
                      dm,
                      "Device.DHCPv4.Server.Pool.{i}.Client.{i}.IPv4Address.{i}.IPAddress",
                      1,
                      n,
                      1))
              .isEqualTo(ip);
          String link = value(dm, "Device.Hosts.Host.{i}.Layer1Interface", n);
          String type = value(dm, "Device.Hosts.Host.{i}.InterfaceType", n);
          String association = value(dm, "Device.Hosts.Host.{i}.AssociatedDevice", n);
          if (link.startsWith("Device.WiFi.SSID.")) {
            int ap = Integer.parseInt(link.substring("Device.WiFi.SSID.".length()));
            assertThat(ap).isBetween(1, 2);
            assertThat(type).isEqualTo("Wi-Fi");
            assertThat(association)
                .isEqualTo("Device.WiFi.AccessPoint." + ap + ".AssociatedDevice." + n);
            assertThat(rows(dm, "Device.WiFi.AccessPoint.{i}.AssociatedDevice.{i}.", ap))
                .contains(n);
            assertThat(
                    value(dm, "Device.WiFi.AccessPoint.{i}.AssociatedDevice.{i}.MACAddress", ap, n))
                .isEqualTo(mac);
            associated[ap]++;
            wifi++;
          } else {
            assertThat(type).isEqualTo("Ethernet");
            assertThat(association).isEmpty();
            int port = Integer.parseInt(link.substring("Device.Ethernet.Interface.".length()));
            assertThat(value(dm, "Device.Ethernet.Interface.{i}.Status", port)).isEqualTo("Up");
            wired++;
          }
        }
        for (int ap = 1; ap <= 2; ap++) {
          assertThat(rows(dm, "Device.WiFi.AccessPoint.{i}.AssociatedDevice.{i}.", ap))
              .as("only the hosts on SSID %d", ap)
              .hasSize(associated[ap]);
          assertThat(value(dm, "Device.WiFi.AccessPoint.{i}.AssociatedDeviceNumberOfEntries", ap))
              .isEqualTo(Integer.toString(associated[ap]));
        }
        assertThat(value(dm, "Device.DHCPv4.Server.Pool.{i}.ClientNumberOfEntries", 1))
            .isEqualTo(Integer.toString(hosts.length));
        assertThat(Arrays.stream(hosts).distinct().count()).isEqualTo(hosts.length);
      }
    }
    // 80 % on Wi-Fi (30 % 2.4 GHz, 50 % 5 GHz), 20 % on a LAN port, over some 9,000 rows
    assertThat(wifi + wired).isGreaterThan(5_000);
    assertThat((double) wired / (wifi + wired)).isBetween(0.15, 0.25);
  }
}
