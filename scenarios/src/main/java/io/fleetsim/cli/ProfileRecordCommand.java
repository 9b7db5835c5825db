package io.fleetsim.cli;

import com.google.protobuf.Message;
import com.google.protobuf.TextFormat;
import com.google.protobuf.util.JsonFormat;
import io.fleetsim.datamodel.Schema;
import io.fleetsim.mtp.connect.Connectors;
import io.fleetsim.profiles.Tr181Model;
import io.fleetsim.profiles.Tr181Validator;
import io.fleetsim.profiles.record.ProfileRecorder;
import io.fleetsim.usp.proto.UspMsg.GetResp;
import io.fleetsim.usp.proto.UspMsg.GetSupportedDMResp;
import io.fleetsim.usp.proto.UspMsg.Msg;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code fleetsim profile record}: a profile from what a real agent answers, live ({@link
 * LiveRecording}) or from a dump: a folder with {@code supported-dm.txt} (the GetSupportedDMResp
 * for {@code Device.}) and {@code get.txt} (the GetResp for {@code Device.}), optionally {@code
 * get-later.txt} (a second GetResp some seconds later, {@code --seconds-apart}), each in protobuf
 * text format, either the whole USP Msg ({@code fleetsim usp} prints one) or the response message
 * alone.
 */
@Command(
    name = "record",
    mixinStandardHelpOptions = true,
    description = {
      "Writes a profile from a device's GetSupportedDM and Get of Device.: its supported model,"
          + " vendor extensions and values, per-device values as generators.",
      "It prints what it inferred and why, loads the result and checks it against TR-181."
    })
