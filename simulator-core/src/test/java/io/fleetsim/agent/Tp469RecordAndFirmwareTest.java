package io.fleetsim.agent;

import static io.fleetsim.agent.AgentHarness.assertMsg;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.fleetsim.usp.message.UspMessages;
import io.fleetsim.usp.proto.UspMsg.Get;
import io.fleetsim.usp.proto.UspMsg.GetResp;
import io.fleetsim.usp.proto.UspMsg.Header.MsgType;
import io.fleetsim.usp.proto.UspMsg.Msg;
import io.fleetsim.usp.proto.UspMsg.Request;
import io.fleetsim.usp.proto.UspMsg.Response;
import io.fleetsim.usp.proto.UspRecord.NoSessionContextRecord;
import io.fleetsim.usp.proto.UspRecord.Record;
import io.fleetsim.usp.proto.UspRecord.SessionContextRecord;
import io.fleetsim.usp.record.RecordDropReason;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** TP-469 sections 2, 3 and 9 as they apply to a simulated agent, plus bad input at the agent. */
class Tp469RecordAndFirmwareTest {
  private final AgentHarness h = AgentHarness.booted();
  private static final Msg GET =
      UspMessages.request(
          "g1",
          MsgType.GET,
          Request.newBuilder()
              .setGet(Get.newBuilder().addParamPaths("Device.DeviceInfo.ModelName"))
              .build());

  private RecordDropReason send(Record r) {
    return h.agent.onRecord(r.toByteArray(), h.out);
  }

  @Test
  @DisplayName("TP-469 2.1 A Record from the agent's own endpoint ID is ignored")
  void tp469_2_1() {
    assertThat(send(UspMessages.record("1.4", h.eid(), h.eid(), GET)))
        .isEqualTo(RecordDropReason.FROM_SELF);
    assertThat(h.out.sent).isEmpty();
  }

  @Test
  @DisplayName("TP-469 2.2 A Record for another to_id is ignored")
  void tp469_2_2() {
    assertThat(send(UspMessages.record("1.4", "os::00D09E-OTHER", AgentHarness.CONTROLLER, GET)))
        .isEqualTo(RecordDropReason.WRONG_TO_ID);
    assertThat(h.out.sent).isEmpty();
    assertThat(h.stats.drops()).containsEntry("WRONG_TO_ID", 1L);
  }

  @Test
  @DisplayName("TP-469 2.x A Record from an unknown Controller is ignored (R-SEC.0)")
  void unknownController_isIgnored() {
    assertThat(send(UspMessages.record("1.4", h.eid(), "self::stranger", GET)))
        .isEqualTo(RecordDropReason.UNKNOWN_CONTROLLER);
    h.call(
        MsgType.SET,
        "set { update_objs { obj_path: 'Device.LocalAgent.Controller.1.' param_settings { param: 'Enable' value: 'false' } } }");
    assertThat(send(UspMessages.record("1.4", h.eid(), AgentHarness.CONTROLLER, GET)))
        .as("a disabled Controller is not accepted either")
        .isEqualTo(RecordDropReason.UNKNOWN_CONTROLLER);
  }

  @Test
  @DisplayName("TP-469 3.1 A malformed Record is ignored, the agent keeps working")
  void tp469_3_1() {
    assertThat(h.agent.onRecord(new byte[] {0x0A, 0x7F, 0x01}, h.out))
        .isEqualTo(RecordDropReason.UNPARSEABLE);
    assertThat(h.out.sent).isEmpty();
    assertThat(h.call(MsgType.GET, "get { param_paths: 'Device.DeviceInfo.ModelName' }"))
        .isNotNull();
  }

