package io.fleetsim.agent;

import static io.fleetsim.agent.AgentHarness.assertMsg;
import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsim.usp.proto.UspMsg.Header.MsgType;
import io.fleetsim.usp.proto.UspMsg.Msg;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** TP-469 section 1 Operate cases. */
class Tp469OperateTest {
  private final AgentHarness h = AgentHarness.booted();

  private List<Msg> notificationsOfType(String event) {
    return h.notifications().stream()
        .filter(
            n -> n.getBody().getRequest().getNotify().getNotificationCase().name().equals(event))
        .toList();
  }

  @Test
  @DisplayName(
      "TP-469 1.61 Reboot() with send_resp true: empty output, reboot, Boot! with the command key")
  void tp469_1_61() {
    Subscriptions.add(h, "boot", "Event", "Device.Boot!", "Persistent", "true");
    Msg resp =
        h.call(
            MsgType.OPERATE,
            "operate { command: 'Device.Reboot()' command_key: 'ck-61' send_resp: true }");
    assertMsg(
        resp,
        """
        header { msg_id: "m2" msg_type: OPERATE_RESP }
        body { response { operate_resp { operation_results {
          executed_command: "Device.Reboot()" req_output_args { }
        } } } }
        """);
    assertThat(h.out.lifecycle).containsExactly(AgentLifecycle.REBOOTING);
    h.clearSent();
    h.completeReboot();
    // the boot subscription has no NotifRetry: the Boot! needs no answer, so the agent is booted
    assertThat(h.out.lifecycle)
        .containsExactly(AgentLifecycle.REBOOTING, AgentLifecycle.RESTARTED, AgentLifecycle.BOOTED);
    assertMsg(
        h.notifications().get(0),
        """
        header { msg_id: "notify-1" msg_type: NOTIFY }
        body { request { notify {
          subscription_id: "boot"
          event {
            obj_path: "Device." event_name: "Boot!"
            params { key: "Cause" value: "RemoteReboot" }
            params { key: "CommandKey" value: "ck-61" }
            params { key: "FirmwareUpdated" value: "false" }
            params { key: "ParameterMap" value: "{}" }
            params { key: "Reason" value: "Unknown" }
          }
        } } }
        """);
  }

  @Test
  @DisplayName("TP-469 1.62 Reboot() with send_resp false: no response, still reboots")
  void tp469_1_62() {
    Msg resp = h.call(MsgType.OPERATE, "operate { command: 'Device.Reboot()' send_resp: false }");
    assertThat(resp).isNull();
    assertThat(h.agent.rebooting()).isTrue();
    assertThat(h.out.sent).isEmpty();
  }

  @Test
  @DisplayName("TP-469 1.64 Async command with send_resp true: Request row, then OperationComplete")
  void tp469_1_64() {
    Subscriptions.add(h, "oc", "OperationComplete", "Device.SelfTestDiagnostics()");
    Subscriptions.add(h, "req", "ObjectDeletion", "Device.LocalAgent.Request.");
    Msg resp =
        h.call(
            MsgType.OPERATE,
            "operate { command: 'Device.SelfTestDiagnostics()' command_key: 'st' send_resp: true }");
    assertMsg(
        resp,
        """
        header { msg_id: "m3" msg_type: OPERATE_RESP }
        body { response { operate_resp { operation_results {
          executed_command: "Device.SelfTestDiagnostics()" req_obj_path: "Device.LocalAgent.Request.1."
        } } } }
        """);
    Msg status = h.call(MsgType.GET, "get { param_paths: 'Device.LocalAgent.Request.1.Status' }");
    assertThat(
            status
                .getBody()
                .getResponse()
                .getGetResp()
                .getReqPathResults(0)
                .getResolvedPathResults(0)
                .getResultParamsMap())
        .containsEntry("Status", "Active");
    h.clearSent();
    h.advance(2_000);
    assertMsg(
        h.notifications().get(0),
        """
        header { msg_id: "notify-1" msg_type: NOTIFY }
        body { request { notify {
          subscription_id: "oc"
          oper_complete {
            obj_path: "Device." command_name: "SelfTestDiagnostics()" command_key: "st"
            req_output_args { output_args { key: "Results" value: "" } output_args { key: "Status" value: "Complete" } }
          }
        } } }
        """);
    assertThat(
            h.notifications()
                .get(1)
                .getBody()
                .getRequest()
                .getNotify()
                .getObjDeletion()
                .getObjPath())
        .isEqualTo("Device.LocalAgent.Request.1.");
  }

  @Test
  @DisplayName(
      "TP-469 1.65 Async command with send_resp false: no response, OperationComplete still sent")
  void tp469_1_65() {
    Subscriptions.add(h, "oc", "OperationComplete", "Device.");
    assertThat(
            h.call(
                MsgType.OPERATE,
                "operate { command: 'Device.SelfTestDiagnostics()' send_resp: false }"))
        .isNull();
    h.advance(5_000);
    assertThat(notificationsOfType("OPER_COMPLETE")).hasSize(1);
  }

  @Test
  @DisplayName("TP-469 1.79 Input arguments: ScheduleTimer(DelaySeconds) completes after the delay")
  void tp469_1_79() {
    Subscriptions.add(h, "oc", "OperationComplete", "Device.ScheduleTimer()");
    h.call(
        MsgType.OPERATE,
        "operate { command: 'Device.ScheduleTimer()' send_resp: true input_args { key: 'DelaySeconds' value: '30' } }");
    h.clearSent();
    h.advance(29_999);
    assertThat(notificationsOfType("OPER_COMPLETE")).isEmpty();
    h.advance(1);
    assertThat(notificationsOfType("OPER_COMPLETE")).hasSize(1);
  }

