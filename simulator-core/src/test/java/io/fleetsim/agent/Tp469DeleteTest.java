package io.fleetsim.agent;

import static io.fleetsim.agent.AgentHarness.assertMsg;
import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsim.usp.proto.UspMsg.Header.MsgType;
import io.fleetsim.usp.proto.UspMsg.Msg;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** TP-469 section 1 Delete cases on Device.LocalAgent.Subscription. (three rows: s1, s2, s3). */
class Tp469DeleteTest {
  private final AgentHarness h = AgentHarness.booted();

  @BeforeEach
  void threeSubscriptions() {
    for (String id : new String[] {"s1", "s2", "s3"}) {
      h.call(
          MsgType.ADD,
          "add { create_objs { obj_path: 'Device.LocalAgent.Subscription.' "
              + "param_settings { param: 'ID' value: '"
              + id
              + "' } "
              + "param_settings { param: 'NotifType' value: 'ObjectCreation' } } }");
    }
    h.clearSent();
  }

  private java.util.List<String> remaining() {
    return h.instances("Device.LocalAgent.Subscription.");
  }

  @Test
  @DisplayName("TP-469 1.24 Delete, allow_partial false, valid instance")
  void tp469_1_24() {
    Msg resp = h.call(MsgType.DELETE, "delete { obj_paths: 'Device.LocalAgent.Subscription.2.' }");
    assertMsg(
        resp,
        """
        header { msg_id: "m4" msg_type: DELETE_RESP }
        body { response { delete_resp { deleted_obj_results {
          requested_path: "Device.LocalAgent.Subscription.2."
          oper_status { oper_success { affected_paths: "Device.LocalAgent.Subscription.2." } }
        } } } }
        """);
    assertThat(remaining())
        .containsExactly("Device.LocalAgent.Subscription.1.", "Device.LocalAgent.Subscription.3.");
  }

  @Test
  @DisplayName("TP-469 1.25 Delete, allow_partial false, instance that does not exist")
  void tp469_1_25() {
    Msg resp = h.call(MsgType.DELETE, "delete { obj_paths: 'Device.LocalAgent.Subscription.9.' }");
    assertMsg(
        resp,
        """
        header { msg_id: "m4" msg_type: DELETE_RESP }
        body { response { delete_resp { deleted_obj_results {
          requested_path: "Device.LocalAgent.Subscription.9."
          oper_status { oper_success { } }
        } } } }
        """);
  }

  @Test
  @DisplayName("TP-469 1.26 Delete, allow_partial false, invalid object")
  void tp469_1_26() {
    Msg resp =
        h.call(
            MsgType.DELETE,
            "delete { allow_partial: false obj_paths: 'Device.LocalAgent.InvalidObject.1.' }");
    assertMsg(
        resp,
        """
        header { msg_id: "m4" msg_type: ERROR }
        body { error {
          err_code: 7004 err_msg: "Delete failed; nothing was deleted"
          param_errs {
            param_path: "Device.LocalAgent.InvalidObject.1." err_code: 7026
            err_msg: "no object 'InvalidObject' in Device.LocalAgent. (Device.LocalAgent.InvalidObject.1.)"
          }
        } }
        """);
  }

  @Test
  @DisplayName("TP-469 1.27 Delete, allow_partial false, multiple objects")
  void tp469_1_27() {
    Msg resp =
        h.call(
            MsgType.DELETE,
            "delete { obj_paths: 'Device.LocalAgent.Subscription.1.' obj_paths: 'Device.LocalAgent.Subscription.3.' }");
    assertThat(resp.getBody().getResponse().getDeleteResp().getDeletedObjResultsList())
        .extracting(r -> r.getOperStatus().getOperSuccess().getAffectedPaths(0))
        .containsExactly("Device.LocalAgent.Subscription.1.", "Device.LocalAgent.Subscription.3.");
    assertThat(remaining()).containsExactly("Device.LocalAgent.Subscription.2.");
  }

  @Test
  @DisplayName(
      "TP-469 1.28 Delete, allow_partial false, multiple objects with one invalid: nothing deleted")
  void tp469_1_28() {
    Msg resp =
        h.call(
            MsgType.DELETE,
            "delete { obj_paths: 'Device.LocalAgent.Subscription.1.' obj_paths: 'Device.LocalAgent.InvalidObject.1.' }");
    assertThat(resp.getBody().hasError()).isTrue();
    assertThat(resp.getBody().getError().getParamErrs(0).getParamPath())
        .isEqualTo("Device.LocalAgent.InvalidObject.1.");
    assertThat(remaining()).hasSize(3);
  }

  @Test
  @DisplayName("TP-469 1.29 Delete, allow_partial true, instance that does not exist")
  void tp469_1_29() {
    Msg resp =
        h.call(
            MsgType.DELETE,
            "delete { allow_partial: true obj_paths: 'Device.LocalAgent.Subscription.9.' }");
    assertThat(
            resp.getBody()
                .getResponse()
                .getDeleteResp()
                .getDeletedObjResults(0)
                .getOperStatus()
                .getOperSuccess()
                .getAffectedPathsList())
        .isEmpty();
  }

