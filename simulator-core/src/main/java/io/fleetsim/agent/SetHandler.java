package io.fleetsim.agent;

import io.fleetsim.datamodel.AgentDataModel;
import io.fleetsim.datamodel.PathResolver;
import io.fleetsim.datamodel.Resolution;
import io.fleetsim.datamodel.ResolveOperation;
import io.fleetsim.usp.message.UspErrorCode;
import io.fleetsim.usp.message.UspMessages;
import io.fleetsim.usp.proto.UspMsg.Error;
import io.fleetsim.usp.proto.UspMsg.Header.MsgType;
import io.fleetsim.usp.proto.UspMsg.Msg;
import io.fleetsim.usp.proto.UspMsg.Response;
import io.fleetsim.usp.proto.UspMsg.Set;
import io.fleetsim.usp.proto.UspMsg.SetResp;
import io.fleetsim.usp.proto.UspMsg.SetResp.UpdatedObjectResult.OperationStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * Answers Set (TR-369 Set and Add, allow_partial and required). Each obj_path is atomic across the
 * instances it matches (R-SET.2a); a failed required parameter fails its obj_path, and with
 * allow_partial=false the whole message becomes an Error 7004 with per-path param_errs and nothing
 * changes (R-SET.1). Non-required failures are reported in param_errs of a successful result
 * (TP-469 1.17).
 */
final class SetHandler {
  private SetHandler() {}

  static Msg handle(Msg request, RequestContext ctx) {
    Set set = request.getBody().getRequest().getSet();
    AgentDataModel dm = ctx.dm;
    AgentDataModel.Mark start = dm.mark();
    SetResp.Builder resp = SetResp.newBuilder();
    List<Error.ParamError> messageErrors = new ArrayList<>();
    for (Set.UpdateObject uo : set.getUpdateObjsList()) {
      AgentDataModel.Mark objMark = dm.mark();
      int changesBefore = ctx.changes.size();
      OperationStatus status = update(uo, ctx, messageErrors);
      if (status.hasOperFailure()) {
        dm.rollbackTo(objMark);
        ctx.changes.subList(changesBefore, ctx.changes.size()).clear();
      }
      resp.addUpdatedObjResults(
          SetResp.UpdatedObjectResult.newBuilder()
              .setRequestedPath(uo.getObjPath())
              .setOperStatus(status));
    }
    String msgId = request.getHeader().getMsgId();
    Msg error =
        AllOrNothing.abortIfFailed(
            set.getAllowPartial(),
            messageErrors,
            start,
            ctx,
            msgId,
            "Set failed; nothing was changed");
    if (error != null) {
      return error;
    }
    return UspMessages.response(
        msgId, MsgType.SET_RESP, Response.newBuilder().setSetResp(resp).build());
  }

  private static OperationStatus update(
      Set.UpdateObject uo, RequestContext ctx, List<Error.ParamError> messageErrors) {
    Resolution res = PathResolver.resolve(uo.getObjPath(), ResolveOperation.SET, ctx.dm);
    if (res instanceof Resolution.Failed f) {
      return objectFailure(uo.getObjPath(), f.code(), f.message(), messageErrors);
    }
    Resolution.Ok ok = (Resolution.Ok) res;
    if (ok.element() != null || ok.atTable()) {
      return objectFailure(
          uo.getObjPath(),
          UspErrorCode.INVALID_PATH,
          "Set takes an object, instance or search path",
          messageErrors);
    }
    OperationStatus.OperationSuccess.Builder success =
        OperationStatus.OperationSuccess.newBuilder();
    OperationStatus.OperationFailure.Builder failure = null;
    for (Resolution.ObjRef ref : ok.refs()) {
      String affected = ref.path();
      SetResp.UpdatedInstanceResult.Builder result =
          SetResp.UpdatedInstanceResult.newBuilder().setAffectedPath(affected);
      List<SetResp.ParameterError> requiredErrors = new ArrayList<>();
      for (Set.UpdateParamSetting s : uo.getParamSettingsList()) {
        ParamWrites.Target t = ParamWrites.locate(ref.node(), ref.instances(), s.getParam());
        UspErrorCode code = ParamWrites.check(t, s.getValue(), false, ctx.dm);
        if (code == null) {
          String value = ParamWrites.canonical(t.param(), s.getValue());
          String old = ctx.dm.value(t.param(), t.instances());
          ctx.dm.set(t.param(), t.instances(), value);
          result.putUpdatedParams(s.getParam(), value);
          if (!old.equals(value)) {
            ctx.changes.add(new Change.ValueChanged(t.param(), t.instances(), value));
          }
        } else {
          SetResp.ParameterError pe = paramError(s.getParam(), code);
          if (s.getRequired()) {
            requiredErrors.add(pe);
            messageErrors.add(UspMessages.paramError(affected + s.getParam(), code, null));
          } else {
            result.addParamErrs(pe);
          }
        }
      }
      if (!requiredErrors.isEmpty()) {
        if (failure == null) {
          failure =
              OperationStatus.OperationFailure.newBuilder()
                  .setErrCode(UspErrorCode.REQUIRED_PARAMETER_FAILED.code())
                  .setErrMsg(UspErrorCode.REQUIRED_PARAMETER_FAILED.text());
        }
        failure.addUpdatedInstFailures(
            SetResp.UpdatedInstanceFailure.newBuilder()
                .setAffectedPath(affected)
                .addAllParamErrs(requiredErrors));
      } else {
        success.addUpdatedInstResults(result);
      }
    }
    if (failure != null) {
      return OperationStatus.newBuilder().setOperFailure(failure).build();
    }
    return OperationStatus.newBuilder().setOperSuccess(success).build();
  }

  private static OperationStatus objectFailure(
      String path, UspErrorCode code, String message, List<Error.ParamError> messageErrors) {
    messageErrors.add(UspMessages.paramError(path, code, message));
    return OperationStatus.newBuilder()
        .setOperFailure(
            OperationStatus.OperationFailure.newBuilder()
                .setErrCode(code.code())
                .setErrMsg(message))
        .build();
  }

  private static SetResp.ParameterError paramError(String param, UspErrorCode code) {
    return SetResp.ParameterError.newBuilder()
        .setParam(param)
        .setErrCode(code.code())
        .setErrMsg(code.text())
        .build();
  }
}
