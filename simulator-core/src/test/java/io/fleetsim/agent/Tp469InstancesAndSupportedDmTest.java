package io.fleetsim.agent;

import static io.fleetsim.agent.AgentHarness.assertMsg;
import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsim.usp.proto.UspMsg.GetSupportedDMResp;
import io.fleetsim.usp.proto.UspMsg.Header.MsgType;
import io.fleetsim.usp.proto.UspMsg.Msg;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** TP-469 section 1 GetInstances, GetSupportedDM and GetSupportedProtocol cases. */
class Tp469InstancesAndSupportedDmTest {
  private final AgentHarness h = AgentHarness.booted();

  private List<String> instances(Msg resp, int i) {
    return resp
        .getBody()
        .getResponse()
        .getGetInstancesResp()
        .getReqPathResults(i)
        .getCurrInstsList()
        .stream()
        .map(c -> c.getInstantiatedObjPath())
        .toList();
  }

  @Test
  @DisplayName("TP-469 1.66 GetInstances, first_level_only true")
  void tp469_1_66() {
    assertMsg(
        h.call(
            MsgType.GET_INSTANCES,
            "get_instances { obj_paths: 'Device.LocalAgent.Controller.' first_level_only: true }"),
        """
        header { msg_id: "m1" msg_type: GET_INSTANCES_RESP }
        body { response { get_instances_resp { req_path_results {
          requested_path: "Device.LocalAgent.Controller."
          curr_insts {
            instantiated_obj_path: "Device.LocalAgent.Controller.1."
            unique_keys { key: "Alias" value: "cpe-1" }
            unique_keys { key: "EndpointID" value: "self::fleetsim-controller" }
          }
        } } } }
        """);
  }

  @Test
  @DisplayName("TP-469 1.67 GetInstances, first_level_only false lists nested tables")
  void tp469_1_67() {
    Msg resp =
        h.call(
            MsgType.GET_INSTANCES,
            "get_instances { obj_paths: 'Device.LocalAgent.Controller.' first_level_only: false }");
    assertThat(instances(resp, 0))
        .containsExactly(
            "Device.LocalAgent.Controller.1.", "Device.LocalAgent.Controller.1.MTP.1.");
    assertThat(
            resp.getBody()
                .getResponse()
                .getGetInstancesResp()
                .getReqPathResults(0)
                .getCurrInsts(1)
                .getUniqueKeysMap())
        .containsEntry("Protocol", "WebSocket")
        .containsEntry("Alias", "cpe-1");
  }

  @Test
  @DisplayName("TP-469 1.68 GetInstances with multiple paths")
  void tp469_1_68() {
    Msg resp =
        h.call(
            MsgType.GET_INSTANCES,
            "get_instances { obj_paths: 'Device.WiFi.SSID.' obj_paths: 'Device.DeviceInfo.FirmwareImage.' first_level_only: true }");
    assertThat(instances(resp, 0)).containsExactly("Device.WiFi.SSID.1.", "Device.WiFi.SSID.2.");
    assertThat(instances(resp, 1))
        .containsExactly(
            "Device.DeviceInfo.FirmwareImage.1.", "Device.DeviceInfo.FirmwareImage.2.");
  }

  @Test
  @DisplayName("TP-469 1.69 GetInstances of an invalid path")
  void tp469_1_69() {
    Msg resp =
        h.call(
            MsgType.GET_INSTANCES,
            "get_instances { obj_paths: 'Device.LocalAgent.InvalidObject.' }");
    assertThat(resp.getBody().getResponse().getGetInstancesResp().getReqPathResults(0).getErrCode())
        .isEqualTo(7026);
  }

  @Test
  @DisplayName("GetInstances of a single-instance object lists the object itself (first level)")
  void singleInstanceObject_firstLevel_isItself() {
    assertMsg(
        h.call(
            MsgType.GET_INSTANCES,
            "get_instances { obj_paths: 'Device.DeviceInfo.' first_level_only: true }"),
        """
        header { msg_id: "m1" msg_type: GET_INSTANCES_RESP }
        body { response { get_instances_resp { req_path_results {
          requested_path: "Device.DeviceInfo."
          curr_insts { instantiated_obj_path: "Device.DeviceInfo." }
        } } } }
        """);
  }

