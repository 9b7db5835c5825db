package io.fleetsim.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsim.usp.proto.UspMsg.Header.MsgType;
import io.fleetsim.usp.proto.UspMsg.Msg;
import io.fleetsim.usp.proto.UspMsg.Notify;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Activating a downloaded image: a good one boots (FirmwareUpdated=true), a bad one (the URL's
 * {@code rollback} share) fails to boot and the device comes back on its old image with the bank
 * ActivationFailed; and the Set BootFirmwareImage + Reboot() alternative (TR-181
 * Device.DeviceInfo.).
 */
class FirmwareActivationTest {
  private static final String IMAGE = "http://127.0.0.1:8081/firmware/fsim-2.0.1.bin";
  private static final long REBOOT = AgentHarness.TEST_PROFILE.settings().rebootMillis();

  private final List<Consumer<FileTransfers.Outcome>> fetches = new ArrayList<>();
  private AgentHarness h;

  @BeforeEach
  void boot() {
    h = new AgentHarness(AgentHarness.TEST_PROFILE, 7, (url, alg, done) -> fetches.add(done));
    h.agent.onConnected(h.out);
    Subscriptions.add(h, "oc", "OperationComplete", "Device.DeviceInfo.", "Persistent", "true");
    Subscriptions.add(h, "boot", "Event", "Device.Boot!", "Persistent", "true");
    h.clearSent();
  }

  @Test
  void badImage_failsToBoot_andTheDeviceRollsBackToTheImageItRan() {
    downloadIntoBank2(IMAGE + "?rollback=100");
    activateBank2();
    assertThat(h.agent.rebooting()).isTrue();

    // the failed boot costs a second boot into the old bank
    h.advance(REBOOT);
    assertThat(h.agent.rebooting()).isTrue();
    h.clearSent();
    h.advance(REBOOT);
    assertThat(h.agent.rebooting()).isFalse();
    h.agent.onConnected(h.out);

    List<Msg> notes = h.notifications();
    assertThat(notes)
        .extracting(n -> n.getBody().getRequest().getNotify().getSubscriptionId())
        .containsExactly("boot", "oc");
    assertThat(notify(notes.get(0)).getEvent().getParamsMap())
        .containsEntry("FirmwareUpdated", "false")
        .containsEntry("Cause", "RemoteReboot")
        .containsEntry("CommandKey", "act");
    Notify.OperationComplete oc = notify(notes.get(1)).getOperComplete();
    assertThat(oc.getCommandName()).isEqualTo("Activate()");
    assertThat(oc.getCmdFailure().getErrCode()).isEqualTo(7022);
    assertThat(oc.getCmdFailure().getErrMsg())
        .isEqualTo("ActivationFailed: image 2.0.1 failed to boot; rolled back to 1.2.0");
    assertThat(h.value("Device.DeviceInfo.FirmwareImage.2.Status")).isEqualTo("ActivationFailed");
    assertThat(h.value("Device.DeviceInfo.FirmwareImage.2.BootFailureLog"))
        .isEqualTo("image 2.0.1 failed to boot; rolled back to 1.2.0");
    assertThat(h.value("Device.DeviceInfo.FirmwareImage.1.Status")).isEqualTo("Active");
    assertThat(h.value("Device.DeviceInfo.SoftwareVersion")).isEqualTo("1.2.0");
    assertThat(h.value("Device.DeviceInfo.ActiveFirmwareImage"))
        .isEqualTo("Device.DeviceInfo.FirmwareImage.1");
    assertThat(h.value("Device.DeviceInfo.BootFirmwareImage"))
        .isEqualTo("Device.DeviceInfo.FirmwareImage.1");
  }

  @Test
  void goodImage_ofTheSameUrlWithoutRollbackShare_boots() {
    downloadIntoBank2(IMAGE + "?rollback=0");
    activateBank2();
    h.clearSent();
    h.completeReboot();

    assertThat(notify(h.notifications().get(0)).getEvent().getParamsMap())
        .containsEntry("FirmwareUpdated", "true");
    assertThat(notify(h.notifications().get(1)).getOperComplete().hasReqOutputArgs()).isTrue();
    assertThat(h.value("Device.DeviceInfo.SoftwareVersion")).isEqualTo("2.0.1");
    assertThat(h.value("Device.DeviceInfo.FirmwareImage.2.Status")).isEqualTo("Active");
  }

