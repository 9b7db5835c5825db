package io.fleetsim.datamodel;

import java.util.List;

/**
 * A command of the schema ({@code Reboot()}): sync or async, its arguments, and the simulated
 * behaviour the agent runs for it ({@link CommandBehavior}).
 */
public record CommandNode(
    String name,
    ObjectNode owner,
    boolean async,
    List<ArgNode> inputs,
    List<ArgNode> outputs,
    CommandBehavior behavior,
    long durationMillis,
    String origin) {

  public CommandNode {
    inputs = List.copyOf(inputs);
    outputs = List.copyOf(outputs);
  }

  /** The input argument called {@code argName}, or null. */
  public ArgNode input(String argName) {
    for (ArgNode a : inputs) {
      if (a.name().equals(argName)) {
        return a;
      }
    }
    return null;
  }

  /** {@code Device.DeviceInfo.FirmwareImage.{i}.Download()} */
  public String supportedPath() {
    return owner.supportedPath() + name;
  }

  @Override
  public String toString() {
    return supportedPath();
  }
}
