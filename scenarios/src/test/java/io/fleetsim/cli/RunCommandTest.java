package io.fleetsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code fleetsim run} and {@code validate} end to end on the in-memory MTP: a small mixed fleet
 * ramps up, is provisioned and rebooted by the embedded Controller, goes through an outage and a
 * reboot storm, and the run writes summary.json, the .hlog and the report; exit codes say whether
 * the assertions held (0), failed (1) or the scenario is invalid (2).
 */
class RunCommandTest {
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private static final String SCENARIO =
      """
      scenario {
        name = small
        duration = 14s
        seed = 3
        target { controller = embedded, mtp = memory }
        fleet {
          agents = 300
          mix = [
            { profile = home-gateway, share = 70 }
            { profile = wifi-extender, share = 20 }
            { profile = iot-hub, share = 10 }
          ]
          profile {
            agent.reboot-time = 300ms
            objects { "Device.LocalAgent.Controller.{i}.MTP.{i}.WebSocket." {
              params.SessionRetryMinimumWaitInterval.default = 1
            } }
          }
        }
        phases = [ { at-once = 100 }, { ramp = 200, over = 2s } ]
        behaviour { reboot-after-provisioning = true, workload { rate = 100 } }
        incidents = [
          { at = 4s, outage = 1s }
          { at = 9s, reboot-storm = 50, within = 1s }
        ]
        assertions = [
          { latency = "Notify Boot!", percentile = 99, below = 5s }
          { connected-at-least = 100 }
          { max-drops = 0 }
        ]
      }
      """;

  @Test
  void run_writesTheReport_andExitsZeroWhenTheAssertionsHold() throws IOException {
    Path scenario = write("small.conf", SCENARIO);
    Path output = dir.resolve("out");

    int rc = run("run", scenario.toString(), "--output", output.toString());

    assertThat(rc).as(out + "\n" + err).isZero();
    String summary = Files.readString(output.resolve("summary.json"));
    // the scenario's own incidents are not mistaken for the target failing
    assertThat(summary).contains("\"observedIncidents\": []");
    assertThat(summary)
        .contains("\"scenario\": \"small\"")
        .contains("\"spawned\": 300")
        .contains("\"connectedAtEnd\": 300")
        .contains("\"Notify Boot!\": {\"count\": ")
        .contains("\"controller Get\": {\"count\": ")
        .contains("\"passed\": true");
    // the simulator's own cost: this JVM's CPU over the run, per agent and per message
    double cpuSeconds =
        Double.parseDouble(summary.replaceAll("(?s).*\"cpuSeconds\": ([0-9.]+),.*", "$1"));
    double perAgent =
        Double.parseDouble(summary.replaceAll("(?s).*\"cpuMicrosPerAgent\": ([0-9.]+),.*", "$1"));
    assertThat(cpuSeconds).isPositive();
    assertThat(perAgent)
        .isCloseTo(cpuSeconds * 1e6 / 300, org.assertj.core.data.Percentage.withPercentage(1));
    assertThat(Files.readString(output.resolve("report.txt"))).contains("simulator: CPU ");
    // 300 Boot! after provisioning, ~150 more after the reboot storm
    long boots =
        Long.parseLong(summary.replaceAll("(?s).*\"Notify Boot!\": \\{\"count\": (\\d+),.*", "$1"));
    assertThat(boots).isBetween(440L, 460L);
    // 300 first connects, 300 after the provisioning reboot, 300 after the outage, ~150 storm
    long connects = Long.parseLong(summary.replaceAll("(?s).*\"connects\": (\\d+),.*", "$1"));
    assertThat(connects).isBetween(1040L, 1060L);
    // the reconnect curve: when 50/90/99/100 % of the fleet was connected, booted, and back
    assertThat(summary)
        .containsPattern(
            "\"connected\": \\{\"50%\": [\\d.]+, \"90%\": [\\d.]+, \"99%\": [\\d.]+,"
                + " \"100%\": [\\d.]+\\}")
        .containsPattern("\"back after the outage at 4 s\": \\{\"50%\": [\\d.]+, .*\"100%\": ");
    String hlog = Files.readString(output.resolve("latencies.hlog"));
    assertThat(hlog)
        .contains("#[StartTime: ")
        .contains("Tag=connect,")
        .contains("Tag=Notify_Boot!,");
    assertThat(Files.readString(output.resolve("report.txt"))).contains("PASS connected >= 100 %");
    // what the HTML report draws besides the counters: the scenario, its mix and timeline, and
    // messages per second by type
    assertThat(summary)
        .contains("\"target\": {\"kind\": \"embedded_memory\"}")
        .contains("{\"profile\": \"wifi-extender\", \"share\": 20.0000}")
        .contains(
            "{\"at\": 0.0, \"until\": 0.0, \"kind\": \"phase\", \"what\": \"100 agents at once\"}")
        .contains(
            "{\"at\": 0.0, \"until\": 2.0, \"kind\": \"phase\", \"what\": \"ramp of 200 agents")
        .contains("{\"at\": 4.0, \"until\": 5.0, \"kind\": \"outage\"")
        .containsPattern("\"toAgentsByType\": \\{[^}]*\"GET\": \\[")
        .containsPattern("\"fromAgentsByType\": \\{[^}]*\"NOTIFY\": \\[");
    String html = Files.readString(output.resolve("report.html"));
    assertThat(html)
        .contains("\"scenario\": \"small\"")
        .contains("\"latency\": {\"Notify Boot!\": {\"t\": [")
        .contains("uPlot");
    assertThat(out.toString())
        .contains("report: " + output.resolve("report.html").toAbsolutePath())
        .contains("incident: outage for PT1S")
        .contains("incident: reboot storm of 150 agents within PT1S")
        .containsPattern("t=\\s*\\d+\\.\\ds agents 300/300 connected 300");
  }

