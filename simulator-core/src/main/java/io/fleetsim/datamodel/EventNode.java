package io.fleetsim.datamodel;

import java.util.List;

/** An event of the schema ({@code Boot!}) with its argument names. */
public record EventNode(String name, ObjectNode owner, List<String> args, String origin) {

  public EventNode {
    args = List.copyOf(args);
  }

  /** {@code Device.Boot!} */
  public String supportedPath() {
    return owner.supportedPath() + name;
  }

  @Override
  public String toString() {
    return supportedPath();
  }
}
