package io.fleetsim.agent;

import io.fleetsim.datamodel.AgentDataModel;
import java.util.ArrayList;
import java.util.List;

/**
 * What a message handler sees besides the request: the agent's data model, the requesting
 * Controller, and lists where it records committed changes and deferred effects. One per request;
 * handlers are stateless functions of (request, context).
 */
final class RequestContext {
  final AgentDataModel dm;
  final String controllerId;

  /**
   * {@code Device.LocalAgent.Controller.N}: the Recipient of subscriptions this Controller adds.
   */
  final String controllerRef;

  final long nowMillis;
  final List<Change> changes = new ArrayList<>(0);
  final List<Effect> effects = new ArrayList<>(0);

  RequestContext(AgentDataModel dm, String controllerId, String controllerRef) {
    this.dm = dm;
    this.controllerId = controllerId;
    this.controllerRef = controllerRef;
    this.nowMillis = dm.nowMillis();
  }
}
