package io.fleetsim.agent;

import io.fleetsim.datamodel.AgentDataModel;
import io.fleetsim.datamodel.ArgNode;
import io.fleetsim.datamodel.CommandNode;
import io.fleetsim.datamodel.ObjectNode;
import io.fleetsim.datamodel.PathResolver;
import io.fleetsim.datamodel.Resolution;
import io.fleetsim.datamodel.ResolveOperation;
import io.fleetsim.datamodel.ValueSpec;
import io.fleetsim.usp.message.UspErrorCode;
import io.fleetsim.usp.message.UspMessages;
import io.fleetsim.usp.proto.UspMsg.Header.MsgType;
import io.fleetsim.usp.proto.UspMsg.Msg;
import io.fleetsim.usp.proto.UspMsg.Operate;
import io.fleetsim.usp.proto.UspMsg.OperateResp;
import io.fleetsim.usp.proto.UspMsg.OperateResp.OperationResult;
import io.fleetsim.usp.proto.UspMsg.Response;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Answers Operate (TR-369 Operate). Path problems are an Error (7026, 7016); command problems are a
 * cmd_failure, never an Error (R-OPR.1): a missing mandatory argument is 7027 and the command does
 * not run (R-OPR.5); unknown arguments are ignored (R-OPR.6); missing optional ones take defaults
 * (R-OPR.7). Sync commands return req_output_args; async ones create a LocalAgent.Request row and
 * return its path. With send_resp=false the command runs and nothing is answered (R-OPR.4).
 */
final class OperateHandler {
  static final String REQUEST_TABLE = Tr181Paths.REQUEST;

  private OperateHandler() {}

  /** Returns the OperateResp, or null when send_resp is false. */
  static Msg handle(Msg request, RequestContext ctx) {
    Operate op = request.getBody().getRequest().getOperate();
    String msgId = request.getHeader().getMsgId();
    Resolution res = PathResolver.resolve(op.getCommand(), ResolveOperation.OPERATE, ctx.dm);
    if (res instanceof Resolution.Failed f) {
      return UspMessages.error(msgId, f.code(), f.message());
    }
    Resolution.Ok ok = (Resolution.Ok) res;
    if (!(ok.element() instanceof CommandNode command)) {
      return UspMessages.error(
          msgId, UspErrorCode.INVALID_PATH, "Operate takes a command path ending in ()");
    }
    OperateResp.Builder resp = OperateResp.newBuilder();
    for (Resolution.ObjRef ref : ok.refs()) {
      resp.addOperationResults(run(command, ref, op, ctx));
    }
    if (!op.getSendResp()) {
      return null;
    }
    return UspMessages.response(
        msgId, MsgType.OPERATE_RESP, Response.newBuilder().setOperateResp(resp).build());
  }

  private static OperationResult run(
      CommandNode command, Resolution.ObjRef ref, Operate op, RequestContext ctx) {
    String objPath = ref.path();
    OperationResult.Builder result =
        OperationResult.newBuilder().setExecutedCommand(objPath + command.name());
    Map<String, String> args = new LinkedHashMap<>();
    String problem = arguments(command, op.getInputArgsMap(), args);
    if (problem != null) {
      return result.setCmdFailure(failure(UspErrorCode.INVALID_COMMAND_ARGUMENTS, problem)).build();
    }
    problem = precondition(command, ref, args, ctx.dm);
    if (problem != null) {
      return result.setCmdFailure(failure(UspErrorCode.COMMAND_FAILURE, problem)).build();
    }
    if (!command.async()) {
      switch (command.behavior()) {
        case REBOOT ->
            ctx.effects.add(
                new Effect.Reboot(cause(args, "RemoteReboot"), op.getCommandKey(), false));
        case FACTORY_RESET ->
            ctx.effects.add(
                new Effect.Reboot(cause(args, "RemoteFactoryReset"), op.getCommandKey(), true));
        case CANCEL_REQUEST ->
            ctx.effects.add(new Effect.CancelRequest(Instances.last(ref.instances())));
        case SEND_ONBOARD_REQUEST ->
            ctx.effects.add(new Effect.OnBoardRequest(Instances.last(ref.instances())));
        default -> {}
      }
      return result
          .setReqOutputArgs(
              OperationResult.OutputArgs.newBuilder().putAllOutputArgs(outputDefaults(command)))
          .build();
    }
    ObjectNode requests = ctx.dm.schema().object(REQUEST_TABLE);
    if (requests == null) {
      return result
          .setCmdFailure(failure(UspErrorCode.COMMAND_FAILURE, "no LocalAgent.Request table"))
          .build();
    }
    int[] root = new int[0];
    int n = ctx.dm.addInstance(requests, root);
    int[] inst = {n};
    ctx.dm.set(requests.param("Originator"), inst, ctx.controllerId);
    ctx.dm.set(requests.param("Command"), inst, objPath + command.name());
    ctx.dm.set(requests.param("CommandKey"), inst, op.getCommandKey());
    ctx.dm.set(requests.param("Status"), inst, "Active");
    ctx.changes.add(
        new Change.ObjectCreated(requests, inst, AddHandler.uniqueKeys(requests, inst, ctx.dm)));
    ctx.effects.add(
        new Effect.StartCommand(
            n,
            command,
            objPath,
            ref.instances(),
            Map.copyOf(args),
            op.getCommandKey(),
            ctx.controllerId));
    return result.setReqObjPath(requests.instancePath(inst)).build();
  }

