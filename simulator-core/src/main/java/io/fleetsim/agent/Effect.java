package io.fleetsim.agent;

import io.fleetsim.datamodel.CommandNode;
import java.util.Map;

/** Something an Operate asks the agent to do after its response has gone out. */
sealed interface Effect {

  /** Reboot (Device.Reboot(), FactoryReset(), firmware activation). */
  record Reboot(String cause, String commandKey, boolean factoryReset) implements Effect {}

  /** An async command was accepted; {@code requestInstance} is its LocalAgent.Request row. */
  record StartCommand(
      int requestInstance,
      CommandNode command,
      String objPath,
      int[] instances,
      Map<String, String> args,
      String commandKey,
      String originator)
      implements Effect {}

  /** Request.{i}.Cancel(): the running command completes with 7023. */
  record CancelRequest(int requestInstance) implements Effect {}

  /** Controller.{i}.SendOnBoardRequest(): notify that Controller. */
  record OnBoardRequest(int controllerInstance) implements Effect {}
}
