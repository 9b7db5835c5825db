package io.fleetsim.agent;

import static io.fleetsim.agent.AgentHarness.assertMsg;
import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsim.usp.proto.UspMsg.GetResp;
import io.fleetsim.usp.proto.UspMsg.Header.MsgType;
import io.fleetsim.usp.proto.UspMsg.Msg;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * TP-469 section 1 Get cases. SSID.2 gets ErrorsSent=7 so numeric searches have something to find.
 */
class Tp469GetTest {
  private final AgentHarness h = AgentHarness.booted();

  @BeforeEach
  void errorsOnSsid2() {
    h.agent
        .dataModel()
        .set(
            AgentHarness.TEST_PROFILE.param("Device.WiFi.SSID.{i}.Stats.ErrorsSent"),
            new int[] {2},
            "7");
  }

  private List<String> resolvedPaths(Msg resp) {
    return resp
        .getBody()
        .getResponse()
        .getGetResp()
        .getReqPathResults(0)
        .getResolvedPathResultsList()
        .stream()
        .map(GetResp.ResolvedPathResult::getResolvedPath)
        .toList();
  }

  private Msg get(String path) {
    return h.call(MsgType.GET, "get { param_paths: '" + path.replace("'", "\\'") + "' }");
  }

  @Test
  @DisplayName("TP-469 1.36 Get a single parameter")
  void tp469_1_36() {
    assertMsg(
        get("Device.LocalAgent.Controller.1.ProvisioningCode"),
        """
        header { msg_id: "m1" msg_type: GET_RESP }
        body { response { get_resp { req_path_results {
          requested_path: "Device.LocalAgent.Controller.1.ProvisioningCode"
          resolved_path_results {
            resolved_path: "Device.LocalAgent.Controller.1."
            result_params { key: "ProvisioningCode" value: "" }
          }
        } } } }
        """);
  }

  @Test
  @DisplayName("TP-469 1.37 Get multiple parameters")
  void tp469_1_37() {
    Msg resp =
        h.call(
            MsgType.GET,
            "get { param_paths: 'Device.DeviceInfo.ModelName' param_paths: 'Device.LocalAgent.EndpointID' }");
    assertMsg(
        resp,
        """
        header { msg_id: "m1" msg_type: GET_RESP }
        body { response { get_resp {
          req_path_results {
            requested_path: "Device.DeviceInfo.ModelName"
            resolved_path_results { resolved_path: "Device.DeviceInfo." result_params { key: "ModelName" value: "FS-GW1" } }
          }
          req_path_results {
            requested_path: "Device.LocalAgent.EndpointID"
            resolved_path_results { resolved_path: "Device.LocalAgent." result_params { key: "EndpointID" value: "os::00D09E-FSIM00000007" } }
          }
        } } }
        """);
  }

  @Test
  @DisplayName("TP-469 1.38 Get an object path: one result per object and sub-object")
  void tp469_1_38() {
    assertThat(resolvedPaths(get("Device.LocalAgent.Controller.")))
        .containsExactly(
            "Device.LocalAgent.Controller.1.",
            "Device.LocalAgent.Controller.1.MTP.1.",
            "Device.LocalAgent.Controller.1.MTP.1.WebSocket.");
  }

  @Test
  @DisplayName("TP-469 1.39 Get an instance path with its sub-objects")
  void tp469_1_39() {
    Msg resp = get("Device.WiFi.SSID.2.");
    assertThat(resolvedPaths(resp))
        .containsExactly("Device.WiFi.SSID.2.", "Device.WiFi.SSID.2.Stats.");
    var ssid =
        resp.getBody().getResponse().getGetResp().getReqPathResults(0).getResolvedPathResults(0);
    assertThat(ssid.getResultParamsMap())
        .containsEntry("SSID", "fleetsim-5g")
        .containsEntry("Name", "wl2")
        .containsEntry("BSSID", "00:D0:9E:00:00:72")
        .doesNotContainKey("Stats.BytesSent");
  }

