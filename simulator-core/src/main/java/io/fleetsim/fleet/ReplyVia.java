package io.fleetsim.fleet;

import io.fleetsim.agent.AgentLifecycle;
import io.fleetsim.agent.Outbox;
import io.fleetsim.mtp.MtpSession;

/**
 * An agent's Outbox for one Record that came over a route (an MQTT reply-to topic, a STOMP
 * reply-to-dest): the response goes back over it, everything else as the agent sends it.
 */
record ReplyVia(AgentActor actor, MtpSession route) implements Outbox {
  @Override
  public boolean send(String controllerId, byte[] record) {
    return actor.send(controllerId, record);
  }

  @Override
  public boolean reply(String controllerId, byte[] record) {
    return route.send(record);
  }

  @Override
  public void lifecycle(AgentLifecycle event) {
    actor.lifecycle(event);
  }

  @Override
  public void mtpAddress(String address) {
    actor.mtpAddress(address);
  }
}