  @Test
  void badInput_eachGetsTheSpecifiedOutcome_neverAnException() {
    // garbage payload with a readable msg_id: Error 7100 (R-MTP.5)
    // Msg { 1: header { 1: msg_id "g2" }, 2: body claiming 5 bytes but holding 1 }
    ByteString damaged =
        ByteString.copyFrom(new byte[] {0x0A, 0x04, 0x0A, 0x02, 'g', '2', 0x12, 0x05, (byte) 0xFF});
    Record r =
        Record.newBuilder()
            .setVersion("1.4")
            .setToId(h.eid())
            .setFromId(AgentHarness.CONTROLLER)
            .setNoSessionContext(NoSessionContextRecord.newBuilder().setPayload(damaged))
            .build();
    assertThat(send(r)).isNull();
    Msg error = AgentHarness.msg(h.out.sent.get(0).record());
    assertMsg(
        error,
        """
        header { msg_id: "g2" msg_type: ERROR }
        body { error { err_code: 7100 err_msg: "Msg could not be decoded" } }
        """);
    // undecodable payload, no msg_id: dropped silently
    h.clearSent();
    Record noId =
        r.toBuilder()
            .setNoSessionContext(
                NoSessionContextRecord.newBuilder()
                    .setPayload(ByteString.copyFrom(new byte[] {(byte) 0xFF, 0x01})))
            .build();
    assertThat(send(noId)).isEqualTo(RecordDropReason.UNPARSEABLE_MSG);
    assertThat(h.out.sent).isEmpty();
    // oversized record: dropped before parsing
    AgentHarness small = new AgentHarness(AgentHarness.TEST_PROFILE, 1);
    AgentCore tiny =
        AgentCore.create(
            new AgentEnvironment(
                new io.fleetsim.datamodel.DeviceModel(AgentHarness.TEST_PROFILE, 1, small.clock),
                small.timers,
                small.stats,
                FileTransfers.NONE,
                64),
            1);
    byte[] big =
        UspMessages.record("1.4", tiny.endpointId(), AgentHarness.CONTROLLER, GET).toByteArray();
    assertThat(big.length).isGreaterThan(64);
    assertThat(tiny.onRecord(big, small.out)).isEqualTo(RecordDropReason.OVERSIZED);
    // a response other than NotifyResp: ignored
    Msg getResp =
        UspMessages.response(
            "x",
            MsgType.GET_RESP,
            Response.newBuilder().setGetResp(GetResp.getDefaultInstance()).build());
    assertThat(send(UspMessages.record("1.4", h.eid(), AgentHarness.CONTROLLER, getResp)))
        .isEqualTo(RecordDropReason.UNEXPECTED_RESPONSE);
    // a message type a Controller never sends: Error 7001
    h.clearSent();
    Msg notify =
        UspMessages.request(
            "n1",
            MsgType.NOTIFY,
            Request.newBuilder()
                .setNotify(io.fleetsim.usp.proto.UspMsg.Notify.getDefaultInstance())
                .build());
    assertThat(send(UspMessages.record("1.4", h.eid(), AgentHarness.CONTROLLER, notify))).isNull();
    assertThat(AgentHarness.msg(h.out.sent.get(0).record()).getBody().getError().getErrCode())
        .isEqualTo(7001);
  }

  @Test
  void sessionContext_isRefusedWithDisconnect7106() {
    Record r =
        Record.newBuilder()
            .setVersion("1.4")
            .setToId(h.eid())
            .setFromId(AgentHarness.CONTROLLER)
            .setSessionContext(SessionContextRecord.newBuilder().setSessionId(5).setSequenceId(1))
            .build();
    assertThat(send(r)).isEqualTo(RecordDropReason.SESSION_CONTEXT_REFUSED);
    Record reply = AgentHarness.record(h.out.sent.get(0).record());
    assertThat(reply.getDisconnect().getReasonCode()).isEqualTo(7106);
    assertThat(reply.getToId()).isEqualTo(AgentHarness.CONTROLLER);
  }

  @Test
  void response_usesTheRequestRecordVersion_cappedAt14() {
    h.agent.onRecord(
        UspMessages.record("1.2", h.eid(), AgentHarness.CONTROLLER, GET).toByteArray(), h.out);
    assertThat(AgentHarness.record(h.out.sent.get(0).record()).getVersion()).isEqualTo("1.2");
    h.agent.onRecord(
        UspMessages.record("1.9", h.eid(), AgentHarness.CONTROLLER, GET).toByteArray(), h.out);
    assertThat(AgentHarness.record(h.out.sent.get(1).record()).getVersion()).isEqualTo("1.4");
  }