  /** Checks and completes the input arguments; returns a problem or null. */
  private static String arguments(
      CommandNode command, Map<String, String> given, Map<String, String> out) {
    for (ArgNode arg : command.inputs()) {
      boolean found = false;
      for (Map.Entry<String, String> e : given.entrySet()) {
        if (arg.matches(e.getKey())) {
          found = true;
          if (arg.spec().check(e.getValue()) != ValueSpec.Check.OK) {
            return "invalid value for " + e.getKey();
          }
          out.put(e.getKey(), e.getValue());
        }
      }
      if (arg.name().contains("{i}")) {
        String missing = missingInObjectArgument(arg, given);
        if (missing != null) {
          return missing;
        }
      } else if (!found && arg.mandatory()) {
        return "missing mandatory argument " + arg.name();
      } else if (!found && arg.defaultValue() != null) {
        out.put(arg.name(), arg.defaultValue());
      }
    }
    return null;
  }

  /**
   * Object-valued arguments ({@code TimeWindow.{i}.Start}): a mandatory member must be present in
   * every instance given, and at least one instance must be given.
   */
  private static String missingInObjectArgument(ArgNode arg, Map<String, String> given) {
    if (!arg.mandatory()) {
      return null;
    }
    String prefix = arg.name().substring(0, arg.name().indexOf("{i}"));
    String member = arg.name().substring(arg.name().indexOf("{i}") + 3);
    Set<String> instances = new TreeSet<>();
    for (String key : given.keySet()) {
      if (key.startsWith(prefix)) {
        int dot = key.indexOf('.', prefix.length());
        if (dot > prefix.length()) {
          instances.add(key.substring(prefix.length(), dot));
        }
      }
    }
    if (instances.isEmpty()) {
      return "missing mandatory argument " + arg.name();
    }
    for (String i : instances) {
      if (!given.containsKey(prefix + i + member)) {
        return "missing mandatory argument " + prefix + i + member;
      }
    }
    return null;
  }

  /** Command-specific checks that make the command fail before it starts (7022). */
  private static String precondition(
      CommandNode command, Resolution.ObjRef ref, Map<String, String> args, AgentDataModel dm) {
    switch (command.behavior()) {
      case FIRMWARE_DOWNLOAD -> {
        try {
          URI uri = new URI(args.get("URL"));
          String scheme = uri.getScheme();
          // http and https per TR-181; simulate:// is fleetsim's modelled transfer (DownloadUrls)
          if (scheme == null
              || !(scheme.equals("http")
                  || scheme.equals("https")
                  || scheme.equals(DownloadUrls.SIMULATE))) {
            return "URL must be http or https";
          }
          if (uri.getUserInfo() != null) {
            return "URL must not carry user info";
          }
        } catch (URISyntaxException e) {
          return "URL is not a URI";
        }
      }
      case FIRMWARE_ACTIVATE -> {
        String status = dm.value(ref.node().param("Status"), ref.instances());
        if (!status.equals("Available") && !status.equals("Active")) {
          return "image " + ref.path() + " is " + status;
        }
      }
      case SCHEDULE_TIMER,
          CANCEL_REQUEST,
          COMPLETE,
          REBOOT,
          FACTORY_RESET,
          SEND_ONBOARD_REQUEST -> {}
    }
    return null;
  }

  static Map<String, String> outputDefaults(CommandNode command) {
    Map<String, String> out = new LinkedHashMap<>();
    for (ArgNode arg : command.outputs()) {
      out.put(arg.name(), arg.defaultValue() == null ? "" : arg.defaultValue());
    }
    return out;
  }

  private static String cause(Map<String, String> args, String fallback) {
    String cause = args.get("Cause");
    return cause == null || cause.isEmpty() ? fallback : cause;
  }

  private static OperationResult.CommandFailure failure(UspErrorCode code, String message) {
    return OperationResult.CommandFailure.newBuilder()
        .setErrCode(code.code())
        .setErrMsg(message)
        .build();
  }
}
