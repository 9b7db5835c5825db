package io.fleetsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsim.datamodel.AgentDataModel;
import io.fleetsim.datamodel.DeviceModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run's gateways and extenders form Wi-Fi meshes over the whole fleet: a cluster worker running a
 * part computes the same meshes as one JVM running all of it.
 */
class FleetMeshTest {
  @TempDir Path dir;

  private static String controllerId(List<DeviceModel> models, Scenario s, int agent) {
    AgentDataModel dm = models.get(s.mix().entryOf(agent)).newAgent(agent);
    return dm.value(dm.schema().param("Device.WiFi.DataElements.Network.ControllerID"), new int[0]);
  }

  @Test
  void extendersReportTheirGateway_andAWorkersPartAgreesWithTheWhole() throws IOException {
    Path file = dir.resolve("mesh.conf");
    Files.writeString(
        file,
        """
        scenario {
          duration = 10s
          fleet.agents = 300
          fleet.mix = [
            { profile = home-gateway, share = 75 }
            { profile = wifi-extender, share = 25 }
          ]
        }
        """);
    Scenario whole = ScenarioLoader.load(file, Map.of());
    List<DeviceModel> all = LocalRun.models(whole, whole.agents());
    Scenario part = whole.part(100);
    List<DeviceModel> worker = LocalRun.models(part, whole.agents());
    int meshed = 0;
    for (int agent = 0; agent < whole.agents(); agent++) {
      if (whole.mix().entryOf(agent) != 1) {
        continue;
      }
      int gateway = all.get(1).mesh().controllerOf(agent);
      if (gateway < 0) {
        continue;
      }
      meshed++;
      AgentDataModel gw = all.get(0).newAgent(gateway);
      String gatewayId = gw.value(gw.schema().param("Device.IEEE1905.AL.IEEE1905Id"), new int[0]);
      assertThat(controllerId(all, whole, agent)).isEqualTo(gatewayId);
      assertThat(controllerId(worker, part, agent)).isEqualTo(gatewayId);
    }
    assertThat(meshed).isGreaterThan(60);
    // the last gateway's mesh ends with the fleet: a part's own size does not cut it short
    assertThat(worker.get(0).mesh().membersOf(299)).isEqualTo(all.get(0).mesh().membersOf(299));
  }
}