  @Test
  @DisplayName("GetInstances of Device.LocalAgent. (all levels) lists every instance below it")
  void singleInstanceObject_allLevels_isEveryInstanceBelow() {
    Msg resp =
        h.call(
            MsgType.GET_INSTANCES,
            "get_instances { obj_paths: 'Device.LocalAgent.' first_level_only: false }");
    assertThat(instances(resp, 0))
        .contains(
            "Device.LocalAgent.Controller.1.",
            "Device.LocalAgent.Controller.1.MTP.1.",
            "Device.LocalAgent.MTP.1.")
        .doesNotContain("Device.LocalAgent.")
        .allMatch(p -> p.startsWith("Device.LocalAgent.") && p.matches(".*\\.\\d+\\.$"));
  }

  @Test
  @DisplayName("GetInstances of one instance (all levels) lists it and the instances below it")
  void oneInstance_allLevels_isItAndItsDescendants() {
    Msg resp =
        h.call(
            MsgType.GET_INSTANCES,
            "get_instances { obj_paths: 'Device.LocalAgent.Controller.1.' first_level_only: false }");
    assertThat(instances(resp, 0))
        .containsExactly(
            "Device.LocalAgent.Controller.1.", "Device.LocalAgent.Controller.1.MTP.1.");
  }

  @Test
  @DisplayName("GetInstances of a path that is no object (a parameter) is 7018")
  void notAnObject_is7018() {
    Msg resp =
        h.call(
            MsgType.GET_INSTANCES,
            "get_instances { obj_paths: 'Device.DeviceInfo.SerialNumber.' }");
    assertThat(resp.getBody().getResponse().getGetInstancesResp().getReqPathResults(0).getErrCode())
        .isEqualTo(7018);
  }

  @Test
  @DisplayName("GetInstances of a path without the trailing dot is 7008, as obuspa answers")
  void noTrailingDot_is7008() {
    Msg resp = h.call(MsgType.GET_INSTANCES, "get_instances { obj_paths: 'Device.WiFi.SSID' }");
    assertThat(resp.getBody().getResponse().getGetInstancesResp().getReqPathResults(0).getErrCode())
        .isEqualTo(7008);
  }

  @Test
  @DisplayName("TP-469 1.71 GetInstances with a wildcard in the path")
  void tp469_1_71() {
    Msg resp =
        h.call(
            MsgType.GET_INSTANCES,
            "get_instances { obj_paths: 'Device.LocalAgent.Controller.*.MTP.' }");
    assertThat(instances(resp, 0)).containsExactly("Device.LocalAgent.Controller.1.MTP.1.");
  }

  @Test
  @DisplayName("TP-469 1.83 GetInstances of an empty table")
  void tp469_1_83() {
    assertMsg(
        h.call(MsgType.GET_INSTANCES, "get_instances { obj_paths: 'Device.LocalAgent.Request.' }"),
        """
        header { msg_id: "m1" msg_type: GET_INSTANCES_RESP }
        body { response { get_instances_resp { req_path_results { requested_path: "Device.LocalAgent.Request." } } } }
        """);
  }

  private List<String> supportedPaths(Msg resp) {
    return resp
        .getBody()
        .getResponse()
        .getGetSupportedDmResp()
        .getReqObjResults(0)
        .getSupportedObjsList()
        .stream()
        .map(GetSupportedDMResp.SupportedObjectResult::getSupportedObjPath)
        .toList();
  }

  @Test
  @DisplayName("TP-469 1.72 GetSupportedDM, first_level_only true, no details")
  void tp469_1_72() {
    assertMsg(
        h.call(
            MsgType.GET_SUPPORTED_DM,
            "get_supported_dm { obj_paths: 'Device.DeviceInfo.' first_level_only: true }"),
        """
        header { msg_id: "m1" msg_type: GET_SUPPORTED_DM_RESP }
        body { response { get_supported_dm_resp { req_obj_results {
          req_obj_path: "Device.DeviceInfo."
          data_model_inst_uri: "urn:broadband-forum-org:tr-181-2-19-1-usp"
          supported_objs { supported_obj_path: "Device.DeviceInfo." access: OBJ_READ_ONLY }
          supported_objs { supported_obj_path: "Device.DeviceInfo.FirmwareImage.{i}." access: OBJ_READ_ONLY is_multi_instance: true }
        } } } }
        """);
  }

