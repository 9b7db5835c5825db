package io.fleetsim.agent;

import io.fleetsim.datamodel.AgentDataModel;
import io.fleetsim.datamodel.ObjectNode;
import io.fleetsim.datamodel.ParamNode;
import io.fleetsim.datamodel.PathResolver;
import io.fleetsim.datamodel.Resolution;
import io.fleetsim.datamodel.ResolveOperation;
import io.fleetsim.usp.message.UspMessages;
import io.fleetsim.usp.proto.UspMsg.Get;
import io.fleetsim.usp.proto.UspMsg.GetResp;
import io.fleetsim.usp.proto.UspMsg.Header.MsgType;
import io.fleetsim.usp.proto.UspMsg.Msg;
import io.fleetsim.usp.proto.UspMsg.Response;

/**
 * Answers Get (TR-369 Get, R-GET.1 to R-GET.5): one RequestedPathResult per requested path,
 * per-path errors in err_code, one ResolvedPathResult per object instance with parameter names
 * relative to it (R-GET.2/3), and max_depth (R-GET.5).
 */
final class GetHandler {
  private GetHandler() {}

  static Msg handle(Msg request, RequestContext ctx) {
    Get get = request.getBody().getRequest().getGet();
    GetResp.Builder resp = GetResp.newBuilder();
    int maxDepth = get.getMaxDepth();
    for (String path : get.getParamPathsList()) {
      resp.addReqPathResults(resolve(path, maxDepth, ctx.dm));
    }
    return UspMessages.response(
        request.getHeader().getMsgId(),
        MsgType.GET_RESP,
        Response.newBuilder().setGetResp(resp).build());
  }

  private static GetResp.RequestedPathResult resolve(String path, int maxDepth, AgentDataModel dm) {
    GetResp.RequestedPathResult.Builder r =
        GetResp.RequestedPathResult.newBuilder().setRequestedPath(path);
    Resolution res = PathResolver.resolve(path, ResolveOperation.GET, dm);
    if (res instanceof Resolution.Failed f) {
      return r.setErrCode(f.code().code()).setErrMsg(f.message()).build();
    }
    Resolution.Ok ok = (Resolution.Ok) res;
    if (ok.element() instanceof ParamNode p) {
      for (Resolution.ObjRef ref : ok.refs()) {
        r.addResolvedPathResults(
            GetResp.ResolvedPathResult.newBuilder()
                .setResolvedPath(ref.path())
                .putResultParams(p.name(), readable(p, ref.instances(), dm)));
      }
    } else if (ok.element() == null) {
      for (Resolution.ObjRef ref : ok.refs()) {
        if (ok.atTable()) {
          // A table path: every instance is one level below the requested path.
          for (int n : dm.instances(ref.node(), ref.instances())) {
            addTree(r, ref.node(), Instances.append(ref.instances(), n), 1, maxDepth, dm);
          }
        } else {
          addTree(r, ref.node(), ref.instances(), 1, maxDepth, dm);
        }
      }
    } else {
      return r.setErrCode(io.fleetsim.usp.message.UspErrorCode.INVALID_PATH.code())
          .setErrMsg("Get takes object and parameter paths, not commands or events")
          .build();
    }
    return r.build();
  }

  /** One entry per object instance that has parameters, depth-first, honouring max_depth. */
  private static void addTree(
      GetResp.RequestedPathResult.Builder r,
      ObjectNode node,
      int[] instances,
      int level,
      int maxDepth,
      AgentDataModel dm) {
    if (!node.params().isEmpty()) {
      GetResp.ResolvedPathResult.Builder obj =
          GetResp.ResolvedPathResult.newBuilder().setResolvedPath(node.instancePath(instances));
      for (ParamNode p : node.params().values()) {
        obj.putResultParams(p.name(), readable(p, instances, dm));
      }
      r.addResolvedPathResults(obj);
    }
    if (maxDepth != 0 && level >= maxDepth) {
      return;
    }
    for (ObjectNode child : node.children().values()) {
      if (child.multiInstance()) {
        for (int n : dm.instances(child, instances)) {
          addTree(r, child, Instances.append(instances, n), level + 1, maxDepth, dm);
        }
      } else if (child.presentFor(instances)) {
        addTree(r, child, instances, level + 1, maxDepth, dm);
      }
    }
  }

  /** Secured parameters read back empty (TR-181 secured="true"). */
  static String readable(ParamNode p, int[] instances, AgentDataModel dm) {
    return p.secured() ? "" : dm.value(p, instances);
  }
}