  @Test
  void bootStormExample_scaledDown_everyPreProvisionedAgentAnnouncesBoot() throws IOException {
    Path output = dir.resolve("storm");
    int rc =
        run(
            "run",
            "examples/boot-storm.conf",
            "--agents",
            "500",
            "--duration",
            "4s",
            "--output",
            output.toString(),
            "--measure-heap");

    assertThat(rc).as(out + "\n" + err).isZero();
    String summary = Files.readString(output.resolve("summary.json"));
    long heap =
        Long.parseLong(summary.replaceAll("(?s).*\"heapBytesPerAgent\": (-?\\d+),.*", "$1"));
    assertThat(heap).isPositive();
    assertThat(summary)
        .contains("\"spawned\": 500")
        .contains(
            "\"agentStatesAtEnd\": {\"offline\": 0, \"connecting\": 0, \"booting\": 0,"
                + " \"online\": 500, \"downloading\": 0, \"rebooting\": 0}")
        .containsPattern("\"fleetTickRounds\": [1-9]")
        // one row a second: the fleet ends connected, the Boot!s showed up as messages
        .containsPattern("\"timeSeries\": \\{\"seconds\": \\[1\\.\\d")
        .containsPattern("\"connected\": \\[[^\\]]*, 500\\]")
        .containsPattern("\"messagesFromAgentsPerSecond\": \\[[^\\]]*[1-9]")
        .contains("\"Notify Boot!\": {\"count\": 500,")
        .doesNotContain("controller Add"); // a deployed fleet is not provisioned again
  }

