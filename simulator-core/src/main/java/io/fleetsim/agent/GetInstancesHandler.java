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
 * Answers GetInstances (TR-369 GetInstances): the instances of table paths (also below searches)
 * with their unique keys; with first_level_only=false also every multi-instance descendant. A path
 * that is not a table is 7018 in its entry.
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
    Resolution res = PathResolver.resolve(path, ResolveOperation.INSTANCES, dm);
    if (res instanceof Resolution.Failed f) {
      return r.setErrCode(f.code().code()).setErrMsg(f.message()).build();
    }
    Resolution.Ok ok = (Resolution.Ok) res;
    if (ok.element() != null) {
      return error(r, UspErrorCode.INVALID_PATH, "GetInstances takes object paths");
    }
    for (Resolution.ObjRef ref : ok.refs()) {
      if (ok.atTable()) {
        for (int n : dm.instances(ref.node(), ref.instances())) {
          add(r, ref.node(), Instances.append(ref.instances(), n), firstLevelOnly, dm);
        }
      } else if (ref.node().multiInstance()) {
        add(r, ref.node(), ref.instances(), firstLevelOnly, dm);
      } else {
        return error(r, UspErrorCode.NOT_A_TABLE, path + " is not a table");
      }
    }
    return r.build();
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
