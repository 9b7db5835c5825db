package io.fleetsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.TextFormat;
import io.fleetsim.datamodel.ParamNode;
import io.fleetsim.datamodel.Schema;
import io.fleetsim.datamodel.ValueSource;
import io.fleetsim.testing.Await;
import io.fleetsim.usp.proto.UspMsg.GetResp;
import io.fleetsim.usp.proto.UspMsg.Msg;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code fleetsim profile record --from-dump}: a home-gateway agent's GetSupportedDM and Get of
 * Device. (as {@code fleetsim usp} prints them) become a profile that loads and answers like the
 * original, with per-device values as generators.
 */
class ProfileRecordTest {
  @TempDir Path dir;
  private StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void aRecordedGateway_loads_andAnswersLikeTheOriginal() throws Exception {
    Path dump = Files.createDirectories(dir.resolve("dump"));
    dumpOf(
        dump.resolve("supported-dm.txt"),
        "home-gateway",
        "3",
        "GET_SUPPORTED_DM",
        "get_supported_dm { obj_paths: 'Device.' return_commands: true return_events: true"
            + " return_params: true }");
    dumpOf(dump.resolve("get.txt"), "home-gateway", "3", "GET", "get { param_paths: 'Device.' }");
    Path recorded = dir.resolve("recorded-gateway.conf");

    out = new StringWriter();
    assertThat(record(dump, recorded)).as(out + "\n" + err).isZero();
    assertThat(out.toString())
        .as(err.toString())
        .contains("inferred Device.DeviceInfo.SerialNumber: a serial number")
        .contains("TR-181 2.19.1: 0 problem(s)");

    // agent 7 of the recording and agent 7 of the original
    out = new StringWriter();
    run("get", "--profile", recorded.toString(), "--agent", "7", "Device.DeviceInfo.SerialNumber");
    String clone = out.toString();
    out = new StringWriter();
    run("get", "--profile", "home-gateway", "--agent", "7", "Device.DeviceInfo.SerialNumber");
    assertThat(clone).contains("HGW00000007").isEqualTo(out.toString());

    // a whole Get Device. of agent 7: the same parameters, and the same value wherever the
    // original profile has the same value on every device
    // rows that come and go (hosts, their leases and Wi-Fi associations) are a snapshot in the
    // recording, not a churn: left out, with their counts
    Schema schema = Fleetsim.loadProfile("home-gateway");
    java.util.List<String> moving = new java.util.ArrayList<>();
    schema.objects().stream()
        .filter(o -> o.churn() != null || o.follows() != null)
        .forEach(
            o -> {
              moving.add(o.supportedPath());
              moving.add(o.parent().supportedPath() + o.numEntriesParameter());
            });
    java.util.function.Predicate<String> moves =
        k -> moving.stream().anyMatch(k.replaceAll("\\.\\d+(?=\\.)", ".{i}")::startsWith);
    Map<String, String> original = getDevice("home-gateway");
    Map<String, String> cloned = getDevice(recorded.toString());
    original.keySet().removeIf(moves);
    cloned.keySet().removeIf(moves);
    java.util.Set<String> missing = new java.util.TreeSet<>(original.keySet());
    missing.removeAll(cloned.keySet());
    java.util.Set<String> extra = new java.util.TreeSet<>(cloned.keySet());
    extra.removeAll(original.keySet());
    assertThat(missing).as("missing in the clone").isEmpty();
    assertThat(extra).as("only in the clone").isEmpty();
    int compared = 0;
    for (Map.Entry<String, String> e : original.entrySet()) {
      ParamNode p = schema.param(e.getKey().replaceAll("\\.\\d+\\.", ".{i}."));
      if (p != null && p.source() instanceof ValueSource.Constant) {
        assertThat(cloned.get(e.getKey())).as(e.getKey()).isEqualTo(e.getValue());
        compared++;
      }
    }
    assertThat(compared).isGreaterThan(450);
  }

  @Test
  void aLiveAgent_overEachMtp_isRecorded_andItsProfileRunsAThousandAgents() throws Exception {
    int port;
    try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
      port = free.getLocalPort();
    }
    Path overWs = dir.resolve("ws-gateway.conf");
    recordLive("ws://127.0.0.1:" + port + "/usp", overWs);
    try (io.fleetsim.mtp.mqtt.Mosquitto broker = io.fleetsim.mtp.mqtt.Mosquitto.start()) {
      recordLive("mqtt://127.0.0.1:" + broker.port(), dir.resolve("mqtt-gateway.conf"));
    }
    try (io.fleetsim.testing.Artemis broker = io.fleetsim.testing.Artemis.start()) {
      recordLive(broker.url(), dir.resolve("stomp-gateway.conf"));
    }
    assertThat(Files.readString(dir.resolve("dump/supported-dm.txt"))).contains("Device.WiFi.");

