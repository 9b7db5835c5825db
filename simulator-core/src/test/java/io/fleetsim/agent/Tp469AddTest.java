package io.fleetsim.agent;

import static io.fleetsim.agent.AgentHarness.assertMsg;
import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsim.usp.proto.UspMsg.Header.MsgType;
import io.fleetsim.usp.proto.UspMsg.Msg;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** TP-469 section 1 Add cases, on the guinea-pig table Device.LocalAgent.Subscription. */
class Tp469AddTest {
  private final AgentHarness h = AgentHarness.booted();

  static final String SUB_PARAMS =
      """
      param_settings { param: "Enable" value: "true" required: true }
      param_settings { param: "NotifType" value: "ValueChange" required: true }
      param_settings { param: "ReferenceList" value: "Device.LocalAgent.Controller.1.ProvisioningCode" required: true }
      """;

  private String subscriptionCount() {
    return h.value("Device.LocalAgent.SubscriptionNumberOfEntries");
  }

  @Test
  @DisplayName("TP-469 1.1 Add, allow_partial false, single object, required parameters succeed")
  void tp469_1_1() {
    Msg resp =
        h.call(
            MsgType.ADD,
            "add { allow_partial: false create_objs { obj_path: 'Device.LocalAgent.Subscription.' "
                + SUB_PARAMS
                + " param_settings { param: 'ID' value: 'add1' required: true } } }");
    assertMsg(
        resp,
        """
        header { msg_id: "m1" msg_type: ADD_RESP }
        body { response { add_resp { created_obj_results {
          requested_path: "Device.LocalAgent.Subscription."
          oper_status { oper_success {
            instantiated_path: "Device.LocalAgent.Subscription.1."
            unique_keys { key: "Alias" value: "cpe-1" }
            unique_keys { key: "ID" value: "add1" }
            unique_keys { key: "Recipient" value: "Device.LocalAgent.Controller.1" }
          } }
        } } } }
        """);
    assertThat(subscriptionCount()).isEqualTo("1");
  }

  @Test
  @DisplayName("TP-469 1.2 Add, allow_partial false, single object, required parameter fails")
  void tp469_1_2() {
    Msg resp =
        h.call(
            MsgType.ADD,
            "add { allow_partial: false create_objs { obj_path: 'Device.LocalAgent.Subscription.' "
                + SUB_PARAMS
                + " param_settings { param: 'InvalidParameter' value: 'x' required: true } } }");
    assertMsg(
        resp,
        """
        header { msg_id: "m1" msg_type: ERROR }
        body { error {
          err_code: 7004 err_msg: "Add failed; nothing was created"
          param_errs { param_path: "Device.LocalAgent.Subscription.1.InvalidParameter" err_code: 7010 err_msg: "Unsupported parameter" }
        } }
        """);
    assertThat(subscriptionCount()).isEqualTo("0");
  }

  @Test
  @DisplayName("TP-469 1.3 Add, allow_partial false, multiple objects, one invalid object")
  void tp469_1_3() {
    Msg resp =
        h.call(
            MsgType.ADD,
            "add { allow_partial: false create_objs { obj_path: 'Device.LocalAgent.Subscription.' "
                + SUB_PARAMS
                + " } create_objs { obj_path: 'Device.LocalAgent.InvalidObject.' } }");
    assertMsg(
        resp,
        """
        header { msg_id: "m1" msg_type: ERROR }
        body { error {
          err_code: 7004 err_msg: "Add failed; nothing was created"
          param_errs {
            param_path: "Device.LocalAgent.InvalidObject." err_code: 7026
            err_msg: "no object 'InvalidObject' in Device.LocalAgent. (Device.LocalAgent.InvalidObject.)"
          }
        } }
        """);
    assertThat(subscriptionCount()).isEqualTo("0");
  }