  @Test
  void firmwareRolloutIncident_upgradesTheShare_andReportsFailuresAndRollbacks()
      throws IOException {
    Path scenario =
        write(
            "rollout.conf",
            """
            scenario {
              duration = 9s
              fleet { agents = 200, provisioned = true, profile { agent.reboot-time = 300ms } }
              incidents = [
                { at = 1s, firmware-rollout = 50, image = "fsim-9.1.0.bin", size = 200kB,
                  rate = 1MB, failures = 20, rollbacks = 25, agents-per-second = 500 }
              ]
            }
            """);
    Path output = dir.resolve("rollout");

    assertThat(run("run", scenario.toString(), "--output", output.toString()))
        .as(out + "\n" + err)
        .isZero();

    String summary = Files.readString(output.resolve("summary.json"));
    // the scenario's own incidents are not mistaken for the target failing
    assertThat(summary).contains("\"observedIncidents\": []");
    long upgraded = Long.parseLong(summary.replaceAll("(?s).*\"upgraded\": (\\d+),.*", "$1"));
    long failed =
        Long.parseLong(summary.replaceAll("(?s).*\"download failed\": (\\d+)[,}].*", "$1"));
    long rolledBack =
        Long.parseLong(summary.replaceAll("(?s).*\"rolled back\": (\\d+)[,}].*", "$1"));
    assertThat(summary).contains("\"firmwareRollouts\": [\n    {\"agents\": 100,");
    // rollout progress: half of the 100 agents got the new firmware; with a fifth of the
    // downloads failing, 90 % never did
    assertThat(summary)
        .containsPattern("\"on fsim-9.1.0.bin \\(rollout at 1 s\\)\": \\{\"50%\": [\\d.]+\\}");
    assertThat(upgraded + failed + rolledBack).isEqualTo(100);
    assertThat(failed).isBetween(8L, 35L); // 20 % of 100 seeded draws
    assertThat(rolledBack).isBetween(7L, 35L); // 25 % of the ~80 good downloads
    // the version series starts with the whole fleet on the profile's version and ends with the
    // upgraded agents on the new one
    assertThat(summary)
        .containsPattern(
            "\"firmwareVersions\": \\[\n    \\{\"seconds\": [\\d.]+, \"versions\": \\{\"[\\d.]+\": 200\\}\\}")
        .containsPattern("\"9\\.1\\.0\": " + upgraded + "}}\n  ]");
    // the agents' own view of the traffic, by message type and direction
    long operates = 100 + upgraded + rolledBack;
    assertThat(summary)
        .containsPattern(
            "\"messagesToAgents\": \\{[^}]*\"OPERATE\": " + operates + "[,}]") // Download, Activate
        .containsPattern("\"messagesFromAgents\": \\{[^}]*\"OPERATE_RESP\": " + operates + "[,}]");
    assertThat(summary)
        .contains("\"controller firmware-download\": {\"count\": " + (upgraded + rolledBack) + ",")
        .contains("\"controller firmware-upgrade\": {\"count\": " + upgraded + ",");
    assertThat(out.toString())
        .contains(
            "incident: firmware rollout of fsim-9.1.0.bin to 100 agents (20.0 % of downloads fail,"
                + " 25.0 % roll back)");
  }

  @Test
  void aFleetMixingMtps_reachesOneController_overWebSocketAndARealBroker() throws Exception {
    try (io.fleetsim.mtp.mqtt.Mosquitto broker = io.fleetsim.mtp.mqtt.Mosquitto.start()) {
      Path scenario =
          write(
              "mixed.conf",
              """
              scenario {
                duration = 6s
                target { controller = embedded, mtp = websocket, broker = "mqtt://127.0.0.1:%d" }
                fleet {
                  agents = 100
                  mix = [
                    { profile = home-gateway, share = 70 }
                    { profile = iot-hub, share = 30, mtp = mqtt }
                  ]
                }
                assertions = [ { connected-at-least = 100 }, { max-drops = 0 } ]
              }
              """
                  .formatted(broker.port()));
      Path output = dir.resolve("mixed");

      assertThat(run("run", scenario.toString(), "--output", output.toString()))
          .as(out + "\n" + err)
          .isZero();

      String summary = Files.readString(output.resolve("summary.json"));
      // every agent was provisioned by the one embedded controller, whatever its MTP
      assertThat(summary).contains("\"controller Add\": {\"count\": 100,");
      // the hubs went through the broker: 30 agents and the controller's own connection
      long hubs =
          java.util.stream.IntStream.range(0, 100)
              .filter(
                  i ->
                      io.fleetsim.profiles.FleetMix.parse(
                                  com.typesafe.config.ConfigFactory.parseString(
                                      "m = [ { profile = home-gateway, share = 70 },"
                                          + " { profile = iot-hub, share = 30, mtp = mqtt } ]"),
                                  "m")
                              .entryOf(i)
                          == 1)
              .count();
      assertThat(broker.clientsConnected()).isEqualTo(hubs + 1);
    }
  }

