package io.fleetsim.agent;

import static io.fleetsim.agent.AgentHarness.assertMsg;
import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsim.usp.proto.UspMsg.Header.MsgType;
import io.fleetsim.usp.proto.UspMsg.Msg;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** TP-469 section 1 Set cases, on Device.LocalAgent.Controller.1.ProvisioningCode and friends. */
class Tp469SetTest {
  private final AgentHarness h = AgentHarness.booted();

  @Test
  @DisplayName("TP-469 1.11 Set, allow_partial false, single object, required parameters succeed")
  void tp469_1_11() {
    Msg resp =
        h.call(
            MsgType.SET,
            "set { allow_partial: false update_objs { obj_path: 'Device.LocalAgent.Controller.1.' "
                + "param_settings { param: 'ProvisioningCode' value: 'TP1.11' required: true } } }");
    assertMsg(
        resp,
        """
        header { msg_id: "m1" msg_type: SET_RESP }
        body { response { set_resp { updated_obj_results {
          requested_path: "Device.LocalAgent.Controller.1."
          oper_status { oper_success { updated_inst_results {
            affected_path: "Device.LocalAgent.Controller.1."
            updated_params { key: "ProvisioningCode" value: "TP1.11" }
          } } }
        } } } }
        """);
    assertThat(h.value("Device.LocalAgent.Controller.1.ProvisioningCode")).isEqualTo("TP1.11");
  }

  @Test
  @DisplayName("TP-469 1.12 Set, allow_partial false, single object, required parameter fails")
  void tp469_1_12() {
    Msg resp =
        h.call(
            MsgType.SET,
            "set { allow_partial: false update_objs { obj_path: 'Device.LocalAgent.Controller.1.' "
                + "param_settings { param: 'ProvisioningCode' value: 'x' required: true } "
                + "param_settings { param: 'InvalidParameter' value: 'x' required: true } } }");
    assertMsg(
        resp,
        """
        header { msg_id: "m1" msg_type: ERROR }
        body { error {
          err_code: 7004 err_msg: "Set failed; nothing was changed"
          param_errs { param_path: "Device.LocalAgent.Controller.1.InvalidParameter" err_code: 7010 err_msg: "Unsupported parameter" }
        } }
        """);
    assertThat(h.value("Device.LocalAgent.Controller.1.ProvisioningCode")).isEmpty();
  }

  @Test
  @DisplayName("TP-469 1.13 Set, allow_partial false, multiple objects succeed")
  void tp469_1_13() {
    Msg resp =
        h.call(
            MsgType.SET,
            "set { update_objs { obj_path: 'Device.LocalAgent.Controller.1.' "
                + "param_settings { param: 'ProvisioningCode' value: 'a' required: true } } "
                + "update_objs { obj_path: 'Device.DeviceInfo.' "
                + "param_settings { param: 'ProvisioningCode' value: 'b' required: true } } }");
    assertThat(resp.getBody().getResponse().getSetResp().getUpdatedObjResultsList())
        .allSatisfy(r -> assertThat(r.getOperStatus().hasOperSuccess()).isTrue());
    assertThat(h.value("Device.DeviceInfo.ProvisioningCode")).isEqualTo("b");
  }

  @Test
  @DisplayName("TP-469 1.14 Set, allow_partial false, multiple objects, one fails: nothing changes")
  void tp469_1_14() {
    Msg resp =
        h.call(
            MsgType.SET,
            "set { update_objs { obj_path: 'Device.LocalAgent.Controller.1.' "
                + "param_settings { param: 'ProvisioningCode' value: 'a' required: true } } "
                + "update_objs { obj_path: 'Device.DeviceInfo.' "
                + "param_settings { param: 'InvalidParameter' value: 'b' required: true } } }");
    assertMsg(
        resp,
        """
        header { msg_id: "m1" msg_type: ERROR }
        body { error {
          err_code: 7004 err_msg: "Set failed; nothing was changed"
          param_errs { param_path: "Device.DeviceInfo.InvalidParameter" err_code: 7010 err_msg: "Unsupported parameter" }
        } }
        """);
    assertThat(h.value("Device.LocalAgent.Controller.1.ProvisioningCode")).isEmpty();
  }

  @Test
  @DisplayName("TP-469 1.15 Set, allow_partial true, single object, required parameters succeed")
  void tp469_1_15() {
    Msg resp =
        h.call(
            MsgType.SET,
            "set { allow_partial: true update_objs { obj_path: 'Device.DeviceInfo.' "
                + "param_settings { param: 'FriendlyName' value: 'Living room' required: true } } }");
    assertMsg(
        resp,
        """
        header { msg_id: "m1" msg_type: SET_RESP }
        body { response { set_resp { updated_obj_results {
          requested_path: "Device.DeviceInfo."
          oper_status { oper_success { updated_inst_results {
            affected_path: "Device.DeviceInfo."
            updated_params { key: "FriendlyName" value: "Living room" }
          } } }
        } } } }
        """);
  }

