package io.fleetsim.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class WorkloadSpecTest {

  @Test
  void defaultsAreAMostlyReadMix() {
    Workload.Spec s = Workload.Spec.defaults(100);
    assertThat(s.getWeight()).isGreaterThan(s.setWeight() + s.operateWeight());
    assertThat(s.getPaths()).containsExactly("Device.DeviceInfo.");
  }

  @Test
  void refusesWhatCannotRun() {
    assertThatThrownBy(() -> Workload.Spec.defaults(0)).hasMessageContaining("rate must be > 0");
    assertThatThrownBy(() -> Workload.Spec.defaults(Double.NaN))
        .hasMessageContaining("rate must be > 0");
    assertThatThrownBy(() -> spec(0, 0, 0, "Device.DeviceInfo.ProvisioningCode"))
        .hasMessageContaining("at least one weight");
    assertThatThrownBy(() -> spec(1, -1, 0, "Device.DeviceInfo.ProvisioningCode"))
        .hasMessageContaining(">= 0");
    assertThatThrownBy(() -> spec(1, 1, 0, "Device.DeviceInfo."))
        .hasMessageContaining("needs a parameter path");
  }

  private static Workload.Spec spec(int get, int set, int operate, String setParam) {
    return new Workload.Spec(
        10, get, set, operate, List.of("Device."), setParam, "x", "Device.Reboot()");
  }
}
