package io.fleetsim.agent;

import io.fleetsim.datamodel.AgentDataModel;
import io.fleetsim.datamodel.ObjectNode;
import io.fleetsim.datamodel.ParamNode;
import io.fleetsim.datamodel.PathResolver;
import io.fleetsim.datamodel.Resolution;
import io.fleetsim.datamodel.ResolveOperation;
import io.fleetsim.usp.message.UspErrorCode;
import io.fleetsim.usp.message.UspMessages;
import io.fleetsim.usp.proto.UspMsg.Add;
import io.fleetsim.usp.proto.UspMsg.AddResp;
import io.fleetsim.usp.proto.UspMsg.AddResp.CreatedObjectResult.OperationStatus;
import io.fleetsim.usp.proto.UspMsg.Error;
import io.fleetsim.usp.proto.UspMsg.Header.MsgType;
import io.fleetsim.usp.proto.UspMsg.Msg;
import io.fleetsim.usp.proto.UspMsg.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Answers Add (TR-369 Add, allow_partial and required): creates instances with the next instance
 * number, applies param_settings (unique keys always count as required), generates missing keys and
 * returns them (R-ADD.5), refuses duplicate keys (7025), and with allow_partial=false turns any
 * failure into an Error 7004 with nothing created (R-ADD.1/2a). Since USP 1.3 the parent part may
 * be a search.
 */
final class AddHandler {
  private AddHandler() {}

  static Msg handle(Msg request, RequestContext ctx) {
    Add add = request.getBody().getRequest().getAdd();
    AgentDataModel dm = ctx.dm;
    AgentDataModel.Mark start = dm.mark();
    AddResp.Builder resp = AddResp.newBuilder();
    List<Error.ParamError> messageErrors = new ArrayList<>();
    for (Add.CreateObject co : add.getCreateObjsList()) {
      for (OperationStatus status : create(co, ctx, messageErrors)) {
        resp.addCreatedObjResults(
            AddResp.CreatedObjectResult.newBuilder()
                .setRequestedPath(co.getObjPath())
                .setOperStatus(status));
      }
    }
    String msgId = request.getHeader().getMsgId();
    Msg error =
        AllOrNothing.abortIfFailed(
            add.getAllowPartial(),
            messageErrors,
            start,
            ctx,
            msgId,
            "Add failed; nothing was created");
    if (error != null) {
      return error;
    }
    return UspMessages.response(
        msgId, MsgType.ADD_RESP, Response.newBuilder().setAddResp(resp).build());
  }

  private static List<OperationStatus> create(
      Add.CreateObject co, RequestContext ctx, List<Error.ParamError> messageErrors) {
    String path = co.getObjPath();
    Resolution res = PathResolver.resolve(path, ResolveOperation.ADD, ctx.dm);
    if (res instanceof Resolution.Failed f) {
      return List.of(failure(path, f.code(), f.message(), messageErrors));
    }
    Resolution.Ok ok = (Resolution.Ok) res;
    if (ok.element() != null) {
      return List.of(
          failure(path, UspErrorCode.INVALID_PATH, "Add takes a table path", messageErrors));
    }
    if (!ok.atTable()) {
      return List.of(
          failure(path, UspErrorCode.NOT_A_TABLE, "not a table: " + path, messageErrors));
    }
    List<OperationStatus> out = new ArrayList<>();
    for (Resolution.ObjRef ref : ok.refs()) {
      ObjectNode table = ref.node();
      if (!table.writable()) {
        out.add(
            failure(path, UspErrorCode.NOT_CREATABLE, table + " is not creatable", messageErrors));
      } else if (ctx.dm.instances(table, ref.instances()).length >= table.maxEntries()) {
        out.add(
            failure(
                path,
                UspErrorCode.RESOURCES_EXCEEDED,
                table + " is full (" + table.maxEntries() + " entries)",
                messageErrors));
      } else {
        out.add(createOne(co, table, ref.instances(), ctx, messageErrors));
      }
    }
    return out;
  }

  private static OperationStatus createOne(
      Add.CreateObject co,
      ObjectNode table,
      int[] parent,
      RequestContext ctx,
      List<Error.ParamError> messageErrors) {
    AgentDataModel dm = ctx.dm;
    AgentDataModel.Mark mark = dm.mark();
    int number = dm.addInstance(table, parent);
    int[] inst = Instances.append(parent, number);
    String instPath = table.instancePath(inst);
    if (table.supportedPath().equals(SubscriptionRows.TABLE)) {
      SubscriptionRows.initialize(dm, inst, ctx.controllerRef, ctx.nowMillis);
    }
    OperationStatus.OperationSuccess.Builder success =
        OperationStatus.OperationSuccess.newBuilder().setInstantiatedPath(instPath);
    for (Add.CreateParamSetting s : co.getParamSettingsList()) {
      ParamWrites.Target t = ParamWrites.locate(table, inst, s.getParam());
      UspErrorCode code = ParamWrites.check(t, s.getValue(), true, dm);
      if (code == null) {
        dm.set(t.param(), t.instances(), ParamWrites.canonical(t.param(), s.getValue()));
        continue;
      }
      boolean key = t != null && table.isUniqueKey(t.param().name());
      if (s.getRequired() || key) {
        dm.rollbackTo(mark);
        messageErrors.add(UspMessages.paramError(instPath + s.getParam(), code, null));
        return OperationStatus.newBuilder()
            .setOperFailure(
                OperationStatus.OperationFailure.newBuilder()
                    .setErrCode(code.code())
                    .setErrMsg(code.text() + ": " + s.getParam()))
            .build();
      }
      success.addParamErrs(
          AddResp.ParameterError.newBuilder()
              .setParam(s.getParam())
              .setErrCode(code.code())
              .setErrMsg(code.text()));
    }
    String duplicate = duplicateKey(table, parent, inst, dm);
    if (duplicate != null) {
      dm.rollbackTo(mark);
      return failure(co.getObjPath(), UspErrorCode.DUPLICATE_UNIQUE_KEY, duplicate, messageErrors);
    }
    Map<String, String> keys = uniqueKeys(table, inst, dm);
    success.putAllUniqueKeys(keys);
    ctx.changes.add(new Change.ObjectCreated(table, inst, keys));
    return OperationStatus.newBuilder().setOperSuccess(success).build();
  }

  /** The values of every unique-key parameter of an instance (R-ADD.5, TP-469 1.81). */
  static Map<String, String> uniqueKeys(ObjectNode table, int[] inst, AgentDataModel dm) {
    Map<String, String> keys = new LinkedHashMap<>();
    for (List<String> key : table.uniqueKeys()) {
      for (String name : key) {
        ParamNode p = table.param(name);
        if (!p.secured()) {
          keys.put(name, dm.value(p, inst));
        }
      }
    }
    return keys;
  }

  /** A description of the key the new row shares with an existing one, or null. */
  static String duplicateKey(ObjectNode table, int[] parent, int[] inst, AgentDataModel dm) {
    for (int other : dm.instances(table, parent)) {
      if (other == Instances.last(inst)) {
        continue;
      }
      int[] otherInst = Instances.append(parent, other);
      for (List<String> key : table.uniqueKeys()) {
        boolean same = true;
        for (String name : key) {
          ParamNode p = table.param(name);
          if (!dm.value(p, inst).equals(dm.value(p, otherInst))) {
            same = false;
            break;
          }
        }
        if (same) {
          return "unique key " + key + " already used by " + table.instancePath(otherInst);
        }
      }
    }
    return null;
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