  @Test
  @DisplayName("TP-469 1.16 Set, allow_partial true, single object, required parameter fails")
  void tp469_1_16() {
    Msg resp =
        h.call(
            MsgType.SET,
            "set { allow_partial: true update_objs { obj_path: 'Device.DeviceInfo.' "
                + "param_settings { param: 'FriendlyName' value: 'x' required: true } "
                + "param_settings { param: 'SerialNumber' value: 'stolen' required: true } } }");
    assertMsg(
        resp,
        """
        header { msg_id: "m1" msg_type: SET_RESP }
        body { response { set_resp { updated_obj_results {
          requested_path: "Device.DeviceInfo."
          oper_status { oper_failure {
            err_code: 7021 err_msg: "Required parameter failed"
            updated_inst_failures {
              affected_path: "Device.DeviceInfo."
              param_errs { param: "SerialNumber" err_code: 7013 err_msg: "Attempt to update non-writeable parameter" }
            }
          } }
        } } } }
        """);
    assertThat(h.value("Device.DeviceInfo.FriendlyName")).isEqualTo("Home Gateway");
  }

  @Test
  @DisplayName("TP-469 1.17 Set where a non-required parameter fails reports it in param_errs")
  void tp469_1_17() {
    Msg resp =
        h.call(
            MsgType.SET,
            "set { allow_partial: false update_objs { obj_path: 'Device.DeviceInfo.' "
                + "param_settings { param: 'FriendlyName' value: 'Kitchen' } "
                + "param_settings { param: 'UpTime' value: '5' } } }");
    assertMsg(
        resp,
        """
        header { msg_id: "m1" msg_type: SET_RESP }
        body { response { set_resp { updated_obj_results {
          requested_path: "Device.DeviceInfo."
          oper_status { oper_success { updated_inst_results {
            affected_path: "Device.DeviceInfo."
            param_errs { param: "UpTime" err_code: 7013 err_msg: "Attempt to update non-writeable parameter" }
            updated_params { key: "FriendlyName" value: "Kitchen" }
          } } }
        } } } }
        """);
  }

  @Test
  @DisplayName("TP-469 1.18 Set, allow_partial true, multiple objects, one fails")
  void tp469_1_18() {
    Msg resp =
        h.call(
            MsgType.SET,
            "set { allow_partial: true update_objs { obj_path: 'Device.DeviceInfo.' "
                + "param_settings { param: 'FriendlyName' value: 'ok' required: true } } "
                + "update_objs { obj_path: 'Device.LocalAgent.InvalidObject.' "
                + "param_settings { param: 'X' value: 'y' required: true } } }");
    var results = resp.getBody().getResponse().getSetResp().getUpdatedObjResultsList();
    assertThat(results.get(0).getOperStatus().hasOperSuccess()).isTrue();
    assertThat(results.get(1).getOperStatus().getOperFailure().getErrCode()).isEqualTo(7026);
    assertThat(h.value("Device.DeviceInfo.FriendlyName")).isEqualTo("ok");
  }

  @Test
  @DisplayName("TP-469 1.19 Set with unique-key addressing")
  void tp469_1_19() {
    Msg resp =
        h.call(
            MsgType.SET,
            """
            set { update_objs {
              obj_path: 'Device.LocalAgent.Controller.[EndpointID=="self::fleetsim-controller"].'
              param_settings { param: "ProvisioningCode" value: "keyed" required: true }
            } }
            """);
    assertThat(
            resp.getBody()
                .getResponse()
                .getSetResp()
                .getUpdatedObjResults(0)
                .getOperStatus()
                .getOperSuccess()
                .getUpdatedInstResults(0)
                .getAffectedPath())
        .isEqualTo("Device.LocalAgent.Controller.1.");
    assertThat(h.value("Device.LocalAgent.Controller.1.ProvisioningCode")).isEqualTo("keyed");
  }

  @Test
  @DisplayName("TP-469 1.20 Set on a wildcard is atomic: one failing instance fails the message")
  void tp469_1_20() {
    // Alias is writeOnceReadOnly: the same value passes on SSID.1, a new one fails on SSID.2.
    Msg resp =
        h.call(
            MsgType.SET,
            "set { allow_partial: false update_objs { obj_path: 'Device.WiFi.SSID.*.' "
                + "param_settings { param: 'SSID' value: 'renamed' required: true } "
                + "param_settings { param: 'Alias' value: 'cpe-1' required: true } } }");
    assertMsg(
        resp,
        """
        header { msg_id: "m1" msg_type: ERROR }
        body { error {
          err_code: 7004 err_msg: "Set failed; nothing was changed"
          param_errs { param_path: "Device.WiFi.SSID.2.Alias" err_code: 7013 err_msg: "Attempt to update non-writeable parameter" }
        } }
        """);
    assertThat(h.value("Device.WiFi.SSID.1.SSID")).isEqualTo("fleetsim-2g");
  }

