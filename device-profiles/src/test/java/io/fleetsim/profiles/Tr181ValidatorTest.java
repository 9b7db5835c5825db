package io.fleetsim.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsim.datamodel.ProfileLoader;
import io.fleetsim.datamodel.Schema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every built-in profile conforms to the official TR-181 2.19.1 model (the project's facts
 * resource); and the validator demonstrably rejects a wrong type, a wrong access and an unknown
 * path, naming file, line and path.
 */
class Tr181ValidatorTest {
  static final Tr181Model MODEL = Tr181Model.standard();

  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "profiles/test-gateway.conf",
        "profiles/home-gateway.conf",
        "profiles/wifi-extender.conf",
        "profiles/iot-hub.conf"
      })
  void builtInProfile_conformsToTr181(String resource) {
    Schema schema = ProfileLoader.loadResource(resource);
    assertThat(Tr181Validator.validate(schema, MODEL)).isEmpty();
  }

  private List<String> problems(String objects) throws IOException {
    Path f = dir.resolve("bad.conf");
    Files.writeString(
        f,
        """
        profile {
          name = bad
          objects {
            "Device." { }
            "Device.LocalAgent." { params { EndpointID = string } }
        """
            + objects
            + "\n  }\n}\n");
    return Tr181Validator.validate(ProfileLoader.load(f.toFile()), MODEL);
  }

  @Test
  void wrongType_isReportedWithFileLineAndPath() throws IOException {
    assertThat(problems("    \"Device.DeviceInfo.\" { params { UpTime = string } }"))
        .singleElement()
        .asString()
        .contains("bad.conf:6: Device.DeviceInfo.UpTime: type is string, TR-181 says unsignedInt");
  }

  @Test
  void wrongAccess_isReportedWithFileLineAndPath() throws IOException {
    assertThat(problems("    \"Device.DeviceInfo.\" { params { SerialNumber = \"rw string\" } }"))
        .singleElement()
        .asString()
        .contains(
            "bad.conf:6: Device.DeviceInfo.SerialNumber: access is readWrite, TR-181 says readOnly");
  }

  @Test
  void unknownPaths_areReported() throws IOException {
    assertThat(
            problems(
                """
                    "Device.ManagementServer." { params { URL = string } }
                    "Device.Time." { params { NTPServer1 = "rw string" } }
                    "Device.DeviceInfo." { commands { "Explode()" { } } }
                """))
        .anySatisfy(
            p ->
                assertThat(p)
                    .contains("bad.conf:6: Device.ManagementServer.: not an object of TR-181"))
        .anySatisfy(
            p ->
                assertThat(p)
                    .contains("bad.conf:7: Device.Time.NTPServer1: not a parameter of TR-181"))
        .anySatisfy(
            p ->
                assertThat(p)
                    .contains("bad.conf:8: Device.DeviceInfo.Explode(): not a command of TR-181"));
  }

  @Test
  void tableAccess_listness_asyncAndArguments_areChecked() throws IOException {
    assertThat(
            problems(
                """
                    "Device.DeviceInfo." { }
                    "Device.DeviceInfo.FirmwareImage.{i}." { access = readWrite, commands { "Download()" { input { Url = string } } } }
                    "Device.WiFi." { }
                    "Device.WiFi.SSID.{i}." { access = readWrite, params { LowerLayers = "rw string" } }
                """))
        .anySatisfy(
            p ->
                assertThat(p)
                    .contains(
                        "Device.DeviceInfo.FirmwareImage.{i}.: access is readWrite, TR-181 says readOnly"))
        .anySatisfy(
            p ->
                assertThat(p)
                    .contains(
                        "Device.DeviceInfo.FirmwareImage.{i}.Download(): is sync, TR-181 says async"))
        .anySatisfy(
            p ->
                assertThat(p)
                    .contains(
                        "Device.DeviceInfo.FirmwareImage.{i}.Download().in.Url: not an argument of TR-181"))
        .anySatisfy(
            p ->
                assertThat(p)
                    .contains("Device.WiFi.SSID.{i}.LowerLayers: TR-181 says it is a list"));
  }
}