final class ProfileRecordCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--from-dump",
      paramLabel = "DIR",
      description =
          "Folder with supported-dm and get (and get-later), each .txt (protobuf text format) or"
              + " .json (protobuf JSON).")
  Path dump;

  @Option(
      names = "--target",
      paramLabel = "URL",
      description =
          "Record a live agent: mqtt[s]:// or stomp[s]:// (join the broker as its Controller) or"
              + " ws://HOST:PORT/PATH (listen there for the agent, a client of its Controller).")
  URI target;

  @Option(names = "--agent-id", paramLabel = "EID", description = "The agent's EndpointID.")
  String agentId;

  @Option(
      names = "--controller-id",
      defaultValue = "self::fleetsim-controller",
      description = "The Controller the agent knows (default ${DEFAULT-VALUE}).")
  String controllerId;

  @Option(
      names = "--controller-topic",
      defaultValue = "/usp/controller",
      description = "MQTT topic of that Controller (default ${DEFAULT-VALUE}).")
  String controllerTopic;

  @Option(names = "--ca-cert", description = "PEM CAs for mqtts:// and stomps://.")
  Path caCert;

  @CommandLine.Mixin IdentityOptions identity;

  @Option(
      names = "--wait",
      defaultValue = "PT60S",
      description = "How long to wait for the agent to connect (default ${DEFAULT-VALUE}).")
  java.time.Duration wait;

  @Option(
      names = "--second-get-after",
      defaultValue = "PT0S",
      description =
          "A second Get of Device. this long after the first, to see which counters grow and how"
              + " fast (default: none).")
  java.time.Duration secondGetAfter;

  @Option(
      names = "--save-dump",
      paramLabel = "DIR",
      description = "Also write the answers as a dump (--from-dump reads it again).")
  Path saveDump;

  @Option(
      names = "--seconds-apart",
      defaultValue = "60",
      description = "Seconds between get.txt and get-later.txt (default ${DEFAULT-VALUE}).")
  double secondsApart;

  @Option(names = "--name", description = "The profile's name (default: the output file's).")
  String name;

  @Option(names = "--output", required = true, paramLabel = "FILE", description = "Profile file.")
  Path output;

  @Override
  public Integer call() throws IOException, InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if ((dump == null) == (target == null) || (target != null && agentId == null)) {
      err.println("fleetsim: profile record takes --from-dump DIR, or --target URL --agent-id EID");
      return 2;
    }
    GetSupportedDMResp supported;
    GetResp values;
    GetResp later = null;
    double seconds = secondsApart;
    try {
      if (target != null) {
        Connectors.Options options =
            new Connectors.Options(caCert, true, "/usp/agent/{eid}", controllerTopic, 60)
                .withIdentities(identity.identities(System.getenv()));
        LiveRecording.Answers a =
            LiveRecording.fetch(target, agentId, controllerId, options, wait, secondGetAfter, out);
        supported = a.supported();
        values = a.values();
        later = a.later();
        seconds = secondGetAfter.toMillis() / 1000.0;
        if (saveDump != null) {
          save(saveDump, a);
        }
      } else {
        supported = read(file(dump, "supported-dm"), GetSupportedDMResp.getDefaultInstance());
        values = read(file(dump, "get"), GetResp.getDefaultInstance());
        if (Files.exists(file(dump, "get-later"))) {
          later = read(file(dump, "get-later"), GetResp.getDefaultInstance());
        }
      }
    } catch (IllegalArgumentException e) {
      err.println("fleetsim: " + e.getMessage());
      return 2;
    } catch (IllegalStateException e) {
      err.println("fleetsim: " + e.getMessage());
      return 1;
    }
    String profileName =
        name != null ? name : output.getFileName().toString().replaceFirst("\\.conf$", "");
    ProfileRecorder.Recording r =
        new ProfileRecorder().record(profileName, supported, values, later, seconds);
    Files.writeString(output, r.hocon(), StandardCharsets.UTF_8);
    out.printf("wrote %s%n", output);
    r.inferences().forEach(i -> out.println("  inferred " + i));
    r.vendorExtensions().forEach(v -> out.println("  vendor extension " + v));
    Schema s = Fleetsim.loadProfile(output.toString());
    List<String> problems = Tr181Validator.validate(s, Tr181Model.standard());
    long vendor = problems.stream().filter(p -> p.contains(".X_")).count();
    out.printf(
        "profile %s: %d objects, %d parameters; TR-181 2.19.1: %d problem(s), %d of them vendor"
            + " extensions%n",
        s.name(), s.objects().size(), s.params().size(), problems.size(), vendor);
    problems.stream().filter(p -> !p.contains(".X_")).forEach(err::println);
    out.flush();
    err.flush();
    return 0;
  }

  @SuppressWarnings("unchecked")
  private static <T extends Message> T readJson(Path file, String text, T type) {
    JsonFormat.Parser json = JsonFormat.parser().ignoringUnknownFields();
    try {
      if (text.contains("\"body\"")) {
        Msg.Builder msg = Msg.newBuilder();
        json.merge(text, msg);
        var resp = msg.getBody().getResponse();
        return (T) (type instanceof GetResp ? resp.getGetResp() : resp.getGetSupportedDmResp());
      }
      Message.Builder b = type.newBuilderForType();
      json.merge(text, b);
      return (T) b.build();
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      throw new IllegalArgumentException(
          file + ": not protobuf JSON of a USP message: " + e.getMessage(), e);
    }
  }

  private static void save(Path dir, LiveRecording.Answers a) throws IOException {
    Files.createDirectories(dir);
    TextFormat.Printer p = TextFormat.printer();
    Files.writeString(dir.resolve("supported-dm.txt"), p.printToString(a.supported()));
    Files.writeString(dir.resolve("get.txt"), p.printToString(a.values()));
    if (a.later() != null) {
      Files.writeString(dir.resolve("get-later.txt"), p.printToString(a.later()));
    }
  }

  /** {@code NAME.txt} in {@code dir}, else {@code NAME.json}. */
  private static Path file(Path dir, String name) {
    Path txt = dir.resolve(name + ".txt");
    return Files.exists(txt) ? txt : dir.resolve(name + ".json");
  }

  /**
   * {@code file} in protobuf text format ({@code .txt}) or protobuf JSON ({@code .json}): a whole
   * USP Msg, or the response message alone.
   */
  @SuppressWarnings("unchecked")
  private static <T extends Message> T read(Path file, T type) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
    }
    if (file.toString().endsWith(".json")) {
      return readJson(file, text, type);
    }
    try {
      Msg msg = TextFormat.parse(text, Msg.class);
      if (msg.getBody().hasResponse()) {
        var resp = msg.getBody().getResponse();
        Object inner = type instanceof GetResp ? resp.getGetResp() : resp.getGetSupportedDmResp();
        return (T) inner;
      }
    } catch (TextFormat.ParseException notAMsg) {
      // the response message alone, below
    }
    try {
      Message.Builder b = type.newBuilderForType();
      TextFormat.merge(text, b);
      return (T) b.build();
    } catch (TextFormat.ParseException e) {
      throw new IllegalArgumentException(file + ":" + e.getLine() + ": " + e.getMessage(), e);
    }
  }
}