  @Test
  @DisplayName(
      "TP-469 1.4 Add, allow_partial false, multiple objects, required parameter fails in one")
  void tp469_1_4() {
    Msg resp =
        h.call(
            MsgType.ADD,
            "add { allow_partial: false create_objs { obj_path: 'Device.LocalAgent.Subscription.' "
                + SUB_PARAMS
                + " } create_objs { obj_path: 'Device.LocalAgent.Subscription.' "
                + " param_settings { param: 'InvalidParameter' value: 'x' required: true } } }");
    assertMsg(
        resp,
        """
        header { msg_id: "m1" msg_type: ERROR }
        body { error {
          err_code: 7004 err_msg: "Add failed; nothing was created"
          param_errs { param_path: "Device.LocalAgent.Subscription.2.InvalidParameter" err_code: 7010 err_msg: "Unsupported parameter" }
        } }
        """);
    assertThat(subscriptionCount()).isEqualTo("0");
  }

  @Test
  @DisplayName("TP-469 1.5 Add, allow_partial true, single object, required parameters succeed")
  void tp469_1_5() {
    Msg resp =
        h.call(
            MsgType.ADD,
            "add { allow_partial: true create_objs { obj_path: 'Device.LocalAgent.Subscription.' "
                + SUB_PARAMS
                + " param_settings { param: 'ID' value: 'a5' } } }");
    assertMsg(
        resp,
        """
        header { msg_id: "m1" msg_type: ADD_RESP }
        body { response { add_resp { created_obj_results {
          requested_path: "Device.LocalAgent.Subscription."
          oper_status { oper_success {
            instantiated_path: "Device.LocalAgent.Subscription.1."
            unique_keys { key: "Alias" value: "cpe-1" }
            unique_keys { key: "ID" value: "a5" }
            unique_keys { key: "Recipient" value: "Device.LocalAgent.Controller.1" }
          } }
        } } } }
        """);
  }

  @Test
  @DisplayName("TP-469 1.6 Add, allow_partial true, single invalid object")
  void tp469_1_6() {
    Msg resp =
        h.call(
            MsgType.ADD,
            "add { allow_partial: true create_objs { obj_path: 'Device.LocalAgent.InvalidObject.' } }");
    assertMsg(
        resp,
        """
        header { msg_id: "m1" msg_type: ADD_RESP }
        body { response { add_resp { created_obj_results {
          requested_path: "Device.LocalAgent.InvalidObject."
          oper_status { oper_failure {
            err_code: 7026
            err_msg: "no object 'InvalidObject' in Device.LocalAgent. (Device.LocalAgent.InvalidObject.)"
          } }
        } } } }
        """);
  }

  @Test
  @DisplayName("TP-469 1.7 Add, allow_partial true, single object, required parameter fails")
  void tp469_1_7() {
    Msg resp =
        h.call(
            MsgType.ADD,
            "add { allow_partial: true create_objs { obj_path: 'Device.LocalAgent.Subscription.' "
                + SUB_PARAMS
                + " param_settings { param: 'InvalidParameter' value: 'x' required: true } } }");
    assertMsg(
        resp,
        """
        header { msg_id: "m1" msg_type: ADD_RESP }
        body { response { add_resp { created_obj_results {
          requested_path: "Device.LocalAgent.Subscription."
          oper_status { oper_failure { err_code: 7010 err_msg: "Unsupported parameter: InvalidParameter" } }
        } } } }
        """);
    assertThat(subscriptionCount()).isEqualTo("0");
  }

  @Test
  @DisplayName("TP-469 1.8 Add, allow_partial true, multiple objects, one invalid object")
  void tp469_1_8() {
    Msg resp =
        h.call(
            MsgType.ADD,
            "add { allow_partial: true create_objs { obj_path: 'Device.LocalAgent.Subscription.' "
                + SUB_PARAMS
                + " } create_objs { obj_path: 'Device.LocalAgent.InvalidObject.' } }");
    var results = resp.getBody().getResponse().getAddResp().getCreatedObjResultsList();
    assertThat(results).hasSize(2);
    assertThat(results.get(0).getOperStatus().getOperSuccess().getInstantiatedPath())
        .isEqualTo("Device.LocalAgent.Subscription.1.");
    assertThat(results.get(1).getOperStatus().getOperFailure().getErrCode()).isEqualTo(7026);
    assertThat(subscriptionCount()).isEqualTo("1");
  }