  @Test
  @DisplayName("TP-469 1.40 Get an invalid parameter")
  void tp469_1_40() {
    assertMsg(
        get("Device.LocalAgent.Controller.1.InvalidParameter"),
        """
        header { msg_id: "m1" msg_type: GET_RESP }
        body { response { get_resp { req_path_results {
          requested_path: "Device.LocalAgent.Controller.1.InvalidParameter"
          err_code: 7026
          err_msg: "no 'InvalidParameter' in Device.LocalAgent.Controller.{i}. (Device.LocalAgent.Controller.1.InvalidParameter)"
        } } } }
        """);
  }

  @Test
  @DisplayName("TP-469 1.41 Get multiple parameters, one invalid")
  void tp469_1_41() {
    Msg resp =
        h.call(
            MsgType.GET,
            "get { param_paths: 'Device.DeviceInfo.ModelName' param_paths: 'Device.DeviceInfo.Invalid' }");
    var results = resp.getBody().getResponse().getGetResp().getReqPathResultsList();
    assertThat(results.get(0).getErrCode()).isZero();
    assertThat(results.get(1).getErrCode()).isEqualTo(7026);
  }

  @Test
  @DisplayName("TP-469 1.42 Get with unique-key addressing")
  void tp469_1_42() {
    assertThat(resolvedPaths(get("Device.WiFi.SSID.[Name==\"wl1\"].SSID")))
        .containsExactly("Device.WiFi.SSID.1.");
  }

  @Test
  @DisplayName("TP-469 1.43 Get with a wildcard")
  void tp469_1_43() {
    assertThat(resolvedPaths(get("Device.WiFi.SSID.*.SSID")))
        .containsExactly("Device.WiFi.SSID.1.", "Device.WiFi.SSID.2.");
  }

  @Test
  @DisplayName("TP-469 1.44 Get with a search expression, ==")
  void tp469_1_44() {
    assertThat(resolvedPaths(get("Device.WiFi.SSID.[SSID==\"fleetsim-5g\"].Name")))
        .containsExactly("Device.WiFi.SSID.2.");
  }

  @Test
  @DisplayName("TP-469 1.45 Get with a search expression, !=")
  void tp469_1_45() {
    assertThat(resolvedPaths(get("Device.WiFi.SSID.[SSID!=\"fleetsim-5g\"].Name")))
        .containsExactly("Device.WiFi.SSID.1.");
  }

  @Test
  @DisplayName("TP-469 1.46 Get with a search expression, >")
  void tp469_1_46() {
    assertThat(resolvedPaths(get("Device.WiFi.SSID.[Stats.ErrorsSent>0].Name")))
        .containsExactly("Device.WiFi.SSID.2.");
  }

  @Test
  @DisplayName("TP-469 1.47 Get with a search expression, <")
  void tp469_1_47() {
    assertThat(resolvedPaths(get("Device.WiFi.SSID.[Stats.ErrorsSent<7].Name")))
        .containsExactly("Device.WiFi.SSID.1.");
  }

  @Test
  @DisplayName("TP-469 1.48 Get with a search expression, >=")
  void tp469_1_48() {
    assertThat(resolvedPaths(get("Device.WiFi.SSID.[Stats.ErrorsSent>=7].Name")))
        .containsExactly("Device.WiFi.SSID.2.");
  }

  @Test
  @DisplayName("TP-469 1.49 Get with a search expression, <=")
  void tp469_1_49() {
    assertThat(resolvedPaths(get("Device.WiFi.SSID.[Stats.ErrorsSent<=7].Name")))
        .containsExactly("Device.WiFi.SSID.1.", "Device.WiFi.SSID.2.");
  }

  @Test
  @DisplayName("TP-469 1.50 Get with a compound search expression (&&)")
  void tp469_1_50() {
    assertThat(resolvedPaths(get("Device.WiFi.SSID.[Enable==true&&Stats.ErrorsSent==7].Name")))
        .containsExactly("Device.WiFi.SSID.2.");
    assertThat(resolvedPaths(get("Device.WiFi.SSID.[Enable==false&&Stats.ErrorsSent==7].Name")))
        .isEmpty();
  }

