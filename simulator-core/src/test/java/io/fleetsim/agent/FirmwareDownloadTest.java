package io.fleetsim.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsim.datamodel.TypedValues;
import io.fleetsim.usp.proto.UspMsg.Header.MsgType;
import io.fleetsim.usp.proto.UspMsg.Msg;
import io.fleetsim.usp.proto.UspMsg.Notify;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Download() with a real transfer (a fake {@link FileTransfers} the test completes by hand) and
 * with a simulate:// URL: the bank, OperationComplete and TransferComplete! on success and on each
 * kind of failure (transfer error, FileSize mismatch, CheckSum mismatch).
 */
class FirmwareDownloadTest {
  private static final String URL = "http://127.0.0.1:8081/firmware/fsim-3.1.0.bin";

  /** The transfers asked for, in order; the test completes them. */
  private final List<Consumer<FileTransfers.Outcome>> fetches = new ArrayList<>();

  private final List<String> fetchedUrls = new ArrayList<>();
  private AgentHarness h;

  @BeforeEach
  void boot() {
    h =
        new AgentHarness(
            AgentHarness.TEST_PROFILE,
            7,
            (url, algorithm, done) -> {
              fetchedUrls.add(url + " " + algorithm);
              fetches.add(done);
            });
    h.agent.onConnected(h.out);
    Subscriptions.add(h, "oc", "OperationComplete", "Device.DeviceInfo.", "Persistent", "true");
    Subscriptions.add(
        h, "tc", "Event", "Device.LocalAgent.TransferComplete!", "Persistent", "true");
    h.clearSent();
  }

  @Test
  void realTransfer_completesWhenTheFleetDeliversTheOutcome() {
    download(URL, Map.of("FileSize", "4096", "CheckSumAlgorithm", "SHA-256"));
    assertThat(fetchedUrls).containsExactly(URL + " SHA-256");
    assertThat(status()).isEqualTo("Downloading");
    assertThat(h.out.lifecycle).endsWith(AgentLifecycle.DOWNLOADING);
    // nothing completes by time alone: the transfer decides
    h.advance(AgentHarness.TEST_PROFILE.settings().downloadMillis() * 10);
    assertThat(h.notifications()).isEmpty();

    h.advance(1_500);
    fetches.get(0).accept(new FileTransfers.Outcome(4096, "ab12", ""));
    h.advance(0);

    List<Msg> notes = h.notifications();
    assertThat(notes).hasSize(2);
    assertThat(notify(notes.get(0)).getOperComplete().hasReqOutputArgs()).isTrue();
    Map<String, String> tc = notify(notes.get(1)).getEvent().getParamsMap();
    assertThat(tc)
        .containsEntry("FaultCode", "0")
        .containsEntry("FaultString", "")
        .containsEntry("TransferURL", URL)
        .containsEntry("StartTime", TypedValues.dateTime(AgentHarness.START))
        .containsEntry("CompleteTime", TypedValues.dateTime(AgentHarness.START + 1_500 + 100_000));
    assertThat(status()).isEqualTo("Available");
    assertThat(h.out.lifecycle).endsWith(AgentLifecycle.DOWNLOADING, AgentLifecycle.DOWNLOADED);
    assertThat(h.value("Device.DeviceInfo.FirmwareImage.2.Version")).isEqualTo("3.1.0");
    assertThat(h.value("Device.DeviceInfo.FirmwareImage.2.Name")).isEqualTo("fsim-3.1.0.bin");
  }

  @Test
  void transferError_isDownloadFailed_cmdFailure7022_andNoActivation() {
    download(URL, Map.of("AutoActivate", "true"));
    fetches.get(0).accept(FileTransfers.Outcome.failed("HTTP 404 Not Found"));
    h.advance(0);

    assertFailed("HTTP 404 Not Found");
    assertThat(h.agent.rebooting()).isFalse();
  }