  @Test
  @DisplayName(
      "TP-469 1.9 Add, allow_partial true, multiple objects, required parameter fails in one")
  void tp469_1_9() {
    Msg resp =
        h.call(
            MsgType.ADD,
            "add { allow_partial: true create_objs { obj_path: 'Device.LocalAgent.Subscription.' "
                + SUB_PARAMS
                + " } create_objs { obj_path: 'Device.LocalAgent.Subscription.' "
                + " param_settings { param: 'NotifType' value: 'Bogus' required: true } } }");
    var results = resp.getBody().getResponse().getAddResp().getCreatedObjResultsList();
    assertThat(results.get(0).getOperStatus().hasOperSuccess()).isTrue();
    assertThat(results.get(1).getOperStatus().getOperFailure().getErrCode()).isEqualTo(7012);
    assertThat(subscriptionCount()).isEqualTo("1");
  }

  @Test
  @DisplayName("TP-469 1.10 Add with unique-key addressing in the parent path")
  void tp469_1_10() {
    Msg resp =
        h.call(
            MsgType.ADD,
            """
            add { allow_partial: false create_objs {
              obj_path: 'Device.LocalAgent.Controller.[EndpointID=="self::fleetsim-controller"].BootParameter.'
              param_settings { param: "ParameterName" value: "Device.DeviceInfo.SoftwareVersion" required: true }
            } }
            """);
    assertMsg(
        resp,
        """
        header { msg_id: "m1" msg_type: ADD_RESP }
        body { response { add_resp { created_obj_results {
          requested_path: "Device.LocalAgent.Controller.[EndpointID==\\"self::fleetsim-controller\\"].BootParameter."
          oper_status { oper_success {
            instantiated_path: "Device.LocalAgent.Controller.1.BootParameter.1."
            unique_keys { key: "Alias" value: "cpe-1" }
            unique_keys { key: "ParameterName" value: "Device.DeviceInfo.SoftwareVersion" }
          } }
        } } } }
        """);
  }