  @Test
  @DisplayName("TP-469 1.73 GetSupportedDM of Device. with parameters: the whole tree")
  void tp469_1_73() {
    Msg resp =
        h.call(
            MsgType.GET_SUPPORTED_DM,
            "get_supported_dm { obj_paths: 'Device.' return_params: true }");
    List<String> paths = supportedPaths(resp);
    assertThat(paths).hasSize(AgentHarness.TEST_PROFILE.objects().size()).startsWith("Device.");
    assertThat(paths)
        .contains("Device.LocalAgent.Subscription.{i}.", "Device.WiFi.SSID.{i}.Stats.");
    var subs =
        resp
            .getBody()
            .getResponse()
            .getGetSupportedDmResp()
            .getReqObjResults(0)
            .getSupportedObjsList()
            .stream()
            .filter(o -> o.getSupportedObjPath().equals("Device.LocalAgent.Subscription.{i}."))
            .findFirst()
            .orElseThrow();
    assertThat(subs.getAccess()).isEqualTo(GetSupportedDMResp.ObjAccessType.OBJ_ADD_DELETE);
    assertThat(subs.getSupportedParamsList())
        .filteredOn(p -> p.getParamName().equals("Alias"))
        .singleElement()
        .satisfies(
            p ->
                assertThat(p.getAccess())
                    .isEqualTo(GetSupportedDMResp.ParamAccessType.PARAM_READ_WRITE));
    assertThat(subs.getSupportedCommandsList()).isEmpty();
  }

  @Test
  @DisplayName("TP-469 1.74 GetSupportedDM with return_commands")
  void tp469_1_74() {
    Msg resp =
        h.call(
            MsgType.GET_SUPPORTED_DM,
            "get_supported_dm { obj_paths: 'Device.DeviceInfo.FirmwareImage.{i}.' first_level_only: true return_commands: true }");
    assertMsg(
        resp,
        """
        header { msg_id: "m1" msg_type: GET_SUPPORTED_DM_RESP }
        body { response { get_supported_dm_resp { req_obj_results {
          req_obj_path: "Device.DeviceInfo.FirmwareImage.{i}."
          data_model_inst_uri: "urn:broadband-forum-org:tr-181-2-19-1-usp"
          supported_objs {
            supported_obj_path: "Device.DeviceInfo.FirmwareImage.{i}." access: OBJ_READ_ONLY is_multi_instance: true
            supported_commands {
              command_name: "Download()"
              input_arg_names: "URL" input_arg_names: "AutoActivate" input_arg_names: "Username"
              input_arg_names: "Password" input_arg_names: "FileSize" input_arg_names: "CheckSumAlgorithm"
              input_arg_names: "CheckSum"
              command_type: CMD_ASYNC
            }
            supported_commands {
              command_name: "Activate()"
              input_arg_names: "TimeWindow.{i}.Start" input_arg_names: "TimeWindow.{i}.End"
              input_arg_names: "TimeWindow.{i}.Mode" input_arg_names: "TimeWindow.{i}.UserMessage"
              input_arg_names: "TimeWindow.{i}.MaxRetries"
              command_type: CMD_ASYNC
            }
          }
        } } } }
        """);
  }