  @Test
  void sizeOrChecksumMismatch_failsTheDownload() {
    download(URL, Map.of("FileSize", "4096"));
    fetches.get(0).accept(new FileTransfers.Outcome(4000, "", ""));
    h.advance(0);
    assertFailed("received 4000 bytes, FileSize is 4096");

    h.clearSent();
    download(URL, Map.of("CheckSumAlgorithm", "SHA-256", "CheckSum", "00ff"));
    fetches.get(1).accept(new FileTransfers.Outcome(10, "00fe", ""));
    h.advance(0);
    assertFailed("SHA-256 checksum mismatch");

    h.clearSent();
    download(URL, Map.of("CheckSumAlgorithm", "SHA-256", "CheckSum", "00FF"));
    fetches.get(2).accept(new FileTransfers.Outcome(10, "00ff", ""));
    h.advance(0);
    assertThat(status()).isEqualTo("Available");
  }

  @Test
  void simulatedTransfer_takesSizeOverRate_withoutTheNetwork() {
    download("simulate://fleetsim/firmware/fsim-4.0.0.bin?size=3000000&rate=1000000", Map.of());
    h.advance(2_999);
    assertThat(h.notifications()).isEmpty();
    h.advance(1);

    assertThat(fetches).isEmpty();
    assertThat(status()).isEqualTo("Available");
    assertThat(h.value("Device.DeviceInfo.FirmwareImage.2.Version")).isEqualTo("4.0.0");
    assertThat(notify(h.notifications().get(1)).getEvent().getParamsMap())
        .containsEntry("FaultCode", "0")
        .containsEntry("StartTime", TypedValues.dateTime(AgentHarness.START));
  }

  @Test
  void simulatedUrlWithFail100_alwaysFails_afterTheTransferTime() {
    download("simulate://fleetsim/firmware/fsim-4.0.0.bin?size=1000&rate=1000&fail=100", Map.of());
    h.advance(999);
    assertThat(h.notifications()).isEmpty();
    h.advance(1);
    assertFailed("simulated transfer failure");
  }

  @Test
  void simulatedUrlWithoutRate_fails() {
    download("simulate://fleetsim/firmware/fsim-4.0.0.bin?size=3000000", Map.of());
    h.advance(AgentHarness.TEST_PROFILE.settings().downloadMillis());
    assertFailed("simulate:// URL needs size (or FileSize) and rate > 0");
  }

  private void download(String url, Map<String, String> args) {
    StringBuilder in =
        new StringBuilder("input_args { key: 'URL' value: '")
            .append(url)
            .append("' } input_args { key: 'AutoActivate' value: '")
            .append(args.getOrDefault("AutoActivate", "false"))
            .append("' }");
    args.forEach(
        (k, v) -> {
          if (!k.equals("AutoActivate")) {
            in.append(" input_args { key: '")
                .append(k)
                .append("' value: '")
                .append(v)
                .append("' }");
          }
        });
    Msg resp =
        h.call(
            MsgType.OPERATE,
            "operate { command: 'Device.DeviceInfo.FirmwareImage.2.Download()' command_key: 'fw'"
                + " send_resp: true "
                + in
                + " }");
    assertThat(resp.getBody().getResponse().getOperateResp().getOperationResults(0).hasReqObjPath())
        .isTrue();
  }

  private void assertFailed(String why) {
    List<Msg> notes = h.notifications();
    assertThat(notes).hasSize(2);
    Notify.OperationComplete oc = notify(notes.get(0)).getOperComplete();
    assertThat(oc.getCmdFailure().getErrCode()).isEqualTo(7022);
    assertThat(oc.getCmdFailure().getErrMsg()).isEqualTo("Download failed: " + why);
    assertThat(notify(notes.get(1)).getEvent().getParamsMap())
        .containsEntry("FaultCode", "7022")
        .containsEntry("FaultString", why);
    assertThat(status()).isEqualTo("DownloadFailed");
  }

  private static Notify notify(Msg m) {
    return m.getBody().getRequest().getNotify();
  }

  private String status() {
    return h.value("Device.DeviceInfo.FirmwareImage.2.Status");
  }
}