  @Test
  @DisplayName("A power cycle (local reboot) goes down and announces Boot! with Cause LocalReboot")
  void localReboot_announcesBootWithCauseLocalReboot() {
    Subscriptions.add(h, "boot", "Event", "Device.Boot!", "Persistent", "true");
    h.clearSent();
    h.agent.localReboot(h.out);
    h.agent.localReboot(h.out); // already going down: ignored
    assertThat(h.agent.rebooting()).isTrue();
    assertThat(h.out.lifecycle).containsExactly(AgentLifecycle.REBOOTING);
    h.completeReboot();
    assertThat(
            h.notifications().get(0).getBody().getRequest().getNotify().getEvent().getParamsMap())
        .containsEntry("Cause", "LocalReboot")
        .containsEntry("CommandKey", "");
  }

  @Test
  @DisplayName(
      "TP-469 9.3 Download() with AutoActivate: OperationComplete, TransferComplete!, Boot! with the new firmware")
  void tp469_9_3() {
    Subscriptions.add(
        h,
        "oc",
        "OperationComplete",
        "Device.DeviceInfo.FirmwareImage.*.Download()",
        "Persistent",
        "true");
    Subscriptions.add(
        h, "tc", "Event", "Device.LocalAgent.TransferComplete!", "Persistent", "true");
    Subscriptions.add(h, "boot", "Event", "Device.Boot!", "Persistent", "true");
    Msg resp =
        h.call(
            MsgType.OPERATE,
            "operate { command: 'Device.DeviceInfo.FirmwareImage.2.Download()' command_key: 'fw-2' send_resp: true "
                + "input_args { key: 'URL' value: 'http://127.0.0.1:8080/fw/fsim-2.0.1.bin' } "
                + "input_args { key: 'AutoActivate' value: 'true' } }");
    assertThat(resp.getBody().getResponse().getOperateResp().getOperationResults(0).getReqObjPath())
        .isEqualTo("Device.LocalAgent.Request.1.");
    assertThat(status(2)).isEqualTo("Downloading");
    h.clearSent();
    h.advance(AgentHarness.TEST_PROFILE.settings().downloadMillis());
    List<Msg> notes = h.notifications();
    assertThat(notes)
        .extracting(n -> n.getBody().getRequest().getNotify().getSubscriptionId())
        .containsExactly("oc", "tc");
    assertThat(notes.get(1).getBody().getRequest().getNotify().getEvent().getParamsMap())
        .containsEntry("Command", "Device.DeviceInfo.FirmwareImage.2.Download()")
        .containsEntry("CommandKey", "fw-2")
        .containsEntry("Requestor", AgentHarness.CONTROLLER)
        .containsEntry("TransferType", "Download")
        .containsEntry("Affected", "Device.DeviceInfo.FirmwareImage.2")
        .containsEntry("FaultCode", "0");
    assertThat(h.agent.rebooting()).isTrue();
    h.clearSent();
    h.completeReboot();
    assertThat(
            h.notifications().get(0).getBody().getRequest().getNotify().getEvent().getParamsMap())
        .containsEntry("FirmwareUpdated", "true")
        .containsEntry("CommandKey", "fw-2");
    Msg info =
        h.call(
            MsgType.GET,
            "get { param_paths: 'Device.DeviceInfo.SoftwareVersion' param_paths: 'Device.DeviceInfo.ActiveFirmwareImage' }");
    assertThat(info.getBody().getResponse().getGetResp().getReqPathResultsList())
        .extracting(
            r -> r.getResolvedPathResults(0).getResultParamsMap().values().iterator().next())
        .containsExactly("2.0.1", "Device.DeviceInfo.FirmwareImage.2");
    assertThat(status(1)).isEqualTo("Available");
    assertThat(status(2)).isEqualTo("Active");
  }

