package io.fleetsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
  void agents_connectToAController_andPrintTheirEndpointIds() throws Exception {
    try (io.fleetsim.mtp.Transports t = io.fleetsim.mtp.Transports.create(1);
        io.fleetsim.controller.ReferenceController c =
            io.fleetsim.controller.ReferenceController.start(
                t,
                new java.net.InetSocketAddress("127.0.0.1", 0),
                "/usp",
                "self::cli-test",
                false)) {
      int rc =
          run(
              "agents",
              "--count",
              "20",
              "--target",
              "ws://127.0.0.1:" + c.address().getPort() + "/usp",
              "--controller-id",
              "self::cli-test",
              "--duration",
              "PT3S");
      assertThat(rc).isZero();
      assertThat(out.toString().lines()).hasSize(20).first().isEqualTo("os::00D09E-HGW00000000");
      assertThat(c.provisioned()).isEqualTo(20);
    }
  }

  @Test
  void agents_thatCannotConnect_sayWhyAndExitOne() throws Exception {
    int closed = freePort();
    assertThat(
            run(
                "agents",
                "--count",
                "2",
                "--profile",
                "test-gateway",
                "--target",
                "ws://127.0.0.1:" + closed + "/usp",
                "--connect-bound",
                "PT2S"))
        .isEqualTo(1);
    assertThat(err.toString())
        .contains("no agent connected within 2 s; connect failures {refused=2}");
    assertThat(run("agents", "--first-index", "-1", "--target", "ws://127.0.0.1:9/usp"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("--first-index takes 0 to");
    assertThat(run("agents", "--connects-in-flight", "0", "--target", "ws://127.0.0.1:9/usp"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("--connects-in-flight takes 1 or more");
  }

  @Test
  void controller_onABusyPort_saysSoInOneLine_andExitsTwo() throws Exception {
    try (java.net.ServerSocket busy =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      int port = busy.getLocalPort();
      assertThat(run("controller", "--listen", "127.0.0.1:" + port, "--duration", "PT1S"))
          .isEqualTo(2);
      assertThat(err.toString().strip())
          .startsWith("fleetsim: cannot listen on /127.0.0.1:" + port + ": ")
          .containsIgnoringCase("address already in use")
          .doesNotContain("\tat ");
    }
    assertThat(run("controller", "--listen", "127.0.0.1:99999")).isEqualTo(2);
    assertThat(run("controller", "--listen", "nowhere")).isEqualTo(2);
    assertThat(run("controller", "--handshake-timeout", "PT0S")).isEqualTo(2);
    assertThat(run("controller", "--peer-records-per-second", "-1")).isEqualTo(2);
    assertThat(err.toString())
        .contains("records per second and connections per source must be >= 0 (0: no limit)");
    assertThat(run("controller", "--max-record-bytes", "100")).isEqualTo(2);
    assertThat(err.toString()).contains("the Record size limit must be at least 1024 bytes");
    assertThat(err.toString()).contains("--listen takes HOST:PORT with a port of 0..65535");
  }

  @Test
  void agents_refuseWhatTheyCannotDo() {
    assertThat(run("agents", "--target", "coap://127.0.0.1:5683")).isEqualTo(2);
    assertThat(
            run("agents", "--target", "wss://127.0.0.1:9/usp", "--ca-cert", "/nonexistent/ca.pem"))
        .isEqualTo(2);
    assertThat(err.toString())
        .contains(
            "--target takes ws[s]://HOST:PORT/PATH, mqtt[s]://HOST:PORT or"
                + " stomp[s]://[USER:PASS@]HOST:PORT[/VHOST], not coap://")
        .contains("--ca-cert TLS CA file /nonexistent/ca.pem: cannot read");
    assertThat(run("agents", "--target", "mqtt://127.0.0.1:1883", "--mqtt-version", "4"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("--mqtt-version takes 3.1.1 or 5");
    assertThat(run("agents", "--count", "100000000", "--target", "ws://127.0.0.1:9/usp"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("this run needs 100000000 sockets");
  }

  @Test
  void controller_runsForADuration_andReportsStatus() {
    assertThat(run("controller", "--listen", "127.0.0.1:0", "--duration", "PT0.2S")).isZero();
    assertThat(out.toString())
        .contains("listening on ws://127.0.0.1:")
        .contains("agents connected 0");
  }

  @Test
  void controller_drivesAWorkload_andPrintsLatenciesPerMessageType() throws Exception {
    int port = freePort();
    int rc =
        controllerWithAgents(
            new String[] {
              "controller",
              "--listen",
              "127.0.0.1:" + port,
              "--duration",
              "PT5S", // room for the agents' start (profile, actor system) on a busy machine
              "--workload-rate",
              "50",
              "--workload-mix",
              "1,1,0"
            },
            "--count",
            "10",
            "--target",
            "ws://127.0.0.1:" + port + "/usp",
            "--duration",
            "PT6S");

    assertThat(rc).isZero();
    assertThat(out.toString())
        .contains("requests sent")
        .containsPattern("(?m)^Get\\s+\\d+")
        .containsPattern("(?m)^Set\\s+\\d+")
        .containsPattern("(?m)^Add\\s+10\\s") // the provisioning of each agent
        .doesNotContainPattern("(?m)^Operate");
  }

  @Test
  void controller_servesFirmware_andRollsItOutToTheConnectedAgents() throws Exception {
    int port = freePort();
    int rc =
        controllerWithAgents(
            new String[] {
              "controller",
              "--listen",
              "127.0.0.1:" + port,
              "--firmware",
              "fsim-3.0.0.bin:200000",
              "--campaign",
              "fsim-3.0.0.bin",
              "--campaign-version",
              "3.0.0",
              "--campaign-after",
              "PT1.5S",
              "--duration",
              "PT10S"
            },
            "--count",
            "5",
            "--profile",
            "test-gateway",
            "--target",
            "ws://127.0.0.1:" + port + "/usp",
            "--duration",
            "PT11S");

    assertThat(rc).isZero();
    assertThat(out.toString())
        .containsPattern(
            "firmware served\\s+http://127\\.0\\.0\\.1:\\d+/firmware/fsim-3\\.0\\.0\\.bin")
        .contains("firmware campaign: fsim-3.0.0.bin to 5 agents")
        .contains("firmware campaign: 5 upgraded, 0 already there, 0 failed {}, 0 unfinished (")
        .containsPattern("(?m)^firmware-download\\s+5\\s")
        .containsPattern("(?m)^firmware-activation\\s+5\\s");
  }

  @Test
  void controller_firmwareFailureAndRollbackShares_reachTheAgentsUrls() {
    assertThat(
            run(
                "controller",
                "--listen",
                "127.0.0.1:0",
                "--firmware",
                "fsim-3.0.0.bin:1000",
                "--firmware-rate",
                "1000",
                "--firmware-simulate",
                "--firmware-fail",
                "5",
                "--firmware-rollback",
                "2",
                "--duration",
                "PT0.2S"))
        .as(err.toString())
        .isZero();
    assertThat(out.toString())
        .contains(
            "simulate://fleetsim/firmware/fsim-3.0.0.bin?size=1000&rate=1000&fail=5.0&rollback=2.0");

    assertThat(
            run(
                "controller",
                "--firmware",
                "fsim-3.0.0.bin:1000",
                "--firmware-rollback",
                "150",
                "--duration",
                "PT0.2S"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("rollback share must be 0..100 %, not 150.0");
  }

  @Test
  void controller_refusesABadFirmwareOrCampaign() {
    assertThat(run("controller", "--firmware", "fsim.bin")).isEqualTo(2);
    assertThat(err.toString()).contains("--firmware takes NAME:BYTES, got fsim.bin");
    assertThat(run("controller", "--firmware", "a.bin:1", "--campaign", "b.bin")).isEqualTo(2);
    assertThat(err.toString()).contains("--campaign b.bin is not a --firmware image");
    assertThat(run("controller", "--firmware", "a.bin:1", "--firmware-simulate")).isEqualTo(2);
    assertThat(err.toString()).contains("--firmware-simulate needs --firmware-rate > 0");
  }

  @Test
  void controller_refusesABadWorkload() {
    assertThat(run("controller", "--workload-rate", "5", "--workload-mix", "1,x,1")).isEqualTo(2);
    assertThat(err.toString()).contains("--workload-mix takes integers, got 1,x,1");
    assertThat(run("controller", "--workload-rate", "5", "--workload-set", "Device.")).isEqualTo(2);
    assertThat(run("controller", "--workload-rate", "5", "--workload-mix", "0,0,0")).isEqualTo(2);
    assertThat(err.toString()).contains("workload needs at least one weight > 0");
  }

  @Test
  void controller_refusesABadBrokerOrMqttVersion() {
    assertThat(run("controller", "--broker", "http://127.0.0.1:1883")).isEqualTo(2);
    assertThat(err.toString())
        .contains("--broker takes mqtt[s]://HOST:PORT or stomp[s]://HOST:PORT[/VHOST]");
    assertThat(run("controller", "--broker", "mqtt://127.0.0.1:1883", "--mqtt-version", "4"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("--mqtt-version takes 3.1.1 or 5");
    // port 9 on loopback: nothing listens, the connect is refused at once
    assertThat(run("controller", "--broker", "mqtt://127.0.0.1:9")).isEqualTo(1);
    assertThat(err.toString())
        .contains("Controller could not subscribe on the broker mqtt://127.0.0.1:9");
    assertThat(run("controller", "--broker", "stomp://127.0.0.1:9")).isEqualTo(1);
    assertThat(err.toString())
        .contains("Controller could not subscribe on the broker stomp://127.0.0.1:9")
        .contains("refused");
  }

  @Test
  void profile_printsCounts_andBadInputExitsNonZero() {
    assertThat(run("profile", "test-gateway")).isZero();
    int params = Fleetsim.loadProfile("test-gateway").params().size();
    assertThat(out.toString())
        .contains("profile test-gateway")
        .contains("parameters " + params + ",")
        .contains("parameter values in a Get of Device.")
        .contains("conforms to TR-181 2.19.1 (USP)");
    assertThat(run("profile", "no-such-profile")).isEqualTo(2);
    assertThat(err.toString()).contains("fleetsim: ").contains("no-such-profile");
    assertThat(run("usp", "GET", "not text format {")).isEqualTo(2);
  }

  @Test
  void profile_reportsEachTr181ProblemWithFileLineAndPath_andExitsOne(@TempDir Path dir)
      throws java.io.IOException {
    Path f = dir.resolve("mine.conf");
    Files.writeString(
        f,
        """
        profile {
          name = mine
          objects {
            "Device." { }
            "Device.LocalAgent." { params { EndpointID = string } }
            "Device.DeviceInfo." { params { UpTime = string, SerialNumber = string } }
            "Device.ManagementServer." { params { URL = string } }
          }
        }
        """);
    assertThat(run("profile", f.toString())).isEqualTo(1);
    assertThat(out.toString()).contains("profile mine").doesNotContain("conforms");
    assertThat(err.toString())
        .contains("mine.conf:6: Device.DeviceInfo.UpTime: type is string, TR-181 says unsignedInt")
        .contains("mine.conf:7: Device.ManagementServer.: not an object of TR-181")
        .doesNotContain("SerialNumber")
        .contains("2 TR-181 problem(s)");
  }

  private static int freePort() throws java.io.IOException {
    try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
      return free.getLocalPort();
    }
  }

  /** Runs {@code fleetsim agents ARGS} on a thread of its own, output discarded; started. */
  /**
   * Runs {@code controller} and, once it listens, {@code fleetsim agents agentArgs} beside it (an
   * agent that found no listener would wait out its retry interval, longer than these runs);
   * returns the controller's exit code after both ended.
   */
  private int controllerWithAgents(String[] controller, String... agentArgs)
      throws InterruptedException {
    int[] rc = {-1};
    Thread c = new Thread(() -> rc[0] = run(controller));
    c.start();
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
    while (!out.toString().contains("listening on") && c.isAlive()) {
      assertThat(System.nanoTime()).as("controller listening").isLessThan(deadline);
      java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
    }
    Thread agents = agentsInBackground(agentArgs);
    c.join();
    agents.join();
    return rc[0];
  }

  private static Thread agentsInBackground(String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "agents";
    System.arraycopy(args, 0, all, 1, args.length);
    Thread t =
        new Thread(
            () -> {
              CommandLine cli = Fleetsim.commandLine();
              cli.setOut(new PrintWriter(new StringWriter()));
              cli.execute(all);
            });
    t.start();
    return t;
  }
}
