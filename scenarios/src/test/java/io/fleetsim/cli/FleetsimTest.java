package io.fleetsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class FleetsimTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = Fleetsim.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return cli.execute(args);
  }

  @Test
  void get_printsTheAgentsGetResp() {
    assertThat(run("get", "--agent", "42", "Device.DeviceInfo.SerialNumber")).isZero();
    assertThat(out.toString())
        .contains("msg_type: GET_RESP")
        .contains("key: \"SerialNumber\"")
        .contains("value: \"HGW00000042\"");
  }

  @Test
  void usp_anyRequestInTextFormat() {
    assertThat(
            run(
                "usp",
                "SET",
                "set { update_objs { obj_path: 'Device.DeviceInfo.' param_settings { param: 'UpTime' value: '1' required: true } } }"))
        .isZero();
    assertThat(out.toString()).contains("err_code: 7004").contains("err_code: 7013");
  }

  @Test
  void profile_printsCounts_andBadInputExitsNonZero() {
    assertThat(run("profile", "test-gateway")).isZero();
    int params = Fleetsim.loadProfile("test-gateway").params().size();
    assertThat(out.toString())
        .contains("profile test-gateway")
        .contains("parameters " + params + ",")
        .contains("parameter values in a Get of Device.");
    assertThat(run("profile", "no-such-profile")).isEqualTo(2);
    assertThat(err.toString()).contains("fleetsim: ").contains("no-such-profile");
    assertThat(run("usp", "GET", "not text format {")).isEqualTo(2);
  }
}
