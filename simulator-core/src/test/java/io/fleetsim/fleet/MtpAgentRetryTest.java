package io.fleetsim.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsim.agent.AgentCore;
import io.fleetsim.agent.AgentEnvironment;
import io.fleetsim.datamodel.DeviceModel;
import io.fleetsim.metrics.AgentStats;
import io.fleetsim.mtp.Connector;
import io.fleetsim.mtp.MtpListener;
import io.fleetsim.testing.TestModels;
import io.fleetsim.usp.retry.RetryWait;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * TP-469 7.x retry timing at the agent level, on Netty's virtual clock (an EmbeddedChannel's frozen
 * event loop): an agent whose connects keep failing tries again after waits that fall in the TR-369
 * windows [m·(k/1000)^(n−1), m·(k/1000)^n] read from its own Controller.1.MTP.1.WebSocket
 * parameters, stops growing after the tenth retry, starts over after a success, and two agents
 * spread their attempts differently.
 */
class MtpAgentRetryTest {
  private static final long STEP_MILLIS = 50;
  private static final String WS = TestModels.WEBSOCKET_PARAMS;

  /** A session that takes every Record and never closes by itself. */
  private static final class OpenSession implements io.fleetsim.mtp.MtpSession {
    @Override
    public boolean send(byte[] record) {
      return true;
    }

    @Override
    public void close(int status, String reason) {}

    @Override
    public String peerEndpointId() {
      return "";
    }

    @Override
    public byte[] connectRecord(String toId, String fromId) {
      return new byte[0];
    }
  }

  /** A Connector whose attempts fail, or succeed when told to; it notes each attempt's time. */
  private static final class FlakyConnector implements Connector {
    final List<Long> attempts = new ArrayList<>();
    final EmbeddedChannel clock;
    long nowMillis;
    int succeedOnAttempt = -1;

    FlakyConnector(EmbeddedChannel clock) {
      this.clock = clock;
    }

    @Override
    public void connect(
        String eid,
        String controllerId,
        MtpListener listener,
        io.netty.channel.EventLoop loop,
        java.net.InetSocketAddress localAddress) {
      attempts.add(nowMillis);
      if (attempts.size() == succeedOnAttempt) {
        listener.onConnected(new OpenSession());
      } else {
        listener.onDisconnected(null, "connection refused");
      }
    }

    void advance(long millis) {
      for (long t = 0; t < millis; t += STEP_MILLIS) {
        nowMillis += STEP_MILLIS;
        clock.advanceTimeBy(STEP_MILLIS, TimeUnit.MILLISECONDS);
        clock.runPendingTasks();
      }
    }
  }

  @Test
  void failedConnects_waitInTheSpecWindows_fromTheAgentsOwnParameters() {
    // 2 s minimum and multiplier 1500, set in the profile: the agent must use them, not defaults
    DeviceModel model =
        TestModels.gateway(
            9,
            Map.of(
                WS + "SessionRetryMinimumWaitInterval.default", "2",
                WS + "SessionRetryIntervalMultiplier.default", "1500"));
    EmbeddedChannel clock = frozenLoop();
    FlakyConnector connector = new FlakyConnector(clock);
    MtpAgent agent = agent(model, 0, connector, clock);

    agent.start();
    clock.runPendingTasks();
    connector.advance(RetryWait.maxMillis(10, 2, 1500) * 6);

    List<Long> gaps = gaps(connector.attempts);
    assertThat(gaps).hasSizeGreaterThan(11);
    for (int n = 1; n <= gaps.size(); n++) {
      long lo = RetryWait.minMillis(n, 2, 1500);
      long hi = RetryWait.maxMillis(n, 2, 1500);
      assertThat(gaps.get(n - 1)).as("wait before retry %d", n).isBetween(lo, hi + STEP_MILLIS);
    }
    // past the tenth retry the window stops growing
    assertThat(gaps.get(11)).isLessThanOrEqualTo(RetryWait.maxMillis(10, 2, 1500) + STEP_MILLIS);
    assertThat(agent.currentRetryCount()).isEqualTo(connector.attempts.size());
  }

  @Test
  void aSuccessResetsTheRetryCount_soTheNextOutageStartsAtTheFirstWindow() {
    EmbeddedChannel clock = frozenLoop();
    FlakyConnector connector = new FlakyConnector(clock);
    connector.succeedOnAttempt = 4;
    MtpAgent agent = agent(TestModels.gateway(9), 0, connector, clock);

    agent.start();
    clock.runPendingTasks();
    connector.advance(RetryWait.maxMillis(3, 5, 2000) * 3);

    assertThat(connector.attempts).hasSize(4);
    assertThat(agent.connected()).isTrue();
    assertThat(agent.currentRetryCount()).isZero();

    long before = connector.nowMillis;
    agent.onDisconnected(null, "controller went away");
    connector.advance(RetryWait.maxMillis(1, 5, 2000) + STEP_MILLIS);

    assertThat(connector.attempts).hasSize(5);
    assertThat(connector.attempts.get(4) - before).isBetween(5_000L, 10_000L + STEP_MILLIS);
  }

  @Test
  void twoAgentsOfOneFleet_spreadTheirRetries() {
    DeviceModel model = TestModels.gateway(9);
    EmbeddedChannel clock = frozenLoop();
    FlakyConnector a = new FlakyConnector(clock);
    FlakyConnector b = new FlakyConnector(clock);
    agent(model, 0, a, clock).start();
    agent(model, 1, b, clock).start();
    clock.runPendingTasks();
    long span = RetryWait.maxMillis(4, 5, 2000) * 4;
    for (long t = 0; t < span; t += STEP_MILLIS) {
      a.nowMillis += STEP_MILLIS;
      b.nowMillis += STEP_MILLIS;
      clock.advanceTimeBy(STEP_MILLIS, TimeUnit.MILLISECONDS);
      clock.runPendingTasks();
    }

    assertThat(gaps(a.attempts).subList(0, 4)).isNotEqualTo(gaps(b.attempts).subList(0, 4));
  }

  private static EmbeddedChannel frozenLoop() {
    EmbeddedChannel ch = new EmbeddedChannel();
    ch.freezeTime();
    return ch;
  }

  private static MtpAgent agent(
      DeviceModel model, int index, Connector connector, EmbeddedChannel clock) {
    AgentEnvironment env = AgentEnvironment.of(model, (i, due, t) -> {}, AgentStats.NOOP);
    return new MtpAgent(
        AgentCore.create(env, index), connector, clock.eventLoop(), null, "self::c", model.seed());
  }

  private static List<Long> gaps(List<Long> times) {
    List<Long> out = new ArrayList<>();
    for (int i = 1; i < times.size(); i++) {
      out.add(times.get(i) - times.get(i - 1));
    }
    return out;
  }
}
