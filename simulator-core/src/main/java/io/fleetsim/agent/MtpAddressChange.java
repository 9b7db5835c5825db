package io.fleetsim.agent;

import io.fleetsim.datamodel.ParamNode;
import java.util.List;

/**
 * A Controller's Set of the agent's own STOMP destination (Device.LocalAgent.MTP.{i}.STOMP.
 * Destination) moves the agent's subscription there (TR-369 STOMP binding: UNSUBSCRIBE and
 * SUBSCRIBE again; TP-469 6.10), and later connects use it. Stateless.
 */
final class MtpAddressChange {
  private MtpAddressChange() {}

  /** Tells the transport when {@code changes} (one committed request's) set the destination. */
  static void afterCommit(List<Change> changes, Outbox out) {
    for (Change c : changes) {
      if (c instanceof Change.ValueChanged v
          && v.param().supportedPath().equals(Tr181Paths.STOMP_DESTINATION)
          && v.instances().length == 1
          && v.instances()[0] == 1) {
        out.mtpAddress(v.value());
      }
    }
  }

  /** The destination a Controller set, or null while it is the profile's (the connector's own). */
  static String configured(AgentCore agent) {
    ParamNode p = agent.dataModel().schema().param(Tr181Paths.STOMP_DESTINATION);
    int[] first = {1};
    return p != null && agent.dataModel().isWritten(p, first)
        ? agent.dataModel().value(p, first)
        : null;
  }
}
