package io.fleetsim.agent;

import io.fleetsim.datamodel.CommandNode;
import io.fleetsim.usp.message.UspErrorCode;
import java.util.Map;

/** The end of an async command: outputs on success, or a cmd_failure code (R-OPR.2). */
record Completion(
    int requestInstance,
    CommandNode command,
    String objPath,
    String commandKey,
    Map<String, String> outputs,
    UspErrorCode failure,
    String failureMessage) {

  /** The same request, ended with {@code code} instead. */
  Completion failed(UspErrorCode code, String message) {
    return new Completion(requestInstance, command, objPath, commandKey, Map.of(), code, message);
  }

  static Completion success(Effect.StartCommand s, Map<String, String> outputs) {
    return new Completion(
        s.requestInstance(), s.command(), s.objPath(), s.commandKey(), outputs, null, null);
  }
}
