package io.fleetsim.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeviceListTest {
  @TempDir Path dir;

  private Path csv(String name, String text) throws Exception {
    return Files.writeString(dir.resolve(name), text);
  }

  @Test
  void rowsByIndex_withTheirColumns_andCredentialsForLogins() throws Exception {
    DeviceList list =
        DeviceList.load(
            csv(
                "ok.csv",
                "eid,serial,mac,username,password\n"
                    + "oui:00D09E:GW-0001,GW-0001,00:D0:9E:00:00:01,gw1,s1\n"
                    + "\n"
                    + "oui:00D09E:GW-0002,GW-0002,00:D0:9E:00:00:02,gw2,s2\n"));
    assertThat(list.rows()).isEqualTo(2);
    assertThat(list.column("serial")).containsExactly("GW-0001", "GW-0002");
    assertThat(list.value("mac", 1)).isEqualTo("00:D0:9E:00:00:02");
    assertThat(list.value("mac", 2)).isNull();
    Credentials c =
        new Logins(null, null, list).forDevice(new DeviceId(1, "oui:00D09E:GW-0002", "", ""));
    assertThat(c.username()).isEqualTo("gw2");
    assertThat(c.password()).isEqualTo("s2");
    assertThat(new Logins(null, null, list).forDevice(DeviceId.of("self::controller"))).isNull();
    assertThat(DeviceList.load(dir.resolve("ok.csv"))).isSameAs(list); // read once per JVM
  }

  @Test
  void problems_areNamedWithFileAndLine() throws Exception {
    assertThatThrownBy(() -> DeviceList.load(csv("h.csv", "eid,imei\nos::a,1\n")))
        .hasMessage(
            dir.resolve("h.csv")
                + ":1: unknown column 'imei': the columns are eid, serial, mac, username, password");
    assertThatThrownBy(() -> DeviceList.load(csv("n.csv", "serial\nX\n")))
        .hasMessageContaining("n.csv:1: the header needs eid");
    assertThatThrownBy(() -> DeviceList.load(csv("e.csv", "eid\nos::a\nnot-an-eid\n")))
        .hasMessageContaining("e.csv:3: 'not-an-eid' is no EndpointID");
    assertThatThrownBy(
            () -> DeviceList.load(csv("d.csv", "eid,serial\nos::a,1\nos::b,2\nos::a,3\n")))
        .hasMessageContaining("d.csv:4: duplicate eid os::a (first on line 2)");
    assertThatThrownBy(() -> DeviceList.load(csv("m.csv", "eid,mac\nos::a,00:D0:9E\n")))
        .hasMessageContaining("m.csv:2: '00:D0:9E' is no MAC");
    assertThatThrownBy(() -> DeviceList.load(csv("c.csv", "eid,serial\nos::a\n")))
        .hasMessageContaining("c.csv:2: 1 values where the header names 2");
  }
}
