package io.fleetsim.agent;

import io.fleetsim.datamodel.Access;
import io.fleetsim.datamodel.AgentDataModel;
import io.fleetsim.datamodel.ArgNode;
import io.fleetsim.datamodel.CommandNode;
import io.fleetsim.datamodel.EventNode;
import io.fleetsim.datamodel.ObjectNode;
import io.fleetsim.datamodel.ParamNode;
import io.fleetsim.datamodel.ParamType;
import io.fleetsim.datamodel.Schema;
import io.fleetsim.usp.message.UspErrorCode;
import io.fleetsim.usp.message.UspMessages;
import io.fleetsim.usp.path.PathParser;
import io.fleetsim.usp.path.PathSyntaxException;
import io.fleetsim.usp.path.UspPath;
import io.fleetsim.usp.proto.UspMsg.GetSupportedDM;
import io.fleetsim.usp.proto.UspMsg.GetSupportedDMResp;
import io.fleetsim.usp.proto.UspMsg.GetSupportedDMResp.SupportedObjectResult;
import io.fleetsim.usp.proto.UspMsg.Header.MsgType;
import io.fleetsim.usp.proto.UspMsg.Msg;
import io.fleetsim.usp.proto.UspMsg.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Answers GetSupportedDM (TR-369 GetSupportedDM) from the schema alone: {@code {i}} paths or
 * existing instance paths; since USP 1.4 also parameter, command and event paths. The answer to a
 * request without instance numbers is the same for every agent of a profile, so it is built once
 * and shared.
 */
final class GetSupportedDmHandler {
  private static final int CACHE_LIMIT = 4096;
  private static final ConcurrentHashMap<CacheKey, GetSupportedDMResp> CACHE =
      new ConcurrentHashMap<>();

  private GetSupportedDmHandler() {}

  private record CacheKey(Schema schema, GetSupportedDM request) {}

  static Msg handle(Msg request, RequestContext ctx) {
    GetSupportedDM req = request.getBody().getRequest().getGetSupportedDm();
    CacheKey key = new CacheKey(ctx.dm.schema(), req);
    GetSupportedDMResp resp = CACHE.get(key);
    if (resp == null) {
      boolean[] instanceSpecific = {false};
      resp = build(req, ctx.dm, instanceSpecific);
      if (!instanceSpecific[0] && CACHE.size() < CACHE_LIMIT) {
        CACHE.putIfAbsent(key, resp);
      }
    }
    return UspMessages.response(
        request.getHeader().getMsgId(),
        MsgType.GET_SUPPORTED_DM_RESP,
        Response.newBuilder().setGetSupportedDmResp(resp).build());
  }

  private static GetSupportedDMResp build(
      GetSupportedDM req, AgentDataModel dm, boolean[] instanceSpecific) {
    GetSupportedDMResp.Builder resp = GetSupportedDMResp.newBuilder();
    for (String path : req.getObjPathsList()) {
      resp.addReqObjResults(one(path, req, dm, instanceSpecific));
    }
    return resp.build();
  }

  private static GetSupportedDMResp.RequestedObjectResult one(
      String path, GetSupportedDM req, AgentDataModel dm, boolean[] instanceSpecific) {
    GetSupportedDMResp.RequestedObjectResult.Builder r =
        GetSupportedDMResp.RequestedObjectResult.newBuilder()
            .setReqObjPath(path)
            .setDataModelInstUri(dm.schema().dataModelUri());
    UspPath parsed;
    try {
      parsed = PathParser.parseSupported(path);
    } catch (PathSyntaxException e) {
      return error(r, UspErrorCode.INVALID_PATH_SYNTAX, e.getMessage());
    }
    Schema schema = dm.schema();
    List<UspPath.Segment> segs = parsed.segments();
    if (!(segs.get(0) instanceof UspPath.Name root) || !root.name().equals("Device")) {
      return error(r, UspErrorCode.INVALID_PATH, "paths start with Device.");
    }
    ObjectNode node = schema.root();
    List<Integer> numbers = new ArrayList<>();
    boolean atTable = false;
    for (int i = 1; i < segs.size(); i++) {
      UspPath.Segment seg = segs.get(i);
      if (seg instanceof UspPath.Name name && !atTable) {
        node = node.child(name.name());
        if (node == null) {
          return error(r, UspErrorCode.INVALID_PATH, "not in the supported model: " + path);
        }
        atTable = node.multiInstance();
      } else if (seg instanceof UspPath.Name name) {
        // the final {i}. of a table may be omitted: Device.WiFi.SSID.Stats. is not valid though
        return error(r, UspErrorCode.INVALID_PATH, "'" + name.name() + "' follows a table name");
      } else if (atTable && seg instanceof UspPath.AnyInstance) {
        atTable = false;
      } else if (atTable && seg instanceof UspPath.Instance inst) {
        numbers.add(inst.number());
        atTable = false;
      } else {
        return error(r, UspErrorCode.INVALID_PATH, "not a supported-model path: " + path);
      }
    }
    if (!numbers.isEmpty()) {
      instanceSpecific[0] = true;
      int[] inst = numbers.stream().mapToInt(Integer::intValue).toArray();
      if (inst.length == node.depth() && !dm.exists(node, inst)) {
        return error(r, UspErrorCode.OBJECT_DOES_NOT_EXIST, "no instance " + path);
      }
    }
    switch (parsed.tail()) {
      case PARAMETER -> {
        ParamNode p = node.param(parsed.tailName());
        if (p == null || atTable) {
          return error(r, UspErrorCode.INVALID_PATH, "no parameter " + path);
        }
        r.addSupportedObjs(header(node).addSupportedParams(param(p)));
      }
      case COMMAND -> {
        CommandNode c = node.commands().get(parsed.tailName());
        if (c == null || atTable) {
          return error(r, UspErrorCode.INVALID_PATH, "no command " + path);
        }
        r.addSupportedObjs(header(node).addSupportedCommands(command(c)));
      }
      case EVENT -> {
        EventNode e = node.events().get(parsed.tailName());
        if (e == null || atTable) {
          return error(r, UspErrorCode.INVALID_PATH, "no event " + path);
        }
        r.addSupportedObjs(header(node).addSupportedEvents(event(e)));
      }
      case OBJECT -> {
        r.addSupportedObjs(details(node, req));
        if (req.getFirstLevelOnly()) {
          for (ObjectNode child : node.children().values()) {
            r.addSupportedObjs(header(child));
          }
        } else {
          addDescendants(r, node, req);
        }
      }
    }
    return r.build();
  }