  @Test
  @DisplayName("TP-469 1.75 GetSupportedDM with return_events")
  void tp469_1_75() {
    Msg resp =
        h.call(
            MsgType.GET_SUPPORTED_DM,
            "get_supported_dm { obj_paths: 'Device.' first_level_only: true return_events: true }");
    var device =
        resp.getBody()
            .getResponse()
            .getGetSupportedDmResp()
            .getReqObjResults(0)
            .getSupportedObjs(0);
    assertThat(device.getSupportedEventsList())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.getEventName()).isEqualTo("Boot!");
              assertThat(e.getArgNamesList())
                  .containsExactly(
                      "CommandKey", "Cause", "Reason", "FirmwareUpdated", "ParameterMap");
            });
  }

  @Test
  @DisplayName("TP-469 1.76 GetSupportedDM with multiple paths")
  void tp469_1_76() {
    Msg resp =
        h.call(
            MsgType.GET_SUPPORTED_DM,
            "get_supported_dm { obj_paths: 'Device.WiFi.' obj_paths: 'Device.LocalAgent.Request.{i}.' first_level_only: true }");
    assertThat(resp.getBody().getResponse().getGetSupportedDmResp().getReqObjResultsList())
        .extracting(r -> r.getReqObjPath())
        .containsExactly("Device.WiFi.", "Device.LocalAgent.Request.{i}.");
  }

  @Test
  @DisplayName("TP-469 1.77 GetSupportedDM of an unknown path is 7026")
  void tp469_1_77() {
    assertMsg(
        h.call(MsgType.GET_SUPPORTED_DM, "get_supported_dm { obj_paths: 'Device.Nope.' }"),
        """
        header { msg_id: "m1" msg_type: GET_SUPPORTED_DM_RESP }
        body { response { get_supported_dm_resp { req_obj_results {
          req_obj_path: "Device.Nope." err_code: 7026 err_msg: "not in the supported model: Device.Nope."
          data_model_inst_uri: "urn:broadband-forum-org:tr-181-2-19-1-usp"
        } } } }
        """);
  }

  @Test
  @DisplayName("TP-469 1.97 GetSupportedDM of an existing instance path")
  void tp469_1_97() {
    Msg resp =
        h.call(
            MsgType.GET_SUPPORTED_DM,
            "get_supported_dm { obj_paths: 'Device.LocalAgent.Controller.1.' first_level_only: true }");
    assertThat(supportedPaths(resp))
        .containsExactly(
            "Device.LocalAgent.Controller.{i}.",
            "Device.LocalAgent.Controller.{i}.MTP.{i}.",
            "Device.LocalAgent.Controller.{i}.BootParameter.{i}.");
    Msg missing =
        h.call(
            MsgType.GET_SUPPORTED_DM,
            "get_supported_dm { obj_paths: 'Device.LocalAgent.Controller.5.' }");
    assertThat(
            missing
                .getBody()
                .getResponse()
                .getGetSupportedDmResp()
                .getReqObjResults(0)
                .getErrCode())
        .isEqualTo(7016);
  }

  @Test
  @DisplayName("TP-469 1.98 GetSupportedDM of a nested {i} path")
  void tp469_1_98() {
    Msg resp =
        h.call(
            MsgType.GET_SUPPORTED_DM,
            "get_supported_dm { obj_paths: 'Device.LocalAgent.Controller.{i}.MTP.{i}.' }");
    assertThat(supportedPaths(resp))
        .containsExactly(
            "Device.LocalAgent.Controller.{i}.MTP.{i}.",
            "Device.LocalAgent.Controller.{i}.MTP.{i}.WebSocket.");
  }

  @Test
  @DisplayName("TP-469 1.99 GetSupportedDM of a table path without the final {i}.")
  void tp469_1_99() {
    Msg resp =
        h.call(
            MsgType.GET_SUPPORTED_DM,
            "get_supported_dm { obj_paths: 'Device.DeviceInfo.FirmwareImage.' }");
    assertThat(supportedPaths(resp)).containsExactly("Device.DeviceInfo.FirmwareImage.{i}.");
  }

  @Test
  @DisplayName("TP-469 1.105 GetSupportedDM of a parameter path (USP 1.4)")
  void tp469_1_105() {
    assertMsg(
        h.call(
            MsgType.GET_SUPPORTED_DM, "get_supported_dm { obj_paths: 'Device.DeviceInfo.UpTime' }"),
        """
        header { msg_id: "m1" msg_type: GET_SUPPORTED_DM_RESP }
        body { response { get_supported_dm_resp { req_obj_results {
          req_obj_path: "Device.DeviceInfo.UpTime"
          data_model_inst_uri: "urn:broadband-forum-org:tr-181-2-19-1-usp"
          supported_objs {
            supported_obj_path: "Device.DeviceInfo." access: OBJ_READ_ONLY
            supported_params { param_name: "UpTime" access: PARAM_READ_ONLY value_type: PARAM_UNSIGNED_INT value_change: VALUE_CHANGE_WILL_IGNORE }
          }
        } } } }
        """);
  }

  @Test
  @DisplayName("TP-469 1.106 GetSupportedDM of a command path (USP 1.4)")
  void tp469_1_106() {
    assertMsg(
        h.call(MsgType.GET_SUPPORTED_DM, "get_supported_dm { obj_paths: 'Device.Reboot()' }"),
        """
        header { msg_id: "m1" msg_type: GET_SUPPORTED_DM_RESP }
        body { response { get_supported_dm_resp { req_obj_results {
          req_obj_path: "Device.Reboot()"
          data_model_inst_uri: "urn:broadband-forum-org:tr-181-2-19-1-usp"
          supported_objs {
            supported_obj_path: "Device." access: OBJ_READ_ONLY
            supported_commands { command_name: "Reboot()" input_arg_names: "Cause" input_arg_names: "Reason" command_type: CMD_SYNC }
          }
        } } } }
        """);
  }

  @Test
  @DisplayName("TP-469 1.107 GetSupportedDM of an event path (USP 1.4)")
  void tp469_1_107() {
    Msg resp =
        h.call(
            MsgType.GET_SUPPORTED_DM,
            "get_supported_dm { obj_paths: 'Device.LocalAgent.Periodic!' return_params: true }");
    var obj =
        resp.getBody()
            .getResponse()
            .getGetSupportedDmResp()
            .getReqObjResults(0)
            .getSupportedObjs(0);
    assertThat(obj.getSupportedObjPath()).isEqualTo("Device.LocalAgent.");
    assertThat(obj.getSupportedParamsList()).isEmpty();
    assertThat(obj.getSupportedEventsList())
        .extracting(e -> e.getEventName())
        .containsExactly("Periodic!");
  }

  @Test
  void getSupportedDm_uniqueKeySets_andValueTypes() {
    Msg resp =
        h.call(
            MsgType.GET_SUPPORTED_DM,
            "get_supported_dm { obj_paths: 'Device.LocalAgent.Subscription.{i}.' return_unique_key_sets: true return_params: true }");
    var obj =
        resp.getBody()
            .getResponse()
            .getGetSupportedDmResp()
            .getReqObjResults(0)
            .getSupportedObjs(0);
    assertThat(obj.getUniqueKeySetsList())
        .extracting(k -> String.join("+", k.getKeyNamesList()))
        .containsExactly("Alias", "Recipient+ID");
    assertThat(obj.getSupportedParamsList())
        .filteredOn(p -> p.getParamName().equals("CreationDate"))
        .singleElement()
        .satisfies(
            p ->
                assertThat(p.getValueType())
                    .isEqualTo(GetSupportedDMResp.ParamValueType.PARAM_DATE_TIME));
  }

  @Test
  void getSupportedDm_sameAnswerIsSharedAcrossAgents() throws Exception {
    AgentHarness other = new AgentHarness(AgentHarness.TEST_PROFILE, 99);
    Msg req =
        io.fleetsim.usp.message.UspMessages.request(
            "x",
            MsgType.GET_SUPPORTED_DM,
            com.google.protobuf.TextFormat.parse(
                "get_supported_dm { obj_paths: 'Device.' return_params: true return_commands: true }",
                io.fleetsim.usp.proto.UspMsg.Request.class));
    Msg a = GetSupportedDmHandler.handle(req, new RequestContext(h.agent.dataModel(), "c", "r"));
    Msg b =
        GetSupportedDmHandler.handle(req, new RequestContext(other.agent.dataModel(), "c", "r"));
    assertThat(a.getBody().getResponse().getGetSupportedDmResp())
        .isSameAs(b.getBody().getResponse().getGetSupportedDmResp());
  }

  @Test
  @DisplayName("TP-469 1.80 GetSupportedProtocol")
  void tp469_1_80() {
    assertMsg(
        h.call(
            MsgType.GET_SUPPORTED_PROTO,
            "get_supported_protocol { controller_supported_protocol_versions: '1.0,1.1,1.2,1.3,1.4' }"),
        """
        header { msg_id: "m1" msg_type: GET_SUPPORTED_PROTO_RESP }
        body { response { get_supported_protocol_resp { agent_supported_protocol_versions: "1.0,1.1,1.2,1.3,1.4" } } }
        """);
  }
}
