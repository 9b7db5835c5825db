package io.fleetsim.cli;

import com.google.protobuf.TextFormat;
import io.fleetsim.agent.AgentCore;
import io.fleetsim.agent.AgentEnvironment;
import io.fleetsim.datamodel.DeviceModel;
import io.fleetsim.datamodel.ProfileException;
import io.fleetsim.datamodel.Schema;
import io.fleetsim.metrics.CountingAgentStats;
import io.fleetsim.profiles.BuiltinProfiles;
import io.fleetsim.usp.message.UspMessages;
import io.fleetsim.usp.proto.UspMsg.Header.MsgType;
import io.fleetsim.usp.proto.UspMsg.Msg;
import io.fleetsim.usp.proto.UspMsg.Request;
import io.fleetsim.usp.proto.UspRecord.Record;
import io.fleetsim.usp.record.RecordDropReason;
import java.io.PrintWriter;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The fleetsim command line: run and validate scenarios, run agents or the embedded Controller on
 * their own, inspect profiles, and let one in-process agent answer USP requests.
 */
@Command(
    name = "fleetsim",
    mixinStandardHelpOptions = true,
    version = "fleetsim 0.1.0",
    description = "USP (TR-369) device fleet simulator and load generator.",
    subcommands = {
      ProfileCommand.class,
      Fleetsim.GetCommand.class,
      Fleetsim.UspCommand.class,
      RunCommand.class,
      ReportCommand.class,
      ValidateCommand.class,
      AgentsCommand.class,
      ControllerCommand.class,
      WorkerCommand.class
    })
public final class Fleetsim implements Runnable {
  static final String CONTROLLER = "self::fleetsim-controller";

  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  public static void main(String[] args) {
    CommandLine cli = commandLine();
    // only here does the JVM end with the command, so only here may a run leave its agents to it
    ((RunCommand) cli.getSubcommands().get("run").getCommand()).processExitsAfter();
    System.exit(cli.execute(args));
  }

  static CommandLine commandLine() {
    return new CommandLine(new Fleetsim())
        .setExecutionExceptionHandler(
            (e, cmd, parsed) -> {
              if (e instanceof ProfileException || e instanceof IllegalArgumentException) {
                cmd.getErr().println("fleetsim: " + e.getMessage());
                return 2;
              }
              throw e;
            });
  }

  /** A built-in profile name (profiles/NAME.conf on the classpath) or a profile file. */
  static Schema loadProfile(String nameOrFile) {
    return BuiltinProfiles.load(nameOrFile);
  }

  /** Options shared by the commands that talk to an in-process agent. */
  static final class AgentOptions {
    @Option(
        names = {"-p", "--profile"},
        defaultValue = "home-gateway",
        description = "Built-in profile name or profile file (default: ${DEFAULT-VALUE}).")
    String profile;

    @Option(
        names = {"-a", "--agent"},
        defaultValue = "0",
        description = "Agent index: values that differ per device derive from it.")
    int agent;

    @Option(names = "--seed", defaultValue = "1", description = "Fleet seed.")
    long seed;
  }

  /**
   * Sends one request to a fresh in-process agent and prints the answer in protobuf text format.
   */
  static int answer(
      AgentOptions o, MsgType type, Request request, PrintWriter out, PrintWriter err) {
    Schema schema = loadProfile(o.profile);
    CountingAgentStats stats = new CountingAgentStats();
    AgentCore agent =
        AgentCore.create(
            AgentEnvironment.of(
                new DeviceModel(schema, o.seed, InstantSource.system()), (i, due, t) -> {}, stats),
            o.agent);
    List<byte[]> sent = new ArrayList<>();
    agent.onConnected((c, r) -> true);
    Msg msg = UspMessages.request("cli-1", type, request);
    RecordDropReason dropped =
        agent.onRecord(
            UspMessages.encodeRecord("1.4", agent.endpointId(), CONTROLLER, msg),
            (controller, record) -> sent.add(record));
    if (dropped != null) {
      err.println("fleetsim: the agent dropped the request: " + dropped);
      return 1;
    }
    try {
      for (byte[] r : sent) {
        out.print(
            TextFormat.printer()
                .printToString(
                    Msg.parseFrom(Record.parseFrom(r).getNoSessionContext().getPayload())));
      }
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      throw new IllegalStateException(e);
    }
    out.flush();
    return 0;
  }

  @Command(
      name = "get",
      mixinStandardHelpOptions = true,
      description = "Asks an in-process agent for paths with a USP Get and prints the GetResp.")
  static final class GetCommand implements Callable<Integer> {
    @Spec CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin AgentOptionsMixin options;

    @Option(names = "--max-depth", defaultValue = "0", description = "Get.max_depth (0 = all).")
    int maxDepth;

    @Parameters(
        paramLabel = "PATH",
        arity = "1..*",
        description = "USP paths, e.g. Device.DeviceInfo.")
    List<String> paths;

    @Override
    public Integer call() {
      Request req =
          Request.newBuilder()
              .setGet(
                  io.fleetsim.usp.proto.UspMsg.Get.newBuilder()
                      .addAllParamPaths(paths)
                      .setMaxDepth(maxDepth))
              .build();
      return answer(
          options.o, MsgType.GET, req, spec.commandLine().getOut(), spec.commandLine().getErr());
    }
  }

  @Command(
      name = "usp",
      mixinStandardHelpOptions = true,
      description =
          "Sends any USP request, written in protobuf text format, to an in-process agent, e.g."
              + " fleetsim usp SET \"set { update_objs { obj_path: 'Device.DeviceInfo.'"
              + " param_settings { param: 'FriendlyName' value: 'x' } } }\"")
  static final class UspCommand implements Callable<Integer> {
    @Spec CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin AgentOptionsMixin options;

    @Parameters(
        index = "0",
        paramLabel = "TYPE",
        description = "Header msg_type: ${COMPLETION-CANDIDATES}")
    MsgType type;

    @Parameters(index = "1", paramLabel = "REQUEST", description = "The Request in text format.")
    String request;

    @Override
    public Integer call() {
      Request req;
      try {
        req = TextFormat.parse(request, Request.class);
      } catch (TextFormat.ParseException e) {
        throw new IllegalArgumentException(
            "REQUEST is not a USP Request in text format: " + e.getMessage());
      }
      return answer(options.o, type, req, spec.commandLine().getOut(), spec.commandLine().getErr());
    }
  }

  /** picocli mixin carrying {@link AgentOptions}. */
  static final class AgentOptionsMixin {
    @CommandLine.ArgGroup(exclusive = false, heading = "Agent:%n")
    AgentOptions o = new AgentOptions();
  }
}
