package io.fleetsim.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import io.fleetsim.datamodel.ProfileLoader;
import io.fleetsim.datamodel.Schema;
import io.fleetsim.usp.proto.UspMsg.Header.MsgType;
import org.junit.jupiter.api.Test;

/**
 * TR-181 DeviceInfo.Reboots moves with every reboot: BootCount counts it and a Reboot.{i} row keeps
 * its cause, reason, firmware flag and time, the oldest rows dropped beyond max-entries.
 */
class RebootHistoryTest {
  private static final Schema WITH_REBOOTS =
      ProfileLoader.loadResource(
          "profiles/test-gateway.conf",
          ConfigFactory.parseString(
              """
              profile.objects {
                "Device.DeviceInfo.Reboots." { params { BootCount { type = unsignedInt, default = 5 } } }
                "Device.DeviceInfo.Reboots.Reboot.{i}." {
                  instances = 0, max-entries = 3, num-entries = RebootNumberOfEntries
                  params { Cause = string, Reason = string, FirmwareUpdated = boolean, TimeStamp = dateTime }
                }
              }
              """));

  @Test
  void everyRebootCounts_andLeavesARow_theOldestGoBeyondMaxEntries() {
    AgentHarness h = new AgentHarness(WITH_REBOOTS, 7);
    h.agent.onConnected(h.out);
    assertThat(h.value("Device.DeviceInfo.Reboots.BootCount")).isEqualTo("5");
    reboot(h);
    assertThat(h.value("Device.DeviceInfo.Reboots.BootCount")).isEqualTo("6");
    assertThat(h.value("Device.DeviceInfo.Reboots.Reboot.1.Cause")).isEqualTo("RemoteReboot");
    assertThat(h.value("Device.DeviceInfo.Reboots.Reboot.1.Reason"))
        .isEqualTo("Reboot() by the Controller");
    assertThat(h.value("Device.DeviceInfo.Reboots.Reboot.1.FirmwareUpdated")).isEqualTo("false");
    assertThat(h.value("Device.DeviceInfo.Reboots.Reboot.1.TimeStamp")).startsWith("2026-01-01T");
    for (int i = 0; i < 3; i++) {
      reboot(h);
    }
    assertThat(h.value("Device.DeviceInfo.Reboots.BootCount")).isEqualTo("9");
    assertThat(h.value("Device.DeviceInfo.Reboots.RebootNumberOfEntries")).isEqualTo("3");
    assertThat(h.instances("Device.DeviceInfo.Reboots.Reboot."))
        .containsExactly(
            "Device.DeviceInfo.Reboots.Reboot.2.",
            "Device.DeviceInfo.Reboots.Reboot.3.",
            "Device.DeviceInfo.Reboots.Reboot.4.");
  }

  private static void reboot(AgentHarness h) {
    h.call(MsgType.OPERATE, "operate { command: 'Device.Reboot()' send_resp: true }");
    h.completeReboot();
  }
}
