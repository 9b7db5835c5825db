package io.fleetsim.cli;

import com.google.protobuf.Message;
import com.google.protobuf.TextFormat;
import io.fleetsim.datamodel.Schema;
import io.fleetsim.profiles.Tr181Model;
import io.fleetsim.profiles.Tr181Validator;
import io.fleetsim.profiles.record.ProfileRecorder;
import io.fleetsim.usp.proto.UspMsg.GetResp;
import io.fleetsim.usp.proto.UspMsg.GetSupportedDMResp;
import io.fleetsim.usp.proto.UspMsg.Msg;
import java.io.IOException;
import java.io.PrintWriter;
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
 * {@code fleetsim profile record}: a profile from what a real agent answers. From a dump: a folder
 * with {@code supported-dm.txt} (the GetSupportedDMResp for {@code Device.}) and {@code get.txt}
 * (the GetResp for {@code Device.}), optionally {@code get-later.txt} (a second GetResp some
 * seconds later, {@code --seconds-apart}), each in protobuf text format, either the whole USP Msg
 * ({@code fleetsim usp} prints one) or the response message alone.
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
      required = true,
      paramLabel = "DIR",
      description =
          "Folder with supported-dm.txt and get.txt (and get-later.txt), protobuf text format.")
  Path dump;

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
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    GetSupportedDMResp supported;
    GetResp values;
    GetResp later = null;
    try {
      supported = read(dump.resolve("supported-dm.txt"), GetSupportedDMResp.getDefaultInstance());
      values = read(dump.resolve("get.txt"), GetResp.getDefaultInstance());
      if (Files.exists(dump.resolve("get-later.txt"))) {
        later = read(dump.resolve("get-later.txt"), GetResp.getDefaultInstance());
      }
    } catch (IllegalArgumentException e) {
      err.println("fleetsim: " + e.getMessage());
      return 2;
    }
    String profileName =
        name != null ? name : output.getFileName().toString().replaceFirst("\\.conf$", "");
    ProfileRecorder.Recording r =
        new ProfileRecorder().record(profileName, supported, values, later, secondsApart);
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

  /** {@code file} in protobuf text format: a whole USP Msg, or the response message alone. */
  @SuppressWarnings("unchecked")
  private static <T extends Message> T read(Path file, T type) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
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
