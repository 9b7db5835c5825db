package io.fleetsim.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsim.agent.AgentCore;
import io.fleetsim.agent.AgentEnvironment;
import io.fleetsim.datamodel.DeviceModel;
import io.fleetsim.metrics.AgentStats;
import io.fleetsim.testing.TestModels;
import io.fleetsim.usp.retry.RetryWait;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * TP-469 7.x retry timing of an agent's MTP session (R-WS.19-21): the wait before retry n falls in
 * the TR-369 window [m·(k/1000)^(n−1), m·(k/1000)^n] read from the agent's own
 * Controller.1.MTP.1.WebSocket parameters (the test profile's defaults are the spec's 5 s and
 * 2000), stops growing after the tenth retry, is the same for the same (seed, agent, attempt), and
 * differs between agents so a fleet spreads its reconnects. Over STOMP the wait is the STOMP one
 * (Device.STOMP.Connection.{i}.ServerRetry*: uniform from 0, capped). The actor starts the count
 * over once a session is up (ControllerOutageIT measures that on a real outage).
 */
class SessionRetryTest {
  private static final String WS = TestModels.WEBSOCKET_PARAMS;

  @Test
  void waitsInTheSpecWindows_fromTheAgentsOwnParameters() {
    // 2 s minimum and multiplier 1500, set in the profile: the agent must use them, not defaults
    AgentCore core =
        agent(
            TestModels.gateway(
                9,
                Map.of(
                    WS + "SessionRetryMinimumWaitInterval.default", "2",
                    WS + "SessionRetryIntervalMultiplier.default", "1500")),
            0);
    for (int n = 1; n <= 14; n++) {
      int window = Math.min(n, 10);
      assertThat(SessionRetry.delayMillis(core, n, 9))
          .as("wait before retry %d", n)
          .isBetween(RetryWait.minMillis(window, 2, 1500), RetryWait.maxMillis(window, 2, 1500));
    }
  }

  @Test
  void theProfilesDefaults_5sAnd2000_giveTheFirstWindows() {
    AgentCore core = agent(TestModels.gateway(9), 0);
    assertThat(SessionRetry.delayMillis(core, 1, 9)).isBetween(5_000L, 10_000L);
    assertThat(SessionRetry.delayMillis(core, 2, 9)).isBetween(10_000L, 20_000L);
  }

  @Test
  void sameAgentSameWait_twoAgentsSpreadTheirRetries() {
    DeviceModel model = TestModels.gateway(9);
    AgentCore a = agent(model, 0);
    AgentCore b = agent(model, 1);
    assertThat(waits(a)).isEqualTo(waits(agent(model, 0)));
    assertThat(waits(a)).isNotEqualTo(waits(b));
  }

  @Test
  void overStomp_theWaitIsFromZeroUpToTheConnectionsServerRetryWindow_andCapped() {
    // Controller.1.MTP.1 on STOMP and a Device.STOMP.Connection.1 with 3 s, 2000 and a 10 s cap
    DeviceModel model = TestModels.gateway(9, TestModels.onStomp(3, 10));
    List<Long> first = new ArrayList<>();
    long below1500 = 0;
    for (int agent = 0; agent < 200; agent++) {
      AgentCore core = agent(model, agent);
      long w = SessionRetry.delayMillis(core, 1, 9);
      assertThat(w).as("retry 1 of agent %d", agent).isBetween(0L, 3_000L);
      first.add(w);
      below1500 += w < 1_500 ? 1 : 0;
      assertThat(SessionRetry.delayMillis(core, 2, 9)).isBetween(0L, 6_000L);
      assertThat(SessionRetry.delayMillis(core, 9, 9)).isBetween(0L, 10_000L); // the cap
    }
    // uniform from 0: about half of the fleet comes back in the first half of the window
    assertThat(below1500).isBetween(70L, 130L);
    assertThat(first.stream().distinct().count()).isGreaterThan(150);
  }

  private static List<Long> waits(AgentCore core) {
    List<Long> out = new ArrayList<>();
    for (int n = 1; n <= 4; n++) {
      out.add(SessionRetry.delayMillis(core, n, 9));
    }
    return out;
  }

  private static AgentCore agent(DeviceModel model, int index) {
    return AgentCore.create(AgentEnvironment.of(model, (i, due, t) -> {}, AgentStats.NOOP), index);
  }
}