  @Test
  @DisplayName(
      "TP-469 9.8 Request.{i}.Cancel() of a pending Activate(): OperationComplete 7023, no reboot")
  void tp469_9_8() {
    Subscriptions.add(h, "oc", "OperationComplete", "Device.DeviceInfo.");
    h.call(
        MsgType.OPERATE,
        "operate { command: 'Device.DeviceInfo.FirmwareImage.2.Activate()' command_key: 'act' send_resp: true "
            + "input_args { key: 'TimeWindow.1.Start' value: '600' } input_args { key: 'TimeWindow.1.End' value: '1200' } "
            + "input_args { key: 'TimeWindow.1.Mode' value: 'AnyTime' } }");
    h.clearSent();
    Msg cancel =
        h.call(
            MsgType.OPERATE,
            "operate { command: 'Device.LocalAgent.Request.1.Cancel()' send_resp: true }");
    assertThat(
            cancel
                .getBody()
                .getResponse()
                .getOperateResp()
                .getOperationResults(0)
                .hasReqOutputArgs())
        .isTrue();
    assertMsg(
        h.notifications().get(0),
        """
        header { msg_id: "notify-1" msg_type: NOTIFY }
        body { request { notify {
          subscription_id: "oc"
          oper_complete {
            obj_path: "Device.DeviceInfo.FirmwareImage.2." command_name: "Activate()" command_key: "act"
            cmd_failure { err_code: 7023 err_msg: "canceled by Request.Cancel()" }
          }
        } } }
        """);
    h.advance(1_200_000);
    assertThat(h.agent.rebooting()).isFalse();
    assertThat(h.out.lifecycle).isEmpty();
  }

  @Test
  @DisplayName(
      "TP-469 9.4 Activate() reboots into the bank when the window opens; OperationComplete after Boot!")
  void tp469_9_4() {
    Subscriptions.add(h, "oc", "OperationComplete", "Device.DeviceInfo.", "Persistent", "true");
    Subscriptions.add(h, "boot", "Event", "Device.Boot!", "Persistent", "true");
    h.call(
        MsgType.OPERATE,
        "operate { command: 'Device.DeviceInfo.FirmwareImage.2.Activate()' command_key: 'act' send_resp: true "
            + "input_args { key: 'TimeWindow.1.Start' value: '60' } input_args { key: 'TimeWindow.1.End' value: '120' } "
            + "input_args { key: 'TimeWindow.1.Mode' value: 'AnyTime' } }");
    h.advance(60_000);
    assertThat(h.agent.rebooting()).isTrue();
    h.clearSent();
    h.completeReboot();
    assertThat(h.notifications())
        .extracting(n -> n.getBody().getRequest().getNotify().getSubscriptionId())
        .containsExactly("boot", "oc");
    assertThat(
            h.notifications().get(0).getBody().getRequest().getNotify().getEvent().getParamsMap())
        .containsEntry("FirmwareUpdated", "true");
    assertThat(status(2)).isEqualTo("Active");
  }

  @Test
  @DisplayName("TP-469 9.10 Boot! carries the Controller's BootParameters in ParameterMap")
  void tp469_9_10() {
    Subscriptions.add(h, "boot", "Event", "Device.Boot!", "Persistent", "true");
    h.call(
        MsgType.ADD,
        "add { create_objs { obj_path: 'Device.LocalAgent.Controller.1.BootParameter.' "
            + "param_settings { param: 'Enable' value: 'true' } "
            + "param_settings { param: 'ParameterName' value: 'Device.DeviceInfo.SoftwareVersion' } } }");
    h.call(
        MsgType.ADD,
        "add { create_objs { obj_path: 'Device.LocalAgent.Controller.1.BootParameter.' "
            + "param_settings { param: 'Enable' value: 'true' } "
            + "param_settings { param: 'ParameterName' value: 'Device.WiFi.SSID.*.SSID' } } }");
    h.call(MsgType.OPERATE, "operate { command: 'Device.Reboot()' send_resp: true }");
    h.clearSent();
    h.completeReboot();
    assertThat(
            h.notifications()
                .get(0)
                .getBody()
                .getRequest()
                .getNotify()
                .getEvent()
                .getParamsMap()
                .get("ParameterMap"))
        .isEqualTo(
            "{\"Device.DeviceInfo.SoftwareVersion\":\"1.2.0\",\"Device.WiFi.SSID.1.SSID\":\"fleetsim-2g\",\"Device.WiFi.SSID.2.SSID\":\"fleetsim-5g\"}");
  }

