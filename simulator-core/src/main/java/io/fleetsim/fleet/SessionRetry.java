package io.fleetsim.fleet;

import io.fleetsim.agent.AgentCore;
import io.fleetsim.datamodel.AgentDataModel;
import io.fleetsim.datamodel.ParamNode;
import io.fleetsim.usp.retry.RetryWait;
import java.util.SplittableRandom;

/**
 * The wait before an agent's next MTP session attempt: the TR-369 retry wait (R-WS.19-21) with the
 * SessionRetryMinimumWaitInterval and SessionRetryIntervalMultiplier of the agent's first
 * Controller MTP (the spec defaults 5 s and 2000 when absent), randomized from the fleet seed, the
 * agent and the attempt, so an outage gives the same spread-out reconnect storm on every run.
 */
final class SessionRetry {
  private static final String CONTROLLER_MTP_WS =
      "Device.LocalAgent.Controller.{i}.MTP.{i}.WebSocket.";
  private static final int[] FIRST_MTP = {1, 1};

  private SessionRetry() {}

  /** Milliseconds to wait before retry {@code attempt} (1-based) of {@code core}'s agent. */
  static long delayMillis(AgentCore core, int attempt, long seed) {
    return RetryWait.delayMillis(
        attempt,
        setting(core, "SessionRetryMinimumWaitInterval", 5),
        setting(core, "SessionRetryIntervalMultiplier", 2000),
        new SplittableRandom(seed * 31 + core.dataModel().index() * 7919L + attempt));
  }

  private static long setting(AgentCore core, String name, long fallback) {
    AgentDataModel dm = core.dataModel();
    ParamNode p = dm.schema().param(CONTROLLER_MTP_WS + name);
    if (p == null || !dm.exists(p.owner(), FIRST_MTP)) {
      return fallback;
    }
    try {
      return Long.parseLong(dm.value(p, FIRST_MTP));
    } catch (NumberFormatException e) {
      return fallback;
    }
  }
}
