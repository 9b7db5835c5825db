package io.fleetsim.profiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.ConfigFactory;
import io.fleetsim.datamodel.AgentDataModel;
import io.fleetsim.datamodel.DeviceModel;
import io.fleetsim.datamodel.ProfileException;
import io.fleetsim.datamodel.Schema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A custom variant in about ten lines, firmware pins, and the fleet mix. */
class CompositionTest {
  @TempDir Path dir;
  private static final int[] ROOT = new int[0];

  private static String value(Schema s, String path, int... inst) {
    AgentDataModel dm = new DeviceModel(s, 1, InstantSource.system()).newAgent(5);
    return dm.value(s.param(path), inst);
  }

  @Test
  void variant_includesABuiltInProfile_andOverridesValuesCountsAndFirmware() throws IOException {
    Path f = dir.resolve("isp-gateway.conf");
    Files.writeString(
        f,
        """
        include classpath("profiles/home-gateway.conf")
        profile {
          name = isp-gateway
          firmware { version = "3.3.0", previous = "3.2.14" }
          objects {
            "Device.Hosts.Host.{i}." { instances = 35 }
            "Device.DeviceInfo." { params { ModelName.default = "HGW-X6600" } }
          }
        }
        """);
    Schema s = BuiltinProfiles.load(f.toString());
    assertThat(s.name()).isEqualTo("isp-gateway");
    assertThat(value(s, "Device.DeviceInfo.SoftwareVersion")).isEqualTo("3.3.0");
    assertThat(value(s, "Device.DeviceInfo.FirmwareImage.{i}.Version", 1)).isEqualTo("3.3.0");
    assertThat(value(s, "Device.DeviceInfo.FirmwareImage.{i}.Version", 2)).isEqualTo("3.2.14");
    assertThat(value(s, "Device.DeviceInfo.FirmwareImage.{i}.Name", 1))
        .isEqualTo("hgw-pon-3.3.0.bin");
    assertThat(value(s, "Device.DeviceInfo.ModelName")).isEqualTo("HGW-X6600");
    // hosts churn: the variant has 35 slots instead of 30, of which a seeded share is present
    assertThat(s.object("Device.Hosts.Host.{i}.").churn().slots()).isEqualTo(35);
    assertThat(Integer.parseInt(value(s, "Device.Hosts.HostNumberOfEntries"))).isBetween(0, 35);
    assertThat(Tr181Validator.validate(s, Tr181ValidatorTest.MODEL)).isEmpty();
  }

  @Test
  void variant_errorsNameTheVariantFileAndLine() throws IOException {
    Path f = dir.resolve("broken.conf");
    Files.writeString(
        f,
        """
        include classpath("profiles/home-gateway.conf")
        profile.objects."Device.Hosts.Host.{i}".instances = 3
        """);
    assertThatThrownBy(() -> BuiltinProfiles.load(f.toString()))
        .isInstanceOf(ProfileException.class)
        .hasMessageContaining("broken.conf:2")
        .hasMessageContaining("object paths start with 'Device.' and end with '.'");
  }

  @Test
  void firmwarePin_changesSoftwareVersionOfABuiltIn() {
    Schema s = BuiltinProfiles.load("wifi-extender", "2.7.0");
    assertThat(value(s, "Device.DeviceInfo.SoftwareVersion")).isEqualTo("2.7.0");
    assertThat(value(s, "Device.WiFi.DataElements.Network.Device.{i}.SoftwareVersion", 1))
        .isEqualTo("2.7.0");
  }

  @Test
  void builtInProfiles_meetTheirSizes_andKeepSoftwareVersionEqualToTheActiveImage() {
    for (String name : BuiltinProfiles.NAMES) {
      Schema s = BuiltinProfiles.load(name);
      assertThat(value(s, "Device.DeviceInfo.SoftwareVersion"))
          .as(name)
          .isEqualTo(value(s, "Device.DeviceInfo.FirmwareImage.{i}.Version", 1));
      assertThat(value(s, "Device.DeviceInfo.ActiveFirmwareImage"))
          .isEqualTo("Device.DeviceInfo.FirmwareImage.1");
    }
    assertThat(ProfileStats.realize(BuiltinProfiles.load("home-gateway")).parameters())
        .isGreaterThanOrEqualTo(1500);
  }

  @Test
  void fleetMix_assignsEveryPrefixInProportion() {
    FleetMix mix =
        FleetMix.parse(
            ConfigFactory.parseString(
                """
                fleet.mix = [
                  { profile = home-gateway, share = 70, firmware = "3.2.14" }
                  { profile = wifi-extender, share = 20 }
                  { profile = iot-hub, share = 10 }
                ]
                """),
            "fleet.mix");
    for (int n : new int[] {100, 1_000, 100_000}) {
      int[] counts = new int[3];
      for (int i = 0; i < n; i++) {
        counts[mix.entryOf(i)]++;
      }
      assertThat(counts[0]).isBetween((int) (0.69 * n), (int) (0.71 * n) + 1);
      assertThat(counts[1]).isBetween((int) (0.19 * n), (int) (0.21 * n) + 1);
      assertThat(counts[2]).isBetween((int) (0.09 * n), (int) (0.11 * n) + 1);
    }
    List<Schema> schemas = mix.schemas();
    assertThat(schemas)
        .extracting(Schema::name)
        .containsExactly("home-gateway", "wifi-extender", "iot-hub");
  }

  @Test
  void fleetMix_badShares_failWithFileLineAndKey() {
    assertThatThrownBy(
            () ->
                FleetMix.parse(
                    ConfigFactory.parseString(
                        "fleet.mix = [\n { profile = home-gateway, share = 70 }\n { profile = iot-hub, share = 20 }\n]"),
                    "fleet.mix"))
        .isInstanceOf(ProfileException.class)
        .hasMessageContaining("fleet.mix: shares must add up to 100, not 90.0");
    assertThatThrownBy(
            () ->
                FleetMix.parse(
                    ConfigFactory.parseString(
                        "fleet.mix = [\n { profile = x, share = 100, colour = red }\n]"),
                    "fleet.mix"))
        .isInstanceOf(ProfileException.class)
        .hasMessageContaining(":2: fleet.mix[0].colour: unknown key");
  }
}