  @Test
  @DisplayName("TP-469 1.30 Delete, allow_partial true, invalid object")
  void tp469_1_30() {
    Msg resp =
        h.call(
            MsgType.DELETE,
            "delete { allow_partial: true obj_paths: 'Device.LocalAgent.InvalidObject.1.' }");
    assertMsg(
        resp,
        """
        header { msg_id: "m4" msg_type: DELETE_RESP }
        body { response { delete_resp { deleted_obj_results {
          requested_path: "Device.LocalAgent.InvalidObject.1."
          oper_status { oper_failure {
            err_code: 7026
            err_msg: "no object 'InvalidObject' in Device.LocalAgent. (Device.LocalAgent.InvalidObject.1.)"
          } }
        } } } }
        """);
  }

  @Test
  @DisplayName("TP-469 1.31 Delete, allow_partial true, multiple objects with one invalid")
  void tp469_1_31() {
    Msg resp =
        h.call(
            MsgType.DELETE,
            "delete { allow_partial: true obj_paths: 'Device.LocalAgent.Subscription.1.' obj_paths: 'Device.LocalAgent.InvalidObject.1.' }");
    var results = resp.getBody().getResponse().getDeleteResp().getDeletedObjResultsList();
    assertThat(results.get(0).getOperStatus().getOperSuccess().getAffectedPathsList())
        .containsExactly("Device.LocalAgent.Subscription.1.");
    assertThat(results.get(1).getOperStatus().getOperFailure().getErrCode()).isEqualTo(7026);
    assertThat(remaining()).hasSize(2);
  }

  @Test
  @DisplayName("TP-469 1.32 Delete with unique-key addressing")
  void tp469_1_32() {
    Msg resp =
        h.call(
            MsgType.DELETE,
            "delete { obj_paths: 'Device.LocalAgent.Subscription.[Alias==\"cpe-2\"].' }");
    assertThat(
            resp.getBody()
                .getResponse()
                .getDeleteResp()
                .getDeletedObjResults(0)
                .getOperStatus()
                .getOperSuccess()
                .getAffectedPathsList())
        .containsExactly("Device.LocalAgent.Subscription.2.");
  }

  @Test
  @DisplayName("TP-469 1.33 Delete with a wildcard")
  void tp469_1_33() {
    Msg resp = h.call(MsgType.DELETE, "delete { obj_paths: 'Device.LocalAgent.Subscription.*.' }");
    assertThat(
            resp.getBody()
                .getResponse()
                .getDeleteResp()
                .getDeletedObjResults(0)
                .getOperStatus()
                .getOperSuccess()
                .getAffectedPathsList())
        .containsExactly(
            "Device.LocalAgent.Subscription.1.",
            "Device.LocalAgent.Subscription.2.",
            "Device.LocalAgent.Subscription.3.");
    assertThat(remaining()).isEmpty();
  }

  @Test
  @DisplayName("TP-469 1.34 Delete with a search expression")
  void tp469_1_34() {
    Msg resp =
        h.call(
            MsgType.DELETE, "delete { obj_paths: 'Device.LocalAgent.Subscription.[ID!=\"s2\"].' }");
    assertThat(
            resp.getBody()
                .getResponse()
                .getDeleteResp()
                .getDeletedObjResults(0)
                .getOperStatus()
                .getOperSuccess()
                .getAffectedPathsList())
        .containsExactly("Device.LocalAgent.Subscription.1.", "Device.LocalAgent.Subscription.3.");
  }

  @Test
  @DisplayName("TP-469 1.35 Delete of an instance of a non-deletable table fails")
  void tp469_1_35() {
    Msg resp = h.call(MsgType.DELETE, "delete { obj_paths: 'Device.DeviceInfo.FirmwareImage.2.' }");
    assertMsg(
        resp,
        """
        header { msg_id: "m4" msg_type: ERROR }
        body { error {
          err_code: 7004 err_msg: "Delete failed; nothing was deleted"
          param_errs {
            param_path: "Device.DeviceInfo.FirmwareImage.2." err_code: 7024
            err_msg: "Device.DeviceInfo.FirmwareImage.{i}. is not deletable"
          }
        } }
        """);
  }

  @Test
  @DisplayName("TP-469 1.90 Delete with a search that matches nothing succeeds")
  void tp469_1_90() {
    Msg resp =
        h.call(
            MsgType.DELETE,
            "delete { obj_paths: 'Device.LocalAgent.Subscription.[ID==\"none\"].' }");
    assertThat(
            resp.getBody()
                .getResponse()
                .getDeleteResp()
                .getDeletedObjResults(0)
                .getOperStatus()
                .getOperSuccess()
                .getAffectedPathsList())
        .isEmpty();
    assertThat(remaining()).hasSize(3);
  }

  @Test
  void delete_tablePathOrNonTable_failsWithoutDeleting() {
    Msg table =
        h.call(
            MsgType.DELETE,
            "delete { allow_partial: true obj_paths: 'Device.LocalAgent.Subscription.' }");
    assertThat(
            table
                .getBody()
                .getResponse()
                .getDeleteResp()
                .getDeletedObjResults(0)
                .getOperStatus()
                .getOperFailure()
                .getErrCode())
        .isEqualTo(7026);
    Msg single =
        h.call(MsgType.DELETE, "delete { allow_partial: true obj_paths: 'Device.DeviceInfo.' }");
    assertThat(
            single
                .getBody()
                .getResponse()
                .getDeleteResp()
                .getDeletedObjResults(0)
                .getOperStatus()
                .getOperFailure()
                .getErrCode())
        .isEqualTo(7018);
    assertThat(remaining()).hasSize(3);
  }
}
