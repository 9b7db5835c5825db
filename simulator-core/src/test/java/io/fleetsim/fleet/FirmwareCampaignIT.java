package io.fleetsim.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsim.controller.FirmwareCampaign;
import io.fleetsim.controller.FirmwareServer;
import io.fleetsim.controller.ReferenceController;
import io.fleetsim.datamodel.DeviceModel;
import io.fleetsim.mtp.Transports;
import io.fleetsim.testing.Await;
import io.fleetsim.testing.ReadParam;
import io.fleetsim.testing.TestFleet;
import io.fleetsim.testing.TestFleets;
import io.fleetsim.testing.TestModels;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A firmware rollout by the embedded Controller over WebSocket: agents really download the image
 * from its HTTP server (or model the transfer in simulate mode), announce TransferComplete!, are
 * activated, reboot, announce Boot! and report the new SoftwareVersion. A dead firmware server
 * fails every agent cleanly with TransferComplete! FaultCode 7022.
 */
class FirmwareCampaignIT {
  private static final int AGENTS = 20;
  private static final String IMAGES = "Device.DeviceInfo.FirmwareImage.";
  private static final FirmwareServer.Image IMAGE =
      new FirmwareServer.Image("fsim-2.5.0.bin", 1_000_000);

  @Test
  void realDownloads_everyAgentEndsOnTheNewVersion() throws Exception {
    try (Transports transports = Transports.create(2);
        FirmwareServer server =
            FirmwareServer.serve(
                transports, new InetSocketAddress("127.0.0.1", 0), List.of(IMAGE), 8_000_000)) {
      rollout(
          transports,
          server,
          "2.5.0",
          f -> {
            assertUpgraded(f);
            // the same campaign again leaves every agent alone: they already run 2.5.0
            try (FirmwareCampaign again = f.rerun().call()) {
              Await.until(again::done, Duration.ofSeconds(30));
              assertThat(again.alreadyThere()).isEqualTo(AGENTS);
              assertThat(again.upgraded()).isZero();
              assertThat(again.elapsed()).isPositive();
            }
          });
    }
  }

  @Test
  void simulatedDownloads_needNoSocketButTakeTheModelledTime() throws Exception {
    try (Transports transports = Transports.create(2);
        FirmwareServer server = FirmwareServer.simulate(List.of(IMAGE), 2_000_000)) {
      // no version given: the Version the agents give the downloaded bank must become current
      rollout(
          transports,
          server,
          "",
          f -> {
            assertUpgraded(f);
            // 1 MB at 2 MB/s: no download can have been faster than 0.5 s
            assertThat(f.controller().latencies().total("firmware-download").getMinValue())
                .isGreaterThanOrEqualTo(500_000);
          });
    }
  }

  @Test
  void deadFirmwareServer_failsEachAgentWithTheTransferFault() throws Exception {
    try (Transports transports = Transports.create(2)) {
      FirmwareServer server =
          FirmwareServer.serve(
              transports, new InetSocketAddress("127.0.0.1", 0), List.of(IMAGE), 0);
      server.close(); // its URL now refuses connections
      rollout(
          transports,
          server,
          "2.5.0",
          f -> {
            assertThat(f.campaign().failures()).isEqualTo(Map.of("download failed", (long) AGENTS));
            assertThat(f.campaign().upgraded()).isZero();
            assertThat(f.versions()).containsOnly("1.2.0");
          });
    }
  }

  @Test
  void badRelease_everyAgentRollsBack_andStaysOnItsOldVersion() throws Exception {
    try (Transports transports = Transports.create(2);
        FirmwareServer server =
            FirmwareServer.serve(
                transports, new InetSocketAddress("127.0.0.1", 0), List.of(IMAGE), 8_000_000)) {
      server.rollbackPercent(100);
      rollout(
          transports,
          server,
          "2.5.0",
          f -> {
            assertThat(f.campaign().failures()).isEqualTo(Map.of("rolled back", (long) AGENTS));
            assertThat(f.versions()).containsOnly("1.2.0");
            // the download and the activation happened; only the new image did not boot
            assertThat(f.controller().latencies().total("firmware-activation").getTotalCount())
                .isEqualTo(AGENTS);
            assertThat(ReadParam.of(f.controller(), f.agent(0), IMAGES + "2.Status"))
                .isEqualTo("ActivationFailed");
          });
    }
  }

  /** What a finished rollout is checked against. */
  private record Finished(
      FirmwareCampaign campaign,
      ReferenceController controller,
      List<String> versions,
      java.util.concurrent.Callable<FirmwareCampaign> rerun,
      List<String> agents) {
    String agent(int i) {
      return agents.get(i);
    }
  }

  private interface Check {
    void accept(Finished f) throws Exception;
  }

  private void rollout(Transports transports, FirmwareServer server, String version, Check check)
      throws Exception {
    DeviceModel model = TestModels.gateway(3, Map.of("profile.agent.reboot-time", "300ms"));
    try (ReferenceController controller = TestFleets.controller(transports, false);
        TestFleet fleet = TestFleets.webSocket(model, transports, controller, AGENTS, 1)) {
      fleet.start();
      Await.until(() -> controller.provisioned() == AGENTS, Duration.ofSeconds(30));
      List<String> agents = fleet.endpointIds();
      assertThat(versions(controller, agents)).containsOnly("1.2.0");

      FirmwareCampaign.Spec spec =
          new FirmwareCampaign.Spec(IMAGE.name(), version, 50, 8, Duration.ofSeconds(30));
      java.util.concurrent.Callable<FirmwareCampaign> start =
          () -> FirmwareCampaign.start(controller, server, spec, agents, transports.group().next());
      try (FirmwareCampaign campaign = start.call()) {
        Await.until(campaign::done, Duration.ofSeconds(60));
        Await.until(() -> controller.connectedAgents().size() == AGENTS, Duration.ofSeconds(30));
        check.accept(
            new Finished(campaign, controller, versions(controller, agents), start, agents));
      }
      assertThat(fleet.stats().drops()).isEmpty();
    }
  }

  private static void assertUpgraded(Finished f) {
    assertThat(f.campaign().upgraded()).isEqualTo(AGENTS);
    assertThat(f.campaign().failures()).isEmpty();
    assertThat(f.versions()).containsOnly("2.5.0").hasSize(AGENTS);
    for (String step : List.of("firmware-download", "firmware-activation", "firmware-upgrade")) {
      assertThat(f.controller().latencies().total(step).getTotalCount()).as(step).isEqualTo(AGENTS);
    }
  }

  private static List<String> versions(ReferenceController controller, List<String> agents)
      throws Exception {
    List<String> out = new java.util.ArrayList<>();
    for (String a : agents) {
      out.add(ReadParam.of(controller, a, "Device.DeviceInfo.SoftwareVersion"));
    }
    return out;
  }
}