  @Test
  @DisplayName(
      "TP-469 1.9 (non-required) Add where a non-required parameter fails still creates the object")
  void add_optionalParameterFails_objectCreatedWithParamErrs() {
    Msg resp =
        h.call(
            MsgType.ADD,
            "add { allow_partial: false create_objs { obj_path: 'Device.LocalAgent.Subscription.' "
                + SUB_PARAMS
                + " param_settings { param: 'TimeToLive' value: 'soon' } } }");
    var success =
        resp.getBody()
            .getResponse()
            .getAddResp()
            .getCreatedObjResults(0)
            .getOperStatus()
            .getOperSuccess();
    assertThat(success.getInstantiatedPath()).isEqualTo("Device.LocalAgent.Subscription.1.");
    assertThat(success.getParamErrsList())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.getParam()).isEqualTo("TimeToLive");
              assertThat(e.getErrCode()).isEqualTo(7011);
            });
  }

  @Test
  @DisplayName("TP-469 1.81 Add without keys: the agent generates Alias, Recipient and ID")
  void tp469_1_81() {
    Msg resp =
        h.call(
            MsgType.ADD,
            "add { create_objs { obj_path: 'Device.LocalAgent.Subscription.' "
                + SUB_PARAMS
                + " } }");
    assertThat(
            resp.getBody()
                .getResponse()
                .getAddResp()
                .getCreatedObjResults(0)
                .getOperStatus()
                .getOperSuccess()
                .getUniqueKeysMap())
        .containsOnlyKeys("Alias", "Recipient", "ID")
        .containsEntry("Alias", "cpe-1")
        .containsEntry("ID", "cpe-1")
        .containsEntry("Recipient", "Device.LocalAgent.Controller.1");
  }

  @Test
  @DisplayName("TP-469 1.88 Add with a key that is already used fails with 7025")
  void tp469_1_88() {
    h.call(
        MsgType.ADD,
        "add { create_objs { obj_path: 'Device.LocalAgent.Subscription.' "
            + SUB_PARAMS
            + " param_settings { param: 'ID' value: 'dup' } } }");
    Msg resp =
        h.call(
            MsgType.ADD,
            "add { allow_partial: true create_objs { obj_path: 'Device.LocalAgent.Subscription.' "
                + SUB_PARAMS
                + " param_settings { param: 'ID' value: 'dup' } } }");
    assertMsg(
        resp,
        """
        header { msg_id: "m2" msg_type: ADD_RESP }
        body { response { add_resp { created_obj_results {
          requested_path: "Device.LocalAgent.Subscription."
          oper_status { oper_failure {
            err_code: 7025
            err_msg: "unique key [Recipient, ID] already used by Device.LocalAgent.Subscription.1."
          } }
        } } } }
        """);
    assertThat(subscriptionCount()).isEqualTo("1");
  }

  @Test
  @DisplayName("TP-469 1.95 Add with a search expression in the parent path creates one per match")
  void tp469_1_95() {
    Msg resp =
        h.call(
            MsgType.ADD,
            """
            add { create_objs {
              obj_path: 'Device.LocalAgent.Controller.[Enable==true].BootParameter.'
              param_settings { param: "ParameterName" value: "Device.DeviceInfo.UpTime" }
            } }
            """);
    assertThat(resp.getBody().getResponse().getAddResp().getCreatedObjResultsList())
        .extracting(r -> r.getOperStatus().getOperSuccess().getInstantiatedPath())
        .containsExactly("Device.LocalAgent.Controller.1.BootParameter.1.");
  }

  @Test
  @DisplayName("TP-469 1.96 Unique keys are immutable after creation")
  void tp469_1_96() {
    h.call(
        MsgType.ADD,
        "add { create_objs { obj_path: 'Device.LocalAgent.Subscription.' "
            + SUB_PARAMS
            + " param_settings { param: 'ID' value: 'keep' } } }");
    Msg resp =
        h.call(
            MsgType.SET,
            "set { allow_partial: true update_objs { obj_path: 'Device.LocalAgent.Subscription.1.' "
                + "param_settings { param: 'ID' value: 'changed' required: true } } }");
    assertMsg(
        resp,
        """
        header { msg_id: "m2" msg_type: SET_RESP }
        body { response { set_resp { updated_obj_results {
          requested_path: "Device.LocalAgent.Subscription.1."
          oper_status { oper_failure {
            err_code: 7021 err_msg: "Required parameter failed"
            updated_inst_failures {
              affected_path: "Device.LocalAgent.Subscription.1."
              param_errs { param: "ID" err_code: 7013 err_msg: "Attempt to update non-writeable parameter" }
            }
          } }
        } } } }
        """);
  }

  @Test
  void add_onNonTable_is7018_andOnReadOnlyTable_is7019() {
    Msg notTable =
        h.call(
            MsgType.ADD,
            "add { allow_partial: true create_objs { obj_path: 'Device.DeviceInfo.' } }");
    assertThat(
            notTable
                .getBody()
                .getResponse()
                .getAddResp()
                .getCreatedObjResults(0)
                .getOperStatus()
                .getOperFailure()
                .getErrCode())
        .isEqualTo(7018);
    Msg readOnly =
        h.call(
            MsgType.ADD,
            "add { allow_partial: true create_objs { obj_path: 'Device.DeviceInfo.FirmwareImage.' } }");
    assertThat(
            readOnly
                .getBody()
                .getResponse()
                .getAddResp()
                .getCreatedObjResults(0)
                .getOperStatus()
                .getOperFailure()
                .getErrCode())
        .isEqualTo(7019);
  }

  @Test
  void add_beyondMaxEntries_isResourcesExceeded() {
    Msg resp =
        h.call(
            MsgType.ADD,
            "add { allow_partial: true create_objs { obj_path: 'Device.LocalAgent.Controller.1.MTP.' "
                + "param_settings { param: 'Protocol' value: 'MQTT' } } }");
    assertThat(
            resp.getBody()
                .getResponse()
                .getAddResp()
                .getCreatedObjResults(0)
                .getOperStatus()
                .hasOperSuccess())
        .isTrue();
    assertThat(
            h.call(
                    MsgType.GET,
                    "get { param_paths: 'Device.LocalAgent.Controller.1.MTPNumberOfEntries' }")
                .getBody()
                .getResponse()
                .getGetResp()
                .getReqPathResults(0)
                .getResolvedPathResults(0)
                .getResultParamsMap())
        .containsEntry("MTPNumberOfEntries", "2");
  }
}
