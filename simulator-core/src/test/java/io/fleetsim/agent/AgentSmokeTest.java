package io.fleetsim.agent;

import static io.fleetsim.agent.AgentHarness.assertMsg;
import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsim.usp.proto.UspMsg.Header.MsgType;
import io.fleetsim.usp.proto.UspMsg.Msg;
import org.junit.jupiter.api.Test;

class AgentSmokeTest {

  @Test
  void get_serialNumber_returnsPerDeviceValue() {
    AgentHarness h = AgentHarness.booted();
    Msg resp = h.call(MsgType.GET, "get { param_paths: 'Device.DeviceInfo.SerialNumber' }");
    assertMsg(
        resp,
        """
        header { msg_id: "m1" msg_type: GET_RESP }
        body { response { get_resp { req_path_results {
          requested_path: "Device.DeviceInfo.SerialNumber"
          resolved_path_results {
            resolved_path: "Device.DeviceInfo."
            result_params { key: "SerialNumber" value: "FSIM00000007" }
          }
        } } } }
        """);
    assertThat(h.eid()).isEqualTo("os::00D09E-FSIM00000007");
  }

  @Test
  void get_deviceInfo_returnsObjectAndFirmwareImages() {
    AgentHarness h = AgentHarness.booted();
    Msg resp = h.call(MsgType.GET, "get { param_paths: 'Device.DeviceInfo.' }");
    assertThat(
            resp.getBody()
                .getResponse()
                .getGetResp()
                .getReqPathResults(0)
                .getResolvedPathResultsList())
        .extracting(r -> r.getResolvedPath())
        .containsExactly(
            "Device.DeviceInfo.",
            "Device.DeviceInfo.FirmwareImage.1.",
            "Device.DeviceInfo.FirmwareImage.2.");
    System.out.println(resp);
  }
}