  @Test
  void flappingAndMisbehavingAgents_areSurvived_andOthersUnaffected() throws IOException {
    Path scenario =
        write(
            "flap.conf",
            """
            scenario {
              duration = 9s
              fleet {
                agents = 200
                provisioned = true
                profile.objects { "Device.LocalAgent.Controller.{i}.MTP.{i}.WebSocket." {
                  params.SessionRetryMinimumWaitInterval.default = 1
                } }
              }
              incidents = [
                { at = 1s, flapping = 10, every = 1s, until = 3500ms }
                { at = 2s, misbehaving-agents = 2, garbage = 5, flood = 50 }
              ]
              assertions = [ { connected-at-least = 100 }, { max-drops = 0 } ]
            }
            """);
    Path output = dir.resolve("flap");

    assertThat(run("run", scenario.toString(), "--output", output.toString()))
        .as(out + "\n" + err)
        .isZero();

    assertThat(out.toString().split("incident: 20 agents lose their link", -1)).hasSize(4);
    assertThat(out.toString())
        .contains("incident: 2 misbehaving agents (5 garbage Records, 50 Notify each)");
    String summary = Files.readString(output.resolve("summary.json"));
    // the scenario's own incidents are not mistaken for the target failing
    assertThat(summary).contains("\"observedIncidents\": []");
    long connects = Long.parseLong(summary.replaceAll("(?s).*\"connects\": (\\d+),.*", "$1"));
    assertThat(connects).isGreaterThan(240); // 200 first connects, then the flapped ones again
    long dropped =
        Long.parseLong(summary.replaceAll("(?s).*\"controllerDropped\": (\\d+),.*", "$1"));
    // the garbage, counted and dropped by the Controller, which closes the WebSocket (1003,
    // R-WS.16) at the first one: the rest of an agent's burst may arrive after the close, so
    // 1 to 5 of each agent's 5 are read
    assertThat(dropped).isBetween(1L, 10L);
  }

  @Test
  void replayedTimeline_dropsPowerCyclesAndGarbage_reachTheRightAgents() throws IOException {
    write("timeline.csv", "# s,agents,event\n0,0-49,drop\n1,10%,reboot\n1,150,garbage\n");
    Path scenario =
        write(
            "replay.conf",
            """
            scenario {
              duration = 8s
              fleet {
                agents = 200
                provisioned = true
                profile {
                  agent.reboot-time = 300ms
                  objects { "Device.LocalAgent.Controller.{i}.MTP.{i}.WebSocket." {
                    params.SessionRetryMinimumWaitInterval.default = 1
                  } }
                }
              }
              incidents = [ { at = 1s, replay = "timeline.csv" } ]
              assertions = [ { connected-at-least = 100 }, { max-drops = 0 } ]
            }
            """);
    Path output = dir.resolve("replay");

    assertThat(run("run", scenario.toString(), "--output", output.toString()))
        .as(out + "\n" + err)
        .isZero();

    assertThat(out.toString())
        .contains("incident: replaying 3 events of timeline.csv")
        .contains("replay: drop 0-49 (50 agents)")
        .contains("replay: reboot 10% (20 agents)")
        .contains("replay: garbage 150 (1 agents)");
    String summary = Files.readString(output.resolve("summary.json"));
    // the scenario's own incidents are not mistaken for the target failing
    assertThat(summary).contains("\"observedIncidents\": []");
    // every agent's first Boot!, then the 20 power-cycled ones again with Cause LocalReboot
    assertThat(summary)
        .contains("\"Notify Boot!\": {\"count\": 220,")
        .contains("\"controllerDropped\": 1,");
  }

  @Test
  void outageOverWebSocket_theListenerGoesAway_andEveryAgentComesBack() throws IOException {
    Path scenario =
        write(
            "ws-outage.conf",
            """
            scenario {
              duration = 9s
              target { controller = embedded, mtp = websocket }
              fleet {
                agents = 100
                provisioned = true
                profile.objects { "Device.LocalAgent.Controller.{i}.MTP.{i}.WebSocket." {
                  params.SessionRetryMinimumWaitInterval.default = 1
                } }
              }
              incidents = [ { at = 2s, outage = 1500ms } ]
              assertions = [ { connected-at-least = 100 }, { max-drops = 0 } ]
            }
            """);
    Path output = dir.resolve("ws-outage");

    assertThat(run("run", scenario.toString(), "--output", output.toString()))
        .as(out + "\n" + err)
        .isZero();

    String summary = Files.readString(output.resolve("summary.json"));
    // the scenario's own incidents are not mistaken for the target failing
    assertThat(summary).contains("\"observedIncidents\": []");
    assertThat(summary)
        .contains("\"connects\": 200,") // every agent twice: before and after the outage
        .containsPattern("\"back after the outage at 2 s\": \\{\"50%\": [\\d.]+, .*\"100%\": ");
  }

