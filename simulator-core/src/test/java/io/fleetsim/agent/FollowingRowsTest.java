package io.fleetsim.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsim.datamodel.ProfileLoader;
import io.fleetsim.datamodel.Schema;
import io.fleetsim.usp.proto.UspMsg.Header.MsgType;
import io.fleetsim.usp.proto.UspMsg.Msg;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Rows that mirror a churning table's ({@code follows}) and rows drawn as one of a few kinds
 * ({@code variants}): Wi-Fi AssociatedDevice rows are the hosts present on the access point's SSID,
 * with their instance numbers and MACs, and come and go with them.
 */
class FollowingRowsTest {
  static final Schema PROFILE = profile();

  private static Schema profile() {
    try {
      Path f = Files.createTempFile("following-rows", ".conf");
      Files.writeString(
          f,
          """
          include classpath("profiles/test-gateway.conf")
          profile.objects {
            "Device.Hosts.Host.{i}." {
              params {
                Layer1Interface { type = string, default = "Device.WiFi.SSID.1" }
                InterfaceType { type = string, default = Wi-Fi }
              }
              variants = [
                { share = 40, params { Layer1Interface = "Device.WiFi.SSID.1" } }
                { share = 40, params { Layer1Interface = "Device.WiFi.SSID.2" } }
                { share = 20, params { Layer1Interface = "Device.Ethernet.Interface.{i%2+1}", InterfaceType = Ethernet } }
              ]
            }
            "Device.WiFi.AccessPoint.{i}." {
              instances = 2
              num-entries = AccessPointNumberOfEntries
              params {
                SSIDReference { type = string, access = readWrite, gen { template = "Device.WiFi.SSID.{i}" } }
                AssociatedDeviceNumberOfEntries = unsignedInt
              }
            }
            "Device.WiFi.AccessPoint.{i}.AssociatedDevice.{i}." {
              follows { table = "Device.Hosts.Host.{i}.", match { Layer1Interface = SSIDReference } }
              num-entries = AssociatedDeviceNumberOfEntries
              params {
                MACAddress { type = string, gen { mac = "A4:83:E7", per-agent = 64 } }
              }
            }
          }
          """);
      try {
        return ProfileLoader.load(f.toFile());
      } finally {
        Files.delete(f);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static AgentHarness booted(int index) {
    AgentHarness h = new AgentHarness(PROFILE, index);
    h.agent.onConnected(h.out);
    h.clearSent();
    return h;
  }

  private static List<String> lastNumbers(List<String> paths) {
    return paths.stream()
        .map(p -> p.substring(p.lastIndexOf('.', p.length() - 2) + 1, p.length() - 1))
        .toList();
  }

  @Test
  void associatedDevices_areTheHostsOnTheAccessPointsSsid_withTheirMacs() {
    int wifi = 0;
    int wired = 0;
    for (int agent = 0; agent < 20; agent++) {
      AgentHarness h = booted(agent);
      for (int hour = 0; hour < 12; hour += 5) {
        h.advance(5 * 3_600_000L);
        List<String> ap1 = lastNumbers(h.instances("Device.WiFi.AccessPoint.1.AssociatedDevice."));
        List<String> ap2 = lastNumbers(h.instances("Device.WiFi.AccessPoint.2.AssociatedDevice."));
        for (String host : h.instances("Device.Hosts.Host.")) {
          String n = lastNumbers(List.of(host)).get(0);
          String link = h.value(host + "Layer1Interface");
          if (link.startsWith("Device.WiFi.SSID.")) {
            String ap = link.substring("Device.WiFi.SSID.".length());
            assertThat(ap.equals("1") ? ap1 : ap2).as(host + " on " + link).contains(n);
            assertThat(ap.equals("1") ? ap2 : ap1).doesNotContain(n);
            assertThat(h.value(host + "InterfaceType")).isEqualTo("Wi-Fi");
            assertThat(
                    h.value(
                        "Device.WiFi.AccessPoint." + ap + ".AssociatedDevice." + n + ".MACAddress"))
                .isEqualTo(h.value(host + "PhysAddress"));
            wifi++;
          } else {
            assertThat(link).matches("Device\\.Ethernet\\.Interface\\.[12]");
            assertThat(h.value(host + "InterfaceType")).isEqualTo("Ethernet");
            assertThat(ap1).doesNotContain(n);
            assertThat(ap2).doesNotContain(n);
            wired++;
          }
        }
        assertThat(h.value("Device.WiFi.AccessPoint.1.AssociatedDeviceNumberOfEntries"))
            .isEqualTo(Integer.toString(ap1.size()));
        assertThat(h.instances("Device.Hosts.Host."))
            .hasSizeGreaterThanOrEqualTo(ap1.size() + ap2.size());
      }
    }
    // the shares 80 % Wi-Fi and 20 % wired show over some 400 host rows
    assertThat(wifi + wired).isGreaterThan(200);
    assertThat((double) wired / (wifi + wired)).isBetween(0.1, 0.3);
  }

  @Test
  void associatedDevicesComeAndGoWithTheirHosts_andSubscribersHearOfBoth() {
    AgentHarness h = booted(3);
    Subscriptions.add(h, "h+", "ObjectCreation", "Device.Hosts.Host.", "Persistent", "true");
    Subscriptions.add(h, "h-", "ObjectDeletion", "Device.Hosts.Host.*.", "Persistent", "true");
    for (String ap : List.of("1", "2")) {
      String table = "Device.WiFi.AccessPoint." + ap + ".AssociatedDevice.";
      Subscriptions.add(h, "a+" + ap, "ObjectCreation", table, "Persistent", "true");
    }
    Subscriptions.add(
        h,
        "a-",
        "ObjectDeletion",
        "Device.WiFi.AccessPoint.*.AssociatedDevice.*.",
        "Persistent",
        "true");
    Map<String, TreeSet<String>> rows = new HashMap<>();
    for (String ap : List.of("1", "2")) {
      rows.put(
          ap, new TreeSet<>(h.instances("Device.WiFi.AccessPoint." + ap + ".AssociatedDevice.")));
    }
    int associations = 0;
    for (int m = 0; m < 12 * 60; m++) {
      long since = h.clock.millis();
      h.advance(60_000);
      h.clearSent();
      h.agent.onTick(since, h.clock.millis(), h.out);
      List<String> hostEvents = new ArrayList<>();
      List<String> apEvents = new ArrayList<>();
      for (Msg n : h.notifications()) {
        var notify = n.getBody().getRequest().getNotify();
        String path =
            notify.hasObjCreation()
                ? notify.getObjCreation().getObjPath()
                : notify.getObjDeletion().getObjPath();
        String event = (notify.hasObjCreation() ? "+" : "-") + path;
        (path.startsWith("Device.Hosts.") ? hostEvents : apEvents).add(event);
      }
      for (String e : apEvents) {
        // Device.WiFi.AccessPoint.A.AssociatedDevice.N. comes with Device.Hosts.Host.N. in the tick
        String ap = e.substring("+Device.WiFi.AccessPoint.".length()).split("\\.")[0];
        String n = lastNumbers(List.of(e)).get(0);
        assertThat(hostEvents).as(e).contains(e.charAt(0) + "Device.Hosts.Host." + n + ".");
        String row = e.substring(1);
        if (e.startsWith("+")) {
          assertThat(rows.get(ap).add(row)).as("created twice: " + e).isTrue();
          associations++;
        } else {
          assertThat(rows.get(ap).remove(row)).as("deleted while absent: " + e).isTrue();
        }
      }
    }
    assertThat(associations).isGreaterThan(3);
    for (String ap : List.of("1", "2")) {
      assertThat(rows.get(ap))
          .containsExactlyElementsOf(
              h.instances("Device.WiFi.AccessPoint." + ap + ".AssociatedDevice."));
    }
  }

  @Test
  void aControllerSetOfTheMatchedParameter_movesTheRows() {
    AgentHarness h = booted(5);
    h.advance(3 * 3_600_000L);
    List<String> onSsid1 = lastNumbers(h.instances("Device.WiFi.AccessPoint.1.AssociatedDevice."));
    Msg set =
        h.call(
            MsgType.SET,
            "set { update_objs { obj_path: 'Device.WiFi.AccessPoint.2.' "
                + "param_settings { param: 'SSIDReference' value: 'Device.WiFi.SSID.1' "
                + "required: true } } }");
    assertThat(set.getBody().getResponse().hasSetResp()).isTrue();
    assertThat(lastNumbers(h.instances("Device.WiFi.AccessPoint.2.AssociatedDevice.")))
        .isEqualTo(onSsid1);
  }
}