  private static void addDescendants(
      GetSupportedDMResp.RequestedObjectResult.Builder r, ObjectNode node, GetSupportedDM req) {
    for (ObjectNode child : node.children().values()) {
      r.addSupportedObjs(details(child, req));
      addDescendants(r, child, req);
    }
  }

  private static SupportedObjectResult.Builder header(ObjectNode node) {
    return SupportedObjectResult.newBuilder()
        .setSupportedObjPath(node.supportedPath())
        .setAccess(
            node.multiInstance() && node.writable()
                ? GetSupportedDMResp.ObjAccessType.OBJ_ADD_DELETE
                : GetSupportedDMResp.ObjAccessType.OBJ_READ_ONLY)
        .setIsMultiInstance(node.multiInstance());
  }

  private static SupportedObjectResult.Builder details(ObjectNode node, GetSupportedDM req) {
    SupportedObjectResult.Builder o = header(node);
    if (req.getReturnParams()) {
      for (ParamNode p : node.params().values()) {
        o.addSupportedParams(param(p));
      }
    }
    if (req.getReturnCommands()) {
      for (CommandNode c : node.commands().values()) {
        o.addSupportedCommands(command(c));
      }
    }
    if (req.getReturnEvents()) {
      for (EventNode e : node.events().values()) {
        o.addSupportedEvents(event(e));
      }
    }
    if (req.getReturnUniqueKeySets()) {
      for (List<String> key : node.uniqueKeys()) {
        o.addUniqueKeySets(
            GetSupportedDMResp.SupportedUniqueKeySet.newBuilder().addAllKeyNames(key));
      }
    }
    return o;
  }

  private static GetSupportedDMResp.SupportedParamResult param(ParamNode p) {
    return GetSupportedDMResp.SupportedParamResult.newBuilder()
        .setParamName(p.name())
        // writeOnceReadOnly is reported as PARAM_READ_WRITE (TR-369 GetSupportedDM)
        .setAccess(
            p.access() == Access.READ_ONLY
                ? GetSupportedDMResp.ParamAccessType.PARAM_READ_ONLY
                : GetSupportedDMResp.ParamAccessType.PARAM_READ_WRITE)
        .setValueType(valueType(p.type()))
        .setValueChange(
            p.valueChangeIgnored()
                ? GetSupportedDMResp.ValueChangeType.VALUE_CHANGE_WILL_IGNORE
                : GetSupportedDMResp.ValueChangeType.VALUE_CHANGE_ALLOWED)
        .build();
  }

  private static GetSupportedDMResp.SupportedCommandResult command(CommandNode c) {
    GetSupportedDMResp.SupportedCommandResult.Builder b =
        GetSupportedDMResp.SupportedCommandResult.newBuilder()
            .setCommandName(c.name())
            .setCommandType(
                c.async()
                    ? GetSupportedDMResp.CmdType.CMD_ASYNC
                    : GetSupportedDMResp.CmdType.CMD_SYNC);
    for (ArgNode a : c.inputs()) {
      b.addInputArgNames(a.name());
    }
    for (ArgNode a : c.outputs()) {
      b.addOutputArgNames(a.name());
    }
    return b.build();
  }

  private static GetSupportedDMResp.SupportedEventResult event(EventNode e) {
    return GetSupportedDMResp.SupportedEventResult.newBuilder()
        .setEventName(e.name())
        .addAllArgNames(e.args())
        .build();
  }

  static GetSupportedDMResp.ParamValueType valueType(ParamType t) {
    return switch (t) {
      case STRING -> GetSupportedDMResp.ParamValueType.PARAM_STRING;
      case BOOLEAN -> GetSupportedDMResp.ParamValueType.PARAM_BOOLEAN;
      case INT -> GetSupportedDMResp.ParamValueType.PARAM_INT;
      case UNSIGNED_INT -> GetSupportedDMResp.ParamValueType.PARAM_UNSIGNED_INT;
      case LONG -> GetSupportedDMResp.ParamValueType.PARAM_LONG;
      case UNSIGNED_LONG -> GetSupportedDMResp.ParamValueType.PARAM_UNSIGNED_LONG;
      case DATE_TIME -> GetSupportedDMResp.ParamValueType.PARAM_DATE_TIME;
      case HEX_BINARY -> GetSupportedDMResp.ParamValueType.PARAM_HEX_BINARY;
      case BASE64 -> GetSupportedDMResp.ParamValueType.PARAM_BASE_64;
      case DECIMAL -> GetSupportedDMResp.ParamValueType.PARAM_DECIMAL;
    };
  }

  private static GetSupportedDMResp.RequestedObjectResult error(
      GetSupportedDMResp.RequestedObjectResult.Builder r, UspErrorCode code, String message) {
    return r.clearSupportedObjs().setErrCode(code.code()).setErrMsg(message).build();
  }
}