  @Test
  void churn_devicesLeaveForGood_andNewOnesJoin() throws IOException {
    Path scenario =
        write(
            "churn.conf",
            """
            scenario {
              duration = 6s
              fleet { agents = 100, provisioned = true }
              incidents = [ { at = 1s, churn = 10, every = 1s, until = 3500ms } ]
              assertions = [ { connected-at-least = 100 }, { max-drops = 0 } ]
            }
            """);
    Path output = dir.resolve("churn");

    assertThat(run("run", scenario.toString(), "--output", output.toString()))
        .as(out + "\n" + err)
        .isZero();

    assertThat(out.toString().split("incident: churn: 10 devices leave, 10 new ones join", -1))
        .hasSize(4);
    String summary = Files.readString(output.resolve("summary.json"));
    assertThat(summary)
        .contains("\"spawned\": 130,") // 100, then 3 rounds of 10 new devices
        .contains("\"connectedAtEnd\": 100,") // 30 left for good
        .contains("\"Notify Boot!\": {\"count\": 130,"); // every device that ever booted
  }

  @Test
  void report_rebuildsTheHtmlFromTheRunsFiles_andExitsTwoWithoutThem() throws IOException {
    Path output = dir.resolve("again");
    assertThat(
            run(
                "run",
                "examples/boot-storm.conf",
                "--agents",
                "200",
                "--duration",
                "2s",
                "--output",
                output.toString()))
        .as(out + "\n" + err)
        .isZero();
    String first = Files.readString(output.resolve("report.html"));
    Files.delete(output.resolve("report.html"));

    assertThat(run("report", output.toString())).as(err.toString()).isZero();
    assertThat(Files.readString(output.resolve("report.html"))).isEqualTo(first);

    assertThat(run("report", dir.resolve("nothing").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("summary.json: no such file");
  }

  @Test
  void run_exitsOneWhenAnAssertionFails() throws IOException {
    Path scenario =
        write(
            "strict.conf",
            """
            scenario {
              duration = 2s
              fleet.agents = 20
              assertions = [ { latency = connect, percentile = 50, below = 0ms } ]
            }
            """);
    int rc = run("run", scenario.toString(), "--output", dir.resolve("strict").toString());
    assertThat(rc).isEqualTo(1);
    assertThat(out.toString()).contains("FAIL p50 connect < 0 ms");
  }

  @Test
  void run_andValidate_exitTwoOnAnInvalidScenario_namingFileLineAndKey() throws IOException {
    Path scenario = write("bad.conf", "scenario {\n  duration = 2s\n  fleet.agents = -3\n}\n");
    assertThat(run("run", scenario.toString())).isEqualTo(2);
    assertThat(run("validate", scenario.toString())).isEqualTo(2);
    assertThat(err.toString()).contains(scenario + ":3: scenario.fleet.agents: must be > 0");
  }

  @Test
  void run_andValidate_exitTwoOnAnUnknownProfile_beforeWritingAnything() throws IOException {
    Path scenario =
        write(
            "unknown.conf",
            "scenario { duration = 2s, fleet { agents = 3, mix = [{ profile = no-such-gateway,"
                + " share = 100 }] }, output = "
                + dir.resolve("never-written")
                + " }\n");
    assertThat(run("validate", scenario.toString())).isEqualTo(2);
    assertThat(run("run", scenario.toString())).isEqualTo(2);
    assertThat(err.toString())
        .contains(scenario + ": fleet profile: unknown profile 'no-such-gateway'")
        .contains("not a built-in profile (home-gateway, wifi-extender, iot-hub)");
    assertThat(dir.resolve("never-written")).doesNotExist();
  }

  @Test
  void run_withABusyDashboardPort_saysSoInOneLine_andExitsTwo() throws IOException {
    Path scenario = write("tiny.conf", "scenario { duration = 2s, fleet.agents = 5 }\n");
    try (java.net.ServerSocket busy =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      int port = busy.getLocalPort();
      assertThat(
              run(
                  "run",
                  scenario.toString(),
                  "--output",
                  dir.resolve("out").toString(),
                  "--dashboard-port",
                  Integer.toString(port)))
          .isEqualTo(2);
      assertThat(err.toString())
          .contains("fleetsim: cannot listen on /127.0.0.1:" + port + ": ")
          .doesNotContain("\tat ");
    }
  }

  @Test
  void aTargetThatRefuses_isReportedByCause_andItsPasswordIsNeverWritten() throws IOException {
    int closed;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    Path scenario =
        write(
            "refused.conf",
            "scenario { duration = 2s, fleet.agents = 3, target.controller ="
                + " \"ws://admin:secret@127.0.0.1:"
                + closed
                + "/usp\" }\n");
    Path output = dir.resolve("refused-out");
    assertThat(run("run", scenario.toString(), "--output", output.toString())).isZero();
    String summary = Files.readString(output.resolve("summary.json"));
    assertThat(summary)
        .contains("\"url\": \"ws://admin:***@127.0.0.1:" + closed + "/usp\"")
        .containsPattern("\"connectFailures\": \\{\"refused\": [1-9]")
        .doesNotContain("secret");
    assertThat(Files.readString(output.resolve("report.txt")))
        .contains("connect failures {refused=");
    assertThat(Files.readString(output.resolve("report.html"))).doesNotContain("secret");
    assertThat(out.toString())
        .containsPattern("connect failures refused [1-9]")
        .doesNotContain("secret");
  }

  @Test
  void aFleetTheHeapCannotHold_isRefusedByValidateAndRun() throws IOException {
    Path scenario = write("huge.conf", "scenario { duration = 2s, fleet.agents = 100000000 }\n");
    assertThat(run("validate", scenario.toString())).isEqualTo(2);
    assertThat(run("run", scenario.toString(), "--output", dir.resolve("huge").toString()))
        .isEqualTo(2);
    assertThat(err.toString()).contains(scenario + ": this run needs about ").contains("-Xmx");
    assertThat(dir.resolve("huge")).doesNotExist();
  }

  @Test
  void clusterOptionsThatCannotWork_areOneLineWithExit2() throws IOException {
    Path scenario = write("small.conf", SCENARIO);
    assertThat(run("run", scenario.toString(), "--workers", "2")).isEqualTo(2);
    assertThat(err.toString())
        .contains("fleetsim: --workers needs --cluster-bind HOST:PORT: where the workers join");
    assertThat(run("run", scenario.toString(), "--local-workers", "0")).isEqualTo(2);
    assertThat(err.toString()).contains("fleetsim: --local-workers must be > 0");
    assertThat(run("run", scenario.toString(), "--local-workers", "2", "--workers", "3"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("--local-workers 2 starts 2 workers; --workers says 3");
    assertThat(run("run", scenario.toString(), "--cluster-bind", "nohost", "--workers", "1"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("fleetsim: --cluster-bind");
  }

  @Test
  void validate_saysWhatWouldRun() throws IOException {
    Path scenario = write("small.conf", SCENARIO);
    assertThat(run("validate", scenario.toString())).isZero();
    assertThat(out.toString())
        .contains("valid. small: 300 agents (home-gateway 70%, wifi-extender 20%, iot-hub 10%)")
        .contains("EMBEDDED_MEMORY")
        .contains("2 incidents, 3 assertions");
  }

  @Test
  void theShippedExamplesAreValid() throws IOException {
    // Surefire runs in the module folder: scenarios/examples
    try (var files = Files.list(Path.of("examples"))) {
      for (Path example : files.filter(f -> f.toString().endsWith(".conf")).toList()) {
        assertThat(run("validate", example.toString())).as(example + ": " + err).isZero();
      }
    }
  }

  private int run(String... args) {
    CommandLine cli = Fleetsim.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  private Path write(String name, String text) throws IOException {
    Path f = dir.resolve(name);
    Files.writeString(f, text);
    return f;
  }
}
