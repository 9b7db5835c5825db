package io.fleetsim.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsim.datamodel.AgentDataModel;
import io.fleetsim.datamodel.DeviceModel;
import io.fleetsim.datamodel.FleetMesh;
import io.fleetsim.datamodel.Schema;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A fleet of gateways and extenders forms EasyMesh networks: each extender reports the gateway
 * before it as its controller, with the same network ID, and the same list of devices (controller
 * first, its own row among them) as the gateway and its siblings report.
 */
class MeshTest {
  private static final int AGENTS = 2_000;
  private static final int[] ROOT = new int[0];
  private static final String DEVICE = "Device.WiFi.DataElements.Network.Device.{i}.";
  private static final String TOPOLOGY = "Device.IEEE1905.AL.NetworkTopology.IEEE1905Device.{i}.";

  private final FleetMix mix =
      new FleetMix(
          List.of(
              new FleetMix.Entry("home-gateway", 70, null),
              new FleetMix.Entry("wifi-extender", 20, null),
              new FleetMix.Entry("iot-hub", 10, null)));
  private final List<DeviceModel> models = new ArrayList<>();

  MeshTest() {
    List<Schema> schemas = mix.schemas();
    FleetMesh mesh = new FleetMesh(schemas, mix::entryOf, 42, AGENTS);
    InstantSource clock = InstantSource.fixed(Instant.parse("2026-12-05T10:00:00Z"));
    for (Schema s : schemas) {
      models.add(new DeviceModel(s, 42, clock).withMesh(mesh));
    }
  }

  private AgentDataModel agent(int index) {
    return models.get(mix.entryOf(index)).newAgent(index);
  }

  private static String value(AgentDataModel dm, String path, int... inst) {
    return dm.value(dm.schema().param(path), inst);
  }

  /** The rows of a mesh table as "ID serial model backhaul" lines. */
  private static List<String> devices(AgentDataModel dm) {
    List<String> out = new ArrayList<>();
    for (int n : dm.instances(dm.schema().object(DEVICE), ROOT)) {
      out.add(
          value(dm, DEVICE + "ID", n)
              + " "
              + value(dm, DEVICE + "SerialNumber", n)
              + " "
              + value(dm, DEVICE + "ManufacturerModel", n)
              + " "
              + value(dm, DEVICE + "BackhaulALID", n));
    }
    return out;
  }

  private static List<String> topology(AgentDataModel dm) {
    List<String> out = new ArrayList<>();
    for (int n : dm.instances(dm.schema().object(TOPOLOGY), ROOT)) {
      out.add(
          value(dm, TOPOLOGY + "IEEE1905Id", n) + " " + value(dm, TOPOLOGY + "FriendlyName", n));
    }
    return out;
  }

  @Test
  void everyExtender_andItsGateway_reportTheSameMesh() {
    int meshed = 0;
    int extenders = 0;
    Set<String> networks = new HashSet<>();
    for (int e = 0; e < AGENTS; e++) {
      if (mix.entryOf(e) != 1) {
        continue;
      }
      extenders++;
      AgentDataModel ext = agent(e);
      String ownId = value(ext, "Device.IEEE1905.AL.IEEE1905Id");
      List<String> rows = devices(ext);
      assertThat(rows)
          .anyMatch(
              r ->
                  r.startsWith(
                      ownId + " " + value(ext, "Device.DeviceInfo.SerialNumber") + " EXT-AX3000"));
      int controller = models.get(1).mesh().controllerOf(e);
      if (controller < 0) {
        assertThat(rows).hasSize(1);
        continue;
      }
      meshed++;
      assertThat(mix.entryOf(controller)).as("controller of %d", e).isZero();
      AgentDataModel gw = agent(controller);
      String gwId = value(gw, "Device.IEEE1905.AL.IEEE1905Id");
      assertThat(value(ext, "Device.WiFi.DataElements.Network.ControllerID")).isEqualTo(gwId);
      assertThat(value(gw, "Device.WiFi.DataElements.Network.ControllerID")).isEqualTo(gwId);
      String network = value(gw, "Device.WiFi.DataElements.Network.ID");
      assertThat(value(ext, "Device.WiFi.DataElements.Network.ID")).isEqualTo(network);
      assertThat(networks.add(network + "/" + e)).isTrue();
      // the same devices in the same order: the gateway first, with no backhaul; extenders behind
      // it
      assertThat(rows).isEqualTo(devices(gw)).hasSizeGreaterThanOrEqualTo(2);
      assertThat(rows.get(0))
          .isEqualTo(gwId + " " + value(gw, "Device.DeviceInfo.SerialNumber") + " HGW-X6500 ");
      for (String r : rows.subList(1, rows.size())) {
        assertThat(r).endsWith(" EXT-AX3000 " + gwId);
      }
      assertThat(topology(ext)).isEqualTo(topology(gw)).hasSameSizeAs(rows);
      assertThat(topology(ext).get(0)).isEqualTo(gwId + " Home Gateway");
      assertThat(value(ext, "Device.WiFi.DataElements.Network.DeviceNumberOfEntries"))
          .isEqualTo(Integer.toString(rows.size()));
      // every sibling sees the same
      for (int n = 2; n <= rows.size(); n++) {
        String sibling = value(ext, DEVICE + "ID", n);
        int s = Integer.parseInt(sibling.substring(9).replace(":", ""), 16);
        assertThat(mix.entryOf(s)).isEqualTo(1);
        assertThat(devices(agent(s))).isEqualTo(rows);
      }
    }
    assertThat(extenders).isBetween(350, 450);
    // with 70 % gateways nearly every extender has one within reach
    assertThat((double) meshed / extenders).isGreaterThan(0.95);
  }

  @Test
  void aGatewayWithoutExtenders_listsItself_andAnExtenderWithoutGateway_isAlone() {
    int lone = -1;
    for (int g = 0; g < AGENTS && lone < 0; g++) {
      if (mix.entryOf(g) == 0 && mix.entryOf(g + 1) == 0) {
        lone = g;
      }
    }
    AgentDataModel gw = agent(lone);
    assertThat(devices(gw))
        .containsExactly(
            value(gw, "Device.IEEE1905.AL.IEEE1905Id")
                + " "
                + value(gw, "Device.DeviceInfo.SerialNumber")
                + " HGW-X6500 ");

    // a fleet of extenders only: each is its own mesh, with a controller outside the fleet
    Schema extender = BuiltinProfiles.load("wifi-extender");
    AgentDataModel alone =
        new DeviceModel(extender, 42, InstantSource.fixed(Instant.EPOCH)).newAgent(9);
    assertThat(devices(alone)).hasSize(1);
    assertThat(value(alone, "Device.WiFi.DataElements.Network.ControllerID"))
        .matches("02:D0:9F(:[0-9A-F]{2}){3}");
    assertThat(value(alone, "Device.WiFi.DataElements.Network.ID")).isEqualTo("net-00000009");
  }
}