  @Test
  void redownloadingAGoodImage_clearsTheBadMark() {
    downloadIntoBank2(IMAGE + "?rollback=100");
    downloadIntoBank2(IMAGE);
    activateBank2();
    h.completeReboot();
    assertThat(h.value("Device.DeviceInfo.SoftwareVersion")).isEqualTo("2.0.1");
  }

  @Test
  void bootFirmwareImage_thenReboot_bootsThatBank() {
    setBootImage("Device.DeviceInfo.FirmwareImage.2");
    reboot();
    h.clearSent();
    h.completeReboot();

    assertThat(notify(h.notifications().get(0)).getEvent().getParamsMap())
        .containsEntry("FirmwareUpdated", "true")
        .containsEntry("Cause", "RemoteReboot");
    assertThat(h.value("Device.DeviceInfo.SoftwareVersion")).isEqualTo("1.1.0");
    assertThat(h.value("Device.DeviceInfo.ActiveFirmwareImage"))
        .isEqualTo("Device.DeviceInfo.FirmwareImage.2");
    assertThat(h.value("Device.DeviceInfo.FirmwareImage.1.Status")).isEqualTo("Available");
  }

  @Test
  void bootFirmwareImage_ofABankWithoutAnImage_leavesTheActiveOne() {
    downloadIntoBank2("simulate://fleetsim/firmware/fsim-9.bin?size=10&rate=10&fail=100");
    assertThat(h.value("Device.DeviceInfo.FirmwareImage.2.Status")).isEqualTo("DownloadFailed");
    setBootImage("Device.DeviceInfo.FirmwareImage.2");
    reboot();
    h.clearSent();
    h.completeReboot();

    assertThat(notify(h.notifications().get(0)).getEvent().getParamsMap())
        .containsEntry("FirmwareUpdated", "false");
    assertThat(h.value("Device.DeviceInfo.SoftwareVersion")).isEqualTo("1.2.0");
  }

  private void downloadIntoBank2(String url) {
    int before = fetches.size();
    h.call(
        MsgType.OPERATE,
        "operate { command: 'Device.DeviceInfo.FirmwareImage.2.Download()' command_key: 'fw'"
            + " send_resp: true input_args { key: 'URL' value: '"
            + url
            + "' } input_args { key: 'AutoActivate' value: 'false' } }");
    if (url.startsWith("http")) {
      fetches.get(before).accept(new FileTransfers.Outcome(1024, "", ""));
      h.advance(0);
    } else {
      h.advance(AgentHarness.TEST_PROFILE.settings().downloadMillis());
    }
    h.clearSent();
  }

  private void activateBank2() {
    h.call(
        MsgType.OPERATE,
        "operate { command: 'Device.DeviceInfo.FirmwareImage.2.Activate()' command_key: 'act'"
            + " send_resp: true input_args { key: 'TimeWindow.1.Start' value: '0' }"
            + " input_args { key: 'TimeWindow.1.End' value: '60' }"
            + " input_args { key: 'TimeWindow.1.Mode' value: 'AnyTime' } }");
    h.advance(0);
  }

  private void setBootImage(String ref) {
    Msg resp =
        h.call(
            MsgType.SET,
            "set { allow_partial: false update_objs { obj_path: 'Device.DeviceInfo.'"
                + " param_settings { param: 'BootFirmwareImage' value: '"
                + ref
                + "' required: true } } }");
    assertThat(resp.getBody().hasResponse()).as(resp.toString()).isTrue();
  }

  private void reboot() {
    h.call(MsgType.OPERATE, "operate { command: 'Device.Reboot()' send_resp: true }");
    assertThat(h.agent.rebooting()).isTrue();
  }

  private static Notify notify(Msg m) {
    return m.getBody().getRequest().getNotify();
  }
}
