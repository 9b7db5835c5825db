package io.fleetsim.profiles.record;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.TextFormat;
import io.fleetsim.usp.proto.UspMsg.GetResp;
import io.fleetsim.usp.proto.UspMsg.GetSupportedDMResp;
import org.junit.jupiter.api.Test;

/** Two Gets apart show a counter's rate, also inside a table's rows (SSID.{i}.Stats.). */
class ProfileRecorderTest {
  private static final String SUPPORTED =
      """
      req_obj_results {
        req_obj_path: "Device."
        supported_objs { supported_obj_path: "Device." }
        supported_objs { supported_obj_path: "Device.WiFi." }
        supported_objs { supported_obj_path: "Device.WiFi.SSID.{i}." is_multi_instance: true }
        supported_objs {
          supported_obj_path: "Device.WiFi.SSID.{i}.Stats."
          supported_params { param_name: "BytesSent" value_type: PARAM_UNSIGNED_LONG }
        }
      }
      """;

  private static GetResp get(String bytes) throws Exception {
    return TextFormat.parse(
        """
        req_path_results {
          requested_path: "Device."
          resolved_path_results { resolved_path: "Device.WiFi.SSID.1." }
          resolved_path_results {
            resolved_path: "Device.WiFi.SSID.1.Stats."
            result_params { key: "BytesSent" value: "%s" }
          }
        }
        """
            .formatted(bytes),
        GetResp.class);
  }

  @Test
  void aCounterInsideATableRow_growsAtTheRateTwoGetsShow() throws Exception {
    ProfileRecorder.Recording r =
        new ProfileRecorder()
            .record(
                "t",
                TextFormat.parse(SUPPORTED, GetSupportedDMResp.class),
                get("1000"),
                get("2000"),
                10);
    assertThat(r.hocon()).contains("BytesSent { type = unsignedLong, gen { counter { rate = 100");
    assertThat(r.inferences())
        .containsExactly(
            "Device.WiFi.SSID.{i}.Stats.BytesSent: a counter growing 100/s between the two Gets");
  }
}