  @Test
  @DisplayName("TP-469 9.11 ScheduleTimer() completes after DelaySeconds")
  void tp469_9_11() {
    Subscriptions.add(h, "oc", "OperationComplete", "Device.ScheduleTimer()");
    h.call(
        MsgType.OPERATE,
        "operate { command: 'Device.ScheduleTimer()' command_key: 't' send_resp: true input_args { key: 'DelaySeconds' value: '5' } }");
    h.clearSent();
    h.advance(5_000);
    assertMsg(
        h.notifications().get(0),
        """
        header { msg_id: "notify-1" msg_type: NOTIFY }
        body { request { notify {
          subscription_id: "oc"
          oper_complete { obj_path: "Device." command_name: "ScheduleTimer()" command_key: "t" req_output_args { } }
        } } }
        """);
  }

  @Test
  void firmwareRollout_valueChangesOfStatusAndSoftwareVersion_reachSubscribers() {
    Subscriptions.add(
        h,
        "fw",
        "ValueChange",
        "Device.DeviceInfo.SoftwareVersion,Device.DeviceInfo.FirmwareImage.2.Status",
        "Persistent",
        "true");
    h.call(
        MsgType.OPERATE,
        "operate { command: 'Device.DeviceInfo.FirmwareImage.2.Download()' send_resp: true "
            + "input_args { key: 'URL' value: 'https://127.0.0.1/fsim-3.0.bin' } "
            + "input_args { key: 'AutoActivate' value: 'true' } }");
    h.advance(AgentHarness.TEST_PROFILE.settings().downloadMillis());
    h.completeReboot();
    assertThat(h.notifications())
        .extracting(n -> n.getBody().getRequest().getNotify().getValueChange())
        .extracting(v -> v.getParamPath() + "=" + v.getParamValue())
        .containsExactly(
            "Device.DeviceInfo.FirmwareImage.2.Status=Downloading",
            "Device.DeviceInfo.FirmwareImage.2.Status=Available",
            "Device.DeviceInfo.FirmwareImage.2.Status=Active",
            "Device.DeviceInfo.SoftwareVersion=3.0");
  }

  @Test
  void nonPersistentSubscriptions_areGoneAfterReboot_persistentOnesStay() {
    Subscriptions.add(h, "keep", "Event", "Device.Boot!", "Persistent", "true");
    Subscriptions.add(h, "drop", "Event", "Device.Boot!");
    h.call(MsgType.OPERATE, "operate { command: 'Device.Reboot()' send_resp: true }");
    h.clearSent();
    h.completeReboot();
    // obuspa: Boot! is still sent to non-persistent ones, which are then deleted
    assertThat(h.notifications()).hasSize(2);
    Msg ids = h.call(MsgType.GET, "get { param_paths: 'Device.LocalAgent.Subscription.*.ID' }");
    assertThat(
            ids.getBody()
                .getResponse()
                .getGetResp()
                .getReqPathResults(0)
                .getResolvedPathResultsList())
        .extracting(r -> r.getResultParamsMap().get("ID"))
        .containsExactly("keep");
  }

  @Test
  void recordsDuringReboot_areDropped() {
    h.call(MsgType.OPERATE, "operate { command: 'Device.Reboot()' send_resp: true }");
    assertThat(h.agent.onRecord(h.recordBytes(GET), h.out))
        .isEqualTo(RecordDropReason.AGENT_OFFLINE);
  }

  private String status(int bank) {
    return h.agent
        .dataModel()
        .value(
            AgentHarness.TEST_PROFILE.param("Device.DeviceInfo.FirmwareImage.{i}.Status"),
            new int[] {bank});
  }
}