  @Test
  @DisplayName("TP-469 1.91 Unknown input arguments are ignored")
  void tp469_1_91() {
    Msg resp =
        h.call(
            MsgType.OPERATE,
            "operate { command: 'Device.ScheduleTimer()' send_resp: true input_args { key: 'DelaySeconds' value: '1' } input_args { key: 'Bogus' value: 'x' } }");
    assertThat(resp.getBody().getResponse().getOperateResp().getOperationResults(0).getReqObjPath())
        .isEqualTo("Device.LocalAgent.Request.1.");
  }

  @Test
  @DisplayName("TP-469 1.92 Missing optional arguments take their defaults")
  void tp469_1_92() {
    Subscriptions.add(h, "boot", "Event", "Device.Boot!", "Persistent", "true");
    h.call(MsgType.OPERATE, "operate { command: 'Device.Reboot()' send_resp: true }");
    h.clearSent();
    h.completeReboot();
    assertThat(
            h.notifications().get(0).getBody().getRequest().getNotify().getEvent().getParamsMap())
        .containsEntry("Cause", "RemoteReboot");
  }

  @Test
  @DisplayName("TP-469 1.100 A missing mandatory argument is cmd_failure 7027 and nothing runs")
  void tp469_1_100() {
    Subscriptions.add(h, "oc", "OperationComplete", "Device.");
    Msg resp =
        h.call(MsgType.OPERATE, "operate { command: 'Device.ScheduleTimer()' send_resp: true }");
    assertMsg(
        resp,
        """
        header { msg_id: "m2" msg_type: OPERATE_RESP }
        body { response { operate_resp { operation_results {
          executed_command: "Device.ScheduleTimer()"
          cmd_failure { err_code: 7027 err_msg: "missing mandatory argument DelaySeconds" }
        } } } }
        """);
    h.clearSent();
    h.advance(60_000);
    assertThat(h.notifications()).isEmpty();
    assertThat(
            h.agent
                .dataModel()
                .instances(
                    AgentHarness.TEST_PROFILE.object("Device.LocalAgent.Request.{i}."), new int[0]))
        .isEmpty();
  }

  @Test
  void operate_pathErrorsAreErrors_commandErrorsAreCmdFailures() {
    Msg missing =
        h.call(
            MsgType.OPERATE,
            "operate { command: 'Device.DeviceInfo.FirmwareImage.9.Download()' send_resp: true }");
    assertThat(missing.getBody().getError().getErrCode()).isEqualTo(7016);
    Msg unknown =
        h.call(MsgType.OPERATE, "operate { command: 'Device.Explode()' send_resp: true }");
    assertThat(unknown.getBody().getError().getErrCode()).isEqualTo(7026);
    Msg notCommand =
        h.call(MsgType.OPERATE, "operate { command: 'Device.DeviceInfo.UpTime' send_resp: true }");
    assertThat(notCommand.getBody().getError().getErrCode()).isEqualTo(7026);
    Msg badValue =
        h.call(
            MsgType.OPERATE,
            "operate { command: 'Device.ScheduleTimer()' send_resp: true input_args { key: 'DelaySeconds' value: '0' } }");
    assertThat(
            badValue
                .getBody()
                .getResponse()
                .getOperateResp()
                .getOperationResults(0)
                .getCmdFailure()
                .getErrCode())
        .isEqualTo(7027);
  }

  @Test
  void operate_searchPath_runsOncePerMatch() {
    Msg resp =
        h.call(
            MsgType.OPERATE,
            "operate { command: 'Device.DeviceInfo.FirmwareImage.*.Activate()' send_resp: true "
                + "input_args { key: 'TimeWindow.1.Start' value: '3600' } input_args { key: 'TimeWindow.1.End' value: '7200' } "
                + "input_args { key: 'TimeWindow.1.Mode' value: 'AnyTime' } }");
    assertThat(resp.getBody().getResponse().getOperateResp().getOperationResultsList())
        .extracting(r -> r.getExecutedCommand() + " -> " + r.getReqObjPath())
        .containsExactly(
            "Device.DeviceInfo.FirmwareImage.1.Activate() -> Device.LocalAgent.Request.1.",
            "Device.DeviceInfo.FirmwareImage.2.Activate() -> Device.LocalAgent.Request.2.");
  }

  @Test
  void factoryReset_forgetsWrites_andBootsWithItsCause() {
    Subscriptions.add(h, "boot", "Event", "Device.Boot!", "Persistent", "true");
    h.call(
        MsgType.SET,
        "set { update_objs { obj_path: 'Device.DeviceInfo.' param_settings { param: 'FriendlyName' value: 'mine' } } }");
    h.call(MsgType.OPERATE, "operate { command: 'Device.FactoryReset()' send_resp: true }");
    h.clearSent();
    h.completeReboot();
    // the subscription went with the reset too: nothing announces the boot
    assertThat(h.notifications()).isEmpty();
    Msg name = h.call(MsgType.GET, "get { param_paths: 'Device.DeviceInfo.FriendlyName' }");
    assertThat(
            name.getBody()
                .getResponse()
                .getGetResp()
                .getReqPathResults(0)
                .getResolvedPathResults(0)
                .getResultParamsMap())
        .containsEntry("FriendlyName", "Home Gateway");
  }
}
