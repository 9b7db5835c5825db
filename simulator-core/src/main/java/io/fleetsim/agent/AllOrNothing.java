package io.fleetsim.agent;

import io.fleetsim.datamodel.AgentDataModel;
import io.fleetsim.usp.message.UspErrorCode;
import io.fleetsim.usp.message.UspMessages;
import io.fleetsim.usp.proto.UspMsg.Error;
import io.fleetsim.usp.proto.UspMsg.Msg;
import java.util.List;

/**
 * allow_partial=false for Add, Set and Delete: any failure undoes the whole message and answers an
 * Error 7004 with the per-path details (R-ADD.1/2a, R-SET.1, R-DEL.1; obuspa's error shape).
 */
final class AllOrNothing {
  private AllOrNothing() {}

  /**
   * Returns the Error that replaces the response when {@code allowPartial} is false and something
   * failed, after rolling the data model back to {@code start} and dropping the changes; else null.
   */
  static Msg abortIfFailed(
      boolean allowPartial,
      List<Error.ParamError> failures,
      AgentDataModel.Mark start,
      RequestContext ctx,
      String msgId,
      String message) {
    if (allowPartial || failures.isEmpty()) {
      return null;
    }
    ctx.dm.rollbackTo(start);
    ctx.changes.clear();
    return UspMessages.error(msgId, UspErrorCode.INVALID_ARGUMENTS, message, failures);
  }
}
