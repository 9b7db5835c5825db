package io.fleetsim.agent;

import io.fleetsim.datamodel.ObjectNode;
import io.fleetsim.datamodel.ParamNode;

/**
 * Reads Device.LocalAgent.Controller.{i}. for the agent: which enabled Controller an EndpointID is,
 * the EndpointID of a recipient reference, and its Notify retry settings. Stateless.
 */
final class ControllerTable {
  private ControllerTable() {}

  /**
   * {@code Device.LocalAgent.Controller.N} for an enabled Controller with this EndpointID, or null.
   */
  static String controllerRef(AgentCore agent, String controllerId) {
    ObjectNode controllers = agent.dm.schema().object(Tr181Paths.CONTROLLER);
    if (controllers == null) {
      return null;
    }
    ParamNode eid = controllers.param("EndpointID");
    ParamNode enable = controllers.param("Enable");
    for (int n : agent.dm.instances(controllers, Instances.ROOT)) {
      int[] inst = {n};
      if (agent.dm.value(eid, inst).equals(controllerId)
          && (enable == null || Boolean.parseBoolean(agent.dm.value(enable, inst)))) {
        return Tr181Paths.CONTROLLER_REF + n;
      }
    }
    return null;
  }

  static boolean controllerEnabled(AgentCore agent, String recipient) {
    return controllerEndpoint(agent, recipient) != null;
  }

  /**
   * The EndpointID of an enabled Controller referenced as {@code Device.LocalAgent.Controller.N}.
   */
  static String controllerEndpoint(AgentCore agent, String recipient) {
    int n = instanceOf(recipient);
    ObjectNode controllers = agent.dm.schema().object(Tr181Paths.CONTROLLER);
    int[] inst = {n};
    if (n <= 0 || controllers == null || !agent.dm.exists(controllers, inst)) {
      return null;
    }
    ParamNode enable = controllers.param("Enable");
    if (enable != null && !Boolean.parseBoolean(agent.dm.value(enable, inst))) {
      return null;
    }
    return agent.dm.value(controllers.param("EndpointID"), inst);
  }

  /** USPNotifRetryMinimumWaitInterval and USPNotifRetryIntervalMultiplier of the recipient. */
  static long[] notifRetrySettings(AgentCore agent, String recipient) {
    ObjectNode controllers = agent.dm.schema().object(Tr181Paths.CONTROLLER);
    int[] inst = {instanceOf(recipient)};
    long m = 5;
    long k = 2000;
    if (controllers != null && agent.dm.exists(controllers, inst)) {
      ParamNode pm = controllers.param("USPNotifRetryMinimumWaitInterval");
      ParamNode pk = controllers.param("USPNotifRetryIntervalMultiplier");
      m = pm == null ? m : Long.parseLong(agent.dm.value(pm, inst));
      k = pk == null ? k : Long.parseLong(agent.dm.value(pk, inst));
    }
    return new long[] {m, k};
  }

  static int instanceOf(String controllerRef) {
    int dot = controllerRef.lastIndexOf('.');
    try {
      return Integer.parseInt(controllerRef.substring(dot + 1));
    } catch (NumberFormatException | IndexOutOfBoundsException e) {
      return -1;
    }
  }
}
