package io.fleetsim.agent;

import io.fleetsim.datamodel.AgentDataModel;
import io.fleetsim.datamodel.ObjectNode;
import io.fleetsim.datamodel.PathResolver;
import io.fleetsim.datamodel.Resolution;
import io.fleetsim.datamodel.ResolveOperation;
import io.fleetsim.usp.message.UspErrorCode;
import io.fleetsim.usp.message.UspMessages;
import io.fleetsim.usp.proto.UspMsg.Delete;
import io.fleetsim.usp.proto.UspMsg.DeleteResp;
import io.fleetsim.usp.proto.UspMsg.DeleteResp.DeletedObjectResult.OperationStatus;
import io.fleetsim.usp.proto.UspMsg.Error;
import io.fleetsim.usp.proto.UspMsg.Header.MsgType;
import io.fleetsim.usp.proto.UspMsg.Msg;
import io.fleetsim.usp.proto.UspMsg.Response;
import java.util.ArrayList;
import java.util.List;

/**
 * Answers Delete (TR-369 Delete): instance and search paths; a valid path with no instance succeeds
 * with nothing affected (R-DEL.2a); a bad path fails the message with allow_partial=false (R-DEL.1,
 * TP-469 1.26) or its own result otherwise (TP-469 1.30/1.31). Deleting a Controller also deletes
 * the Subscriptions it is the Recipient of (TP-469 1.78).
 */
final class DeleteHandler {
  private DeleteHandler() {}

  static Msg handle(Msg request, RequestContext ctx) {
    Delete delete = request.getBody().getRequest().getDelete();
    AgentDataModel.Mark start = ctx.dm.mark();
    DeleteResp.Builder resp = DeleteResp.newBuilder();
    List<Error.ParamError> messageErrors = new ArrayList<>();
    for (String path : delete.getObjPathsList()) {
      AgentDataModel.Mark pathMark = ctx.dm.mark();
      int changesBefore = ctx.changes.size();
      OperationStatus status = deletePath(path, ctx, messageErrors);
      if (status.hasOperFailure()) {
        ctx.dm.rollbackTo(pathMark);
        ctx.changes.subList(changesBefore, ctx.changes.size()).clear();
      }
      resp.addDeletedObjResults(
          DeleteResp.DeletedObjectResult.newBuilder().setRequestedPath(path).setOperStatus(status));
    }
    String msgId = request.getHeader().getMsgId();
    Msg error =
        AllOrNothing.abortIfFailed(
            delete.getAllowPartial(),
            messageErrors,
            start,
            ctx,
            msgId,
            "Delete failed; nothing was deleted");
    if (error != null) {
      return error;
    }
    return UspMessages.response(
        msgId, MsgType.DELETE_RESP, Response.newBuilder().setDeleteResp(resp).build());
  }

  private static OperationStatus deletePath(
      String path, RequestContext ctx, List<Error.ParamError> messageErrors) {
    Resolution res = PathResolver.resolve(path, ResolveOperation.DELETE, ctx.dm);
    if (res instanceof Resolution.Failed f) {
      return failure(path, f.code(), f.message(), messageErrors);
    }
    Resolution.Ok ok = (Resolution.Ok) res;
    if (ok.element() != null || ok.atTable()) {
      return failure(
          path, UspErrorCode.INVALID_PATH, "Delete takes instance or search paths", messageErrors);
    }
    if (!ok.refs().isEmpty() && !ok.refs().get(0).node().multiInstance()) {
      return failure(path, UspErrorCode.NOT_A_TABLE, "not a table instance", messageErrors);
    }
    OperationStatus.OperationSuccess.Builder success =
        OperationStatus.OperationSuccess.newBuilder();
    for (Resolution.ObjRef ref : ok.refs()) {
      ObjectNode table = ref.node();
      if (!table.writable()) {
        return failure(
            path, UspErrorCode.DELETE_FAILURE, table + " is not deletable", messageErrors);
      }
      int remaining = ctx.dm.instances(table, Instances.parent(ref.instances())).length;
      if (remaining <= table.minEntries()) {
        return failure(
            path,
            UspErrorCode.DELETE_FAILURE,
            table + " must keep " + table.minEntries() + " entries",
            messageErrors);
      }
      success.addAffectedPaths(ref.path());
      deleteInstance(table, ref.instances(), ctx);
    }
    return OperationStatus.newBuilder().setOperSuccess(success).build();
  }

  /** Deletes one instance, recording the change, and cascades from Controllers to Subscriptions. */
  static void deleteInstance(ObjectNode table, int[] instances, RequestContext ctx) {
    String ref = table.instancePath(instances);
    ctx.dm.deleteInstance(table, instances);
    ctx.changes.add(new Change.ObjectDeleted(table, instances));
    if (table.supportedPath().equals(Tr181Paths.CONTROLLER)) {
      String recipient = ref.substring(0, ref.length() - 1);
      ObjectNode subs = SubscriptionRows.table(ctx.dm.schema());
      for (SubscriptionRows.Subscription s : SubscriptionRows.all(ctx.dm)) {
        if (s.recipient().equals(recipient)) {
          int[] inst = {s.instance()};
          ctx.dm.deleteInstance(subs, inst);
          ctx.changes.add(new Change.ObjectDeleted(subs, inst));
        }
      }
    }
  }

  private static OperationStatus failure(
      String path, UspErrorCode code, String message, List<Error.ParamError> messageErrors) {
    messageErrors.add(UspMessages.paramError(path, code, message));
    return OperationStatus.newBuilder()
        .setOperFailure(
            OperationStatus.OperationFailure.newBuilder()
                .setErrCode(code.code())
                .setErrMsg(message))
        .build();
  }
}
