package io.fleetsim.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoginsTest {
  private static final DeviceId DEVICE =
      new DeviceId(42, "os::012345-FS00000042", "FS00000042", "00:D0:9E:00:05:40");

  @Test
  void aTemplate_takesTheFourPlaceholders_andRefusesOthers() {
    assertThat(LoginTemplate.parse("{eid}|{serial}|{index}|{mac}|x").expand(DEVICE))
        .isEqualTo("os::012345-FS00000042|FS00000042|42|00:D0:9E:00:05:40|x");
    assertThat(LoginTemplate.parse("lab-user").expand(DEVICE)).isEqualTo("lab-user");
    assertThatThrownBy(() -> LoginTemplate.parse("dev-{serail}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown placeholder {serail}");
  }

  @Test
  void aSecret_fromAFileOrTheEnvironment_expandsPerDevice_butNeverPrintsItself(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("password");
    Files.writeString(file, "s3cr3t-{serial}-{x}\r\nsecond line ignored\n");
    Secret fromFile = Secret.fromFile(file);
    assertThat(fromFile.expand(DEVICE)).isEqualTo("s3cr3t-FS00000042-{x}");
    assertThat(fromFile.toString()).doesNotContain("s3cr3t").contains(file.toString());

    Secret fromEnv = Secret.fromEnv("FLEET_PW", Map.of("FLEET_PW", "hunter2"));
    assertThat(fromEnv.expand(DEVICE)).isEqualTo("hunter2");
    assertThat(fromEnv.toString()).doesNotContain("hunter2").contains("FLEET_PW");

    Credentials c = new Logins(LoginTemplate.parse("{eid}"), fromEnv).forDevice(DEVICE);
    assertThat(c.username()).isEqualTo("os::012345-FS00000042");
    assertThat(c.password()).isEqualTo("hunter2");
    assertThat(c.toString()).doesNotContain("hunter2").contains("os::012345-FS00000042");
  }

  @Test
  void aMissingOrEmptySecret_failsWithoutGuessing(@TempDir Path dir) throws Exception {
    assertThatThrownBy(() -> Secret.fromEnv("NOT_SET", Map.of()))
        .hasMessage("environment variable NOT_SET is not set");
    Path empty = Files.writeString(dir.resolve("empty"), "\n");
    assertThatThrownBy(() -> Secret.fromFile(empty)).hasMessageContaining("empty first line");
    assertThatThrownBy(() -> Secret.fromFile(dir.resolve("absent")))
        .hasMessageContaining("cannot read the password file");
  }
}