    // 1,000 agents of the recorded profile in a run
    Path scenario =
        Files.writeString(
            dir.resolve("clones.conf"),
            "scenario { duration = 3s, fleet { agents = 1000, mix = [ { profile = \""
                + overWs
                + "\", share = 100 } ] }, assertions = [ { connected-at-least = 100 } ] }");
    out = new StringWriter();
    assertThat(run("run", scenario.toString(), "--output", dir.resolve("run").toString()))
        .as(out + "\n" + err)
        .isZero();
  }

  /** Records agent 0 of a home-gateway fleet at {@code url} into {@code profile}. */
  private void recordLive(String url, Path profile) throws Exception {
    StringWriter recorderOut = new StringWriter();
    CompletableFuture<Integer> recorder =
        CompletableFuture.supplyAsync(
            () -> {
              CommandLine cli = Fleetsim.commandLine();
              cli.setOut(new PrintWriter(recorderOut, true));
              cli.setErr(new PrintWriter(recorderOut, true));
              return cli.execute(
                  "profile",
                  "record",
                  "--target",
                  url,
                  "--agent-id",
                  "os::00D09E-HGW00000000",
                  "--output",
                  profile.toString(),
                  "--save-dump",
                  dir.resolve("dump").toString(),
                  "--wait",
                  "PT30S");
            });
    Await.until(() -> recorderOut.toString().contains("waiting up to"), Duration.ofSeconds(10));
    CompletableFuture<Integer> agent =
        CompletableFuture.supplyAsync(
            () -> {
              CommandLine cli = Fleetsim.commandLine();
              cli.setOut(new PrintWriter(new StringWriter(), true));
              cli.setErr(new PrintWriter(new StringWriter(), true));
              return cli.execute("agents", "--count", "1", "--target", url, "--duration", "PT8S");
            });
    assertThat(recorder.get(60, TimeUnit.SECONDS)).as(recorderOut.toString()).isZero();
    assertThat(recorderOut.toString())
        .contains("inferred Device.DeviceInfo.SerialNumber")
        .contains("TR-181 2.19.1: 0 problem(s)");
    assertThat(agent.get(30, TimeUnit.SECONDS)).isZero();
  }

  @Test
  void aHandMadeDump_withVendorExtensions_isRecorded_andTheExtensionsListedApart()
      throws Exception {
    Path dump = Files.createDirectories(dir.resolve("acme"));
    // the response messages alone, as a lab might save them
    Files.writeString(
        dump.resolve("supported-dm.txt"),
        """
        req_obj_results {
          req_obj_path: "Device."
          data_model_inst_uri: "urn:broadband-forum-org:tr-181-2-19-1-usp"
          supported_objs { supported_obj_path: "Device." }
          supported_objs {
            supported_obj_path: "Device.DeviceInfo."
            supported_params { param_name: "SerialNumber" value_type: PARAM_STRING }
            supported_params { param_name: "UpTime" value_type: PARAM_UNSIGNED_INT }
            supported_params { param_name: "X_ACME_Build" value_type: PARAM_STRING }
          }
          supported_objs {
            supported_obj_path: "Device.LocalAgent."
            supported_params { param_name: "EndpointID" value_type: PARAM_STRING }
          }
          supported_objs {
            supported_obj_path: "Device.X_ACME_Mesh.Node.{i}."
            is_multi_instance: true
            unique_key_sets { key_names: "Id" }
            supported_params { param_name: "Id" value_type: PARAM_UNSIGNED_INT }
            supported_params { param_name: "Role" value_type: PARAM_STRING access: PARAM_READ_WRITE }
            supported_commands { command_name: "X_ACME_Kick()" input_arg_names: "Reason" command_type: CMD_SYNC }
          }
        }
        """);
    Files.writeString(
        dump.resolve("get.txt"),
        """
        req_path_results {
          requested_path: "Device."
          resolved_path_results {
            resolved_path: "Device.DeviceInfo."
            result_params { key: "SerialNumber" value: "ACME123456" }
            result_params { key: "UpTime" value: "86400" }
            result_params { key: "X_ACME_Build" value: "r42" }
          }
          resolved_path_results {
            resolved_path: "Device.LocalAgent."
            result_params { key: "EndpointID" value: "proto::acme-ACME123456" }
          }
          resolved_path_results {
            resolved_path: "Device.X_ACME_Mesh.Node.3."
            result_params { key: "Id" value: "7" }
            result_params { key: "Role" value: "root" }
          }
          resolved_path_results {
            resolved_path: "Device.X_ACME_Mesh.Node.9."
            result_params { key: "Id" value: "8" }
            result_params { key: "Role" value: "leaf" }
          }
        }
        """);
    Path recorded = dir.resolve("acme.conf");
    out = new StringWriter();
    assertThat(record(dump, recorded)).as(out + "\n" + err).isZero();
    assertThat(out.toString())
        .contains("vendor extension Device.X_ACME_Mesh.Node.{i}.")
        .contains("vendor extension Device.DeviceInfo.X_ACME_Build")
        .contains("vendor extension Device.X_ACME_Mesh.Node.{i}.X_ACME_Kick()")
        .contains("inferred Device.DeviceInfo.UpTime: seconds since boot")
        .contains("inferred Device.LocalAgent.EndpointID: holds the serial number ACME123456");
    // the rows renumbered 1 and 2, each with its values; the serial per device
    out = new StringWriter();
    Schema acme = Fleetsim.loadProfile(recorded.toString());
    io.fleetsim.datamodel.AgentDataModel agent =
        new io.fleetsim.datamodel.DeviceModel(acme, 1, java.time.InstantSource.system())
            .newAgent(5);
    assertThat(agent.value(acme.param("Device.LocalAgent.EndpointID"), new int[0]))
        .isEqualTo("proto::acme-ACME000005");
    assertThat(agent.value(acme.param("Device.DeviceInfo.X_ACME_Build"), new int[0]))
        .isEqualTo("r42");
    assertThat(agent.value(acme.param("Device.X_ACME_Mesh.Node.{i}.Role"), new int[] {2}))
        .isEqualTo("leaf");
    assertThat(acme.object("Device.X_ACME_Mesh.Node.{i}.").commands()).containsKey("X_ACME_Kick()");
  }

  @Test
  void aDumpInProtobufJson_recordsTheSameProfile() throws Exception {
    Path text = Files.createDirectories(dir.resolve("text"));
    dumpOf(
        text.resolve("supported-dm.txt"),
        "iot-hub",
        "2",
        "GET_SUPPORTED_DM",
        "get_supported_dm { obj_paths: 'Device.' return_commands: true return_events: true"
            + " return_params: true }");
    dumpOf(text.resolve("get.txt"), "iot-hub", "2", "GET", "get { param_paths: 'Device.' }");
    Path json = Files.createDirectories(dir.resolve("json"));
    for (String name : new String[] {"supported-dm", "get"}) {
      Msg msg = TextFormat.parse(Files.readString(text.resolve(name + ".txt")), Msg.class);
      Files.writeString(
          json.resolve(name + ".json"), com.google.protobuf.util.JsonFormat.printer().print(msg));
    }
    out = new StringWriter();
    assertThat(record(text, dir.resolve("a.conf"))).isZero();
    assertThat(record(json, dir.resolve("b.conf"))).as(err.toString()).isZero();
    assertThat(Files.readString(dir.resolve("b.conf")).replace("name = \"b\"", ""))
        .isEqualTo(Files.readString(dir.resolve("a.conf")).replace("name = \"a\"", ""));
  }

  private int record(Path dump, Path output) {
    return run("profile", "record", "--from-dump", dump.toString(), "--output", output.toString());
  }

  /** Agent 7's Get of Device. under {@code profile}: parameter path → value. */
  private Map<String, String> getDevice(String profile) throws Exception {
    out = new StringWriter();
    run("usp", "--profile", profile, "--agent", "7", "GET", "get { param_paths: 'Device.' }");
    Msg msg = TextFormat.parse(out.toString(), Msg.class);
    Map<String, String> values = new TreeMap<>();
    for (GetResp.RequestedPathResult r :
        msg.getBody().getResponse().getGetResp().getReqPathResultsList()) {
      for (GetResp.ResolvedPathResult o : r.getResolvedPathResultsList()) {
        o.getResultParamsMap().forEach((k, v) -> values.put(o.getResolvedPath() + k, v));
      }
    }
    return values;
  }

  private void dumpOf(Path file, String profile, String agent, String type, String request)
      throws Exception {
    out = new StringWriter();
    assertThat(run("usp", "--profile", profile, "--agent", agent, type, request)).isZero();
    Files.writeString(file, out.toString());
  }

  private int run(String... args) {
    CommandLine cli = Fleetsim.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }
}
