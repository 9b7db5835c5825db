package io.fleetsim.fleet;

import io.fleetsim.agent.AgentCore;
import io.fleetsim.datamodel.AgentDataModel;
import io.fleetsim.datamodel.ParamNode;
import io.fleetsim.usp.retry.RetryWait;
import java.util.SplittableRandom;

/**
 * The wait before an agent's next MTP session attempt: the TR-369 retry wait (R-WS.19-21) with the
 * SessionRetryMinimumWaitInterval and SessionRetryIntervalMultiplier of the agent's first
 * Controller MTP (the spec defaults 5 s and 2000 when absent), or, when that MTP's Protocol is
 * STOMP, the STOMP wait with Device.STOMP.Connection.1's ServerRetry* (60 s, 2000, 30720 s);
 * randomized from the fleet seed, the agent and the attempt, so an outage gives the same spread-out
 * reconnect storm on every run.
 */
final class SessionRetry {
  private static final String CONTROLLER_MTP_WS =
      "Device.LocalAgent.Controller.{i}.MTP.{i}.WebSocket.";
  private static final String CONTROLLER_MTP = "Device.LocalAgent.Controller.{i}.MTP.{i}.";
  private static final String STOMP_CONNECTION = "Device.STOMP.Connection.{i}.";
  private static final int[] FIRST_MTP = {1, 1};
  private static final int[] FIRST_CONNECTION = {1};

  private SessionRetry() {}

  /** Milliseconds to wait before retry {@code attempt} (1-based) of {@code core}'s agent. */
  static long delayMillis(AgentCore core, int attempt, long seed) {
    SplittableRandom random =
        new SplittableRandom(seed * 31 + core.dataModel().index() * 7919L + attempt);
    if ("STOMP".equals(value(core, CONTROLLER_MTP + "Protocol", FIRST_MTP))) {
      return RetryWait.stompDelayMillis(
          attempt,
          setting(core, STOMP_CONNECTION + "ServerRetryInitialInterval", FIRST_CONNECTION, 60),
          setting(core, STOMP_CONNECTION + "ServerRetryIntervalMultiplier", FIRST_CONNECTION, 2000),
          setting(core, STOMP_CONNECTION + "ServerRetryMaxInterval", FIRST_CONNECTION, 30720),
          random);
    }
    return RetryWait.delayMillis(
        attempt,
        setting(core, CONTROLLER_MTP_WS + "SessionRetryMinimumWaitInterval", FIRST_MTP, 5),
        setting(core, CONTROLLER_MTP_WS + "SessionRetryIntervalMultiplier", FIRST_MTP, 2000),
        random);
  }

  private static long setting(AgentCore core, String path, int[] instance, long fallback) {
    String v = value(core, path, instance);
    try {
      return v == null ? fallback : Long.parseLong(v);
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  /** The value of {@code path} in {@code instance}, or null when the profile has no such row. */
  private static String value(AgentCore core, String path, int[] instance) {
    AgentDataModel dm = core.dataModel();
    ParamNode p = dm.schema().param(path);
    return p == null || !dm.exists(p.owner(), instance) ? null : dm.value(p, instance);
  }
}
