package io.fleetsim.agent;

import io.fleetsim.datamodel.AgentDataModel;
import io.fleetsim.datamodel.ObjectNode;
import io.fleetsim.datamodel.PathResolver;
import io.fleetsim.datamodel.Resolution;
import io.fleetsim.datamodel.ResolveOperation;
import io.fleetsim.usp.message.UspErrorCode;
import io.fleetsim.usp.message.UspMessages;
import io.fleetsim.usp.proto.UspMsg.GetInstances;
import io.fleetsim.usp.proto.UspMsg.GetInstancesResp;
import io.fleetsim.usp.proto.UspMsg.Header.MsgType;
import io.fleetsim.usp.proto.UspMsg.Msg;
import io.fleetsim.usp.proto.UspMsg.Response;

/**
 * Answers GetInstances (TR-369 GetInstances, which "takes a Path Name to an Object"): the instances
 * of table paths (also below searches) with their unique keys; with first_level_only=false also
 * every multi-instance descendant. As the reference agent (obuspa's DATA_MODEL_GetInstancePaths and
 * GetAllInstancePaths) does, which controllers rely on: a single-instance object such as {@code
 * Device.LocalAgent.} is listed itself when first_level_only is true, and with false every instance
 * of every table below it; one instance is listed with (false) the instances below it. Only a path
 * that is no object (a parameter) is 7018 in its entry.
 */
final class GetInstancesHandler {
  private GetInstancesHandler() {}

  static Msg handle(Msg request, RequestContext ctx) {
    GetInstances gi = request.getBody().getRequest().getGetInstances();
    GetInstancesResp.Builder resp = GetInstancesResp.newBuilder();
    for (String path : gi.getObjPathsList()) {
      resp.addReqPathResults(resolve(path, gi.getFirstLevelOnly(), ctx.dm));
    }
    return UspMessages.response(
        request.getHeader().getMsgId(),
        MsgType.GET_INSTANCES_RESP,
        Response.newBuilder().setGetInstancesResp(resp).build());
  }

  private static GetInstancesResp.RequestedPathResult resolve(
      String path, boolean firstLevelOnly, AgentDataModel dm) {
    GetInstancesResp.RequestedPathResult.Builder r =
        GetInstancesResp.RequestedPathResult.newBuilder().setRequestedPath(path);
    if (!path.endsWith(".")) {
      // an object path ends in '.'; obuspa says so (7008) rather than looking the name up
      return error(r, UspErrorCode.INVALID_PATH_SYNTAX, path + ": an object path ends in '.'");
    }
    Resolution res = PathResolver.resolve(path, ResolveOperation.INSTANCES, dm);
    if (res instanceof Resolution.Failed f) {
      if (parameter(path.substring(0, path.length() - 1), dm)) {
        return error(r, UspErrorCode.NOT_A_TABLE, path + " is not an object"); // obuspa: 7018
      }
      return r.setErrCode(f.code().code()).setErrMsg(f.message()).build();
    }
    Resolution.Ok ok = (Resolution.Ok) res;
    if (ok.element() != null) {
      return error(r, UspErrorCode.NOT_A_TABLE, path + " is not an object");
    }
    for (Resolution.ObjRef ref : ok.refs()) {
      if (ok.atTable()) {
        for (int n : dm.instances(ref.node(), ref.instances())) {
          add(r, ref.node(), Instances.append(ref.instances(), n), firstLevelOnly, dm);
        }
      } else if (ref.node().multiInstance()) {
        add(r, ref.node(), ref.instances(), firstLevelOnly, dm);
      } else if (firstLevelOnly) {
        r.addCurrInsts( // the object itself, with no unique keys (it has none)
            GetInstancesResp.CurrInstance.newBuilder()
                .setInstantiatedObjPath(ref.node().instancePath(ref.instances())));
      } else {
        addNested(r, ref.node(), ref.instances(), dm);
      }
    }
    return r.build();
  }

  /** Whether {@code path} names a parameter (the path exists, but not as an object). */
  private static boolean parameter(String path, AgentDataModel dm) {
    return PathResolver.resolve(path, ResolveOperation.GET, dm) instanceof Resolution.Ok ok
        && ok.element() != null;
  }

  private static void add(
      GetInstancesResp.RequestedPathResult.Builder r,
      ObjectNode table,
      int[] inst,
      boolean firstLevelOnly,
      AgentDataModel dm) {
    r.addCurrInsts(
        GetInstancesResp.CurrInstance.newBuilder()
            .setInstantiatedObjPath(table.instancePath(inst))
            .putAllUniqueKeys(AddHandler.uniqueKeys(table, inst, dm)));
    if (!firstLevelOnly) {
      addNested(r, table, inst, dm);
    }
  }

  private static void addNested(
      GetInstancesResp.RequestedPathResult.Builder r,
      ObjectNode node,
      int[] inst,
      AgentDataModel dm) {
    for (ObjectNode child : node.children().values()) {
      if (child.multiInstance()) {
        for (int n : dm.instances(child, inst)) {
          add(r, child, Instances.append(inst, n), false, dm);
        }
      } else if (child.presentFor(inst)) {
        addNested(r, child, inst, dm);
      }
    }
  }

  private static GetInstancesResp.RequestedPathResult error(
      GetInstancesResp.RequestedPathResult.Builder r, UspErrorCode code, String message) {
    return r.clearCurrInsts().setErrCode(code.code()).setErrMsg(message).build();
  }
}