  @Test
  @DisplayName("TP-469 1.21 Set on a search is atomic per obj_path with allow_partial true")
  void tp469_1_21() {
    Msg resp =
        h.call(
            MsgType.SET,
            "set { allow_partial: true update_objs { obj_path: 'Device.WiFi.SSID.[Enable==true].' "
                + "param_settings { param: 'SSID' value: 'renamed' required: true } "
                + "param_settings { param: 'Alias' value: 'cpe-1' required: true } } }");
    var failure =
        resp.getBody()
            .getResponse()
            .getSetResp()
            .getUpdatedObjResults(0)
            .getOperStatus()
            .getOperFailure();
    assertThat(failure.getErrCode()).isEqualTo(7021);
    assertThat(failure.getUpdatedInstFailuresList())
        .extracting(f -> f.getAffectedPath())
        .containsExactly("Device.WiFi.SSID.2.");
    assertThat(h.value("Device.WiFi.SSID.1.SSID")).isEqualTo("fleetsim-2g");
  }

  @Test
  @DisplayName("TP-469 1.22 Set with a search expression updates each match")
  void tp469_1_22() {
    Msg resp =
        h.call(
            MsgType.SET,
            "set { update_objs { obj_path: 'Device.WiFi.SSID.[Name==\"wl2\"].' "
                + "param_settings { param: 'SSID' value: 'guest' required: true } } }");
    assertMsg(
        resp,
        """
        header { msg_id: "m1" msg_type: SET_RESP }
        body { response { set_resp { updated_obj_results {
          requested_path: "Device.WiFi.SSID.[Name==\\"wl2\\"]."
          oper_status { oper_success { updated_inst_results {
            affected_path: "Device.WiFi.SSID.2."
            updated_params { key: "SSID" value: "guest" }
          } } }
        } } } }
        """);
  }

  @Test
  @DisplayName("TP-469 1.23 Set with a search that matches nothing succeeds with no results")
  void tp469_1_23() {
    Msg resp =
        h.call(
            MsgType.SET,
            "set { update_objs { obj_path: 'Device.WiFi.SSID.[SSID==\"none\"].' "
                + "param_settings { param: 'SSID' value: 'x' required: true } } }");
    assertMsg(
        resp,
        """
        header { msg_id: "m1" msg_type: SET_RESP }
        body { response { set_resp { updated_obj_results {
          requested_path: "Device.WiFi.SSID.[SSID==\\"none\\"]."
          oper_status { oper_success { } }
        } } } }
        """);
  }

  @Test
  @DisplayName("TP-469 1.104 Setting an already-set writeOnceReadOnly parameter is an Error")
  void tp469_1_104() {
    Msg resp =
        h.call(
            MsgType.SET,
            "set { update_objs { obj_path: 'Device.LocalAgent.Controller.1.' "
                + "param_settings { param: 'Alias' value: 'new-alias' required: true } } }");
    assertMsg(
        resp,
        """
        header { msg_id: "m1" msg_type: ERROR }
        body { error {
          err_code: 7004 err_msg: "Set failed; nothing was changed"
          param_errs { param_path: "Device.LocalAgent.Controller.1.Alias" err_code: 7013 err_msg: "Attempt to update non-writeable parameter" }
        } }
        """);
  }

  @Test
  void set_uniqueKeyAddressOfMissingInstance_isObjectDoesNotExist() {
    // [Name=="none"] names a whole unique key: it addresses an instance, it is not a search.
    Msg resp =
        h.call(
            MsgType.SET,
            "set { allow_partial: true update_objs { obj_path: 'Device.WiFi.SSID.[Name==\"none\"].' "
                + "param_settings { param: 'SSID' value: 'x' required: true } } }");
    assertThat(
            resp.getBody()
                .getResponse()
                .getSetResp()
                .getUpdatedObjResults(0)
                .getOperStatus()
                .getOperFailure()
                .getErrCode())
        .isEqualTo(7016);
  }

  @Test
  void set_typeAndRangeValidation_perTr106Type() {
    String obj = "Device.LocalAgent.Controller.1.";
    record Case(String param, String value, int code) {}
    for (Case c :
        new Case[] {
          new Case("Enable", "yes", 7011),
          new Case("Enable", "1", 0),
          new Case("PeriodicNotifInterval", "-5", 7012),
          new Case("PeriodicNotifInterval", "4294967296", 7012),
          new Case("PeriodicNotifInterval", "ten", 7011),
          new Case("PeriodicNotifInterval", "0", 7012),
          new Case("USPNotifRetryIntervalMultiplier", "999", 7012),
          new Case("PeriodicNotifTime", "yesterday", 7011),
          new Case("PeriodicNotifTime", "2026-02-03T04:05:06Z", 0),
          new Case("ProvisioningCode", "x".repeat(65), 7012),
        }) {
      Msg resp =
          h.call(
              MsgType.SET,
              "set { allow_partial: true update_objs { obj_path: '"
                  + obj
                  + "' "
                  + "param_settings { param: '"
                  + c.param
                  + "' value: '"
                  + c.value
                  + "' required: true } } }");
      var status =
          resp.getBody().getResponse().getSetResp().getUpdatedObjResults(0).getOperStatus();
      int code =
          status.hasOperSuccess()
              ? 0
              : status.getOperFailure().getUpdatedInstFailures(0).getParamErrs(0).getErrCode();
      assertThat(code).as(c.param + "=" + c.value).isEqualTo(c.code);
    }
    assertThat(h.value(obj + "Enable")).isEqualTo("true");
  }
}
