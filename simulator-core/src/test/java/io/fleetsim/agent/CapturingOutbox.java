package io.fleetsim.agent;

import java.util.ArrayList;
import java.util.List;

/** Records what an agent sends; {@link #connected} false simulates a down MTP. */
final class CapturingOutbox implements Outbox {
  record Sent(String controllerId, byte[] record) {}

  final List<Sent> sent = new ArrayList<>();
  final List<AgentLifecycle> lifecycle = new ArrayList<>();
  boolean connected = true;

  @Override
  public boolean send(String controllerId, byte[] record) {
    if (!connected) {
      return false;
    }
    sent.add(new Sent(controllerId, record));
    return true;
  }

  @Override
  public void lifecycle(AgentLifecycle event) {
    lifecycle.add(event);
  }
}
