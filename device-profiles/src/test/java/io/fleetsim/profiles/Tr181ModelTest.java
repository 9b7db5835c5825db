package io.fleetsim.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsim.profiles.tr181.Tr181Fact;
import org.junit.jupiter.api.Test;

/**
 * The committed TR-181 2.19.1 (USP) facts resource: the item counts of the Broadband Forum model
 * once deleted items are removed, and spot checks of paths the profiles and agents rely on.
 */
class Tr181ModelTest {
  private final Tr181Model model = Tr181Model.standard();

  @Test
  void holdsEveryItemOfTheModel() {
    assertThat(model.size()).isEqualTo(809 + 6581 + 178 + 52 + 1069);
  }

  @Test
  void spotChecks() {
    assertThat(model.item("Device.DeviceInfo.SoftwareVersion").line())
        .startsWith("P\tDevice.DeviceInfo.SoftwareVersion\treadOnly\tstring\t-\t-\t-\tcurrent");
    assertThat(model.item("Device.DeviceInfo.FirmwareImage.{i}.Download()").access())
        .isEqualTo("async");
    Tr181Fact url = model.item("Device.DeviceInfo.FirmwareImage.{i}.Download().in.URL");
    assertThat(url.kind()).isEqualTo('A');
    assertThat(url.dataType()).isEqualTo("URL");
    assertThat(model.item("Device.LocalAgent.Subscription.{i}.").access()).isEqualTo("readWrite");
    assertThat(model.item("Device.LocalAgent.Subscription.{i}.").entries())
        .isEqualTo("0..unbounded");
    assertThat(model.item("Device.WiFi.Radio.{i}.Channel").access()).isEqualTo("readWrite");
    assertThat(model.item("Device.Boot!.ParameterMap").dataType()).isEqualTo("JSONObject");
    assertThat(model.item("Device.IP.Interface.{i}.IPv4Address.{i}.IPAddress").dataType())
        .isEqualTo("IPv4Address");
    // TR-181 2.18 deleted Device.WiFi.MultiAP.; the USP model has no ManagementServer
    assertThat(model.item("Device.WiFi.MultiAP.")).isNull();
    assertThat(model.item("Device.ManagementServer.")).isNull();
  }
}