  @Test
  @DisplayName("TP-469 1.51 Get through a reference (Param+)")
  void tp469_1_51() {
    assertMsg(
        get("Device.DeviceInfo.ActiveFirmwareImage+.Version"),
        """
        header { msg_id: "m1" msg_type: GET_RESP }
        body { response { get_resp { req_path_results {
          requested_path: "Device.DeviceInfo.ActiveFirmwareImage+.Version"
          resolved_path_results {
            resolved_path: "Device.DeviceInfo.FirmwareImage.1."
            result_params { key: "Version" value: "1.2.0" }
          }
        } } } }
        """);
  }

  @Test
  @DisplayName("TP-469 1.82 Get with a search that matches nothing: empty, no error")
  void tp469_1_82() {
    assertMsg(
        get("Device.WiFi.SSID.[SSID==\"nope\"].Name"),
        """
        header { msg_id: "m1" msg_type: GET_RESP }
        body { response { get_resp { req_path_results {
          requested_path: "Device.WiFi.SSID.[SSID==\\"nope\\"].Name"
        } } } }
        """);
  }

  @Test
  @DisplayName("TP-469 1.86 Get of an instance that does not exist is 7026 (R-GET.0)")
  void tp469_1_86() {
    assertMsg(
        get("Device.LocalAgent.Controller.99."),
        """
        header { msg_id: "m1" msg_type: GET_RESP }
        body { response { get_resp { req_path_results {
          requested_path: "Device.LocalAgent.Controller.99."
          err_code: 7026
          err_msg: "no instance Device.LocalAgent.Controller.99."
        } } } }
        """);
  }

  @Test
  @DisplayName("TP-469 1.87 Get of an empty table: empty, no error (R-GET.1b)")
  void tp469_1_87() {
    assertMsg(
        get("Device.LocalAgent.Subscription."),
        """
        header { msg_id: "m1" msg_type: GET_RESP }
        body { response { get_resp { req_path_results {
          requested_path: "Device.LocalAgent.Subscription."
        } } } }
        """);
  }

  @Test
  @DisplayName("TP-469 1.89 Get with max_depth")
  void tp469_1_89() {
    Msg depth1 = h.call(MsgType.GET, "get { param_paths: 'Device.LocalAgent.' max_depth: 1 }");
    assertThat(resolvedPaths(depth1)).containsExactly("Device.LocalAgent.");
    Msg depth2 = h.call(MsgType.GET, "get { param_paths: 'Device.LocalAgent.' max_depth: 2 }");
    assertThat(resolvedPaths(depth2))
        .containsExactly(
            "Device.LocalAgent.", "Device.LocalAgent.MTP.1.", "Device.LocalAgent.Controller.1.");
    Msg full = h.call(MsgType.GET, "get { param_paths: 'Device.LocalAgent.' max_depth: 0 }");
    assertThat(resolvedPaths(full))
        .containsExactly(
            "Device.LocalAgent.",
            "Device.LocalAgent.MTP.1.",
            "Device.LocalAgent.MTP.1.WebSocket.",
            "Device.LocalAgent.Controller.1.",
            "Device.LocalAgent.Controller.1.MTP.1.",
            "Device.LocalAgent.Controller.1.MTP.1.WebSocket.");
  }

  @Test
  void get_valuesMoveWithTheClock_andDifferPerDevice() {
    assertThat(h.value("Device.DeviceInfo.UpTime")).isEqualTo("0");
    h.advance(90_000);
    assertThat(h.value("Device.DeviceInfo.UpTime")).isEqualTo("90");
    String bytes1 = h.value("Device.WiFi.SSID.1.Stats.BytesSent");
    h.advance(10_000);
    String bytes2 = h.value("Device.WiFi.SSID.1.Stats.BytesSent");
    assertThat(Long.parseLong(bytes2)).isGreaterThan(Long.parseLong(bytes1));
    assertThat(h.value("Device.DeviceInfo.HostName")).isEqualTo("gw-7");
  }

  @Test
  void get_ofACommandPath_isInvalidPath() {
    assertThat(
            get("Device.Reboot()")
                .getBody()
                .getResponse()
                .getGetResp()
                .getReqPathResults(0)
                .getErrCode())
        .isEqualTo(7026);
  }
}
