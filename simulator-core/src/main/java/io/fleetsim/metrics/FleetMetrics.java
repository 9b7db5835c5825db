package io.fleetsim.metrics;

import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fleet's shared metrics: the agents' counters and Notify round trips ({@link
 * CountingAgentStats}), MTP connect times (latency {@code connect}, from starting a connect to the
 * session being up) and the number of agents connected now. One per run, never per agent.
 */
public final class FleetMetrics {
  private static final Logger LOG = LoggerFactory.getLogger(FleetMetrics.class);
  private final CountingAgentStats stats = new CountingAgentStats();
  private final LongAdder connectedNow = new LongAdder();
  private final LongAdder connects = new LongAdder();
  private final LongAdder lost = new LongAdder();
  private final ReasonCounts connectFailures = new ReasonCounts();
  private final LongAdder[] inState = new LongAdder[AgentState.values().length];

  public FleetMetrics() {
    for (int i = 0; i < inState.length; i++) {
      inState[i] = new LongAdder();
    }
  }

  /** An agent moved from {@code from} (null: it was just spawned) to {@code to} (null: it left). */
  public void moved(AgentState from, AgentState to) {
    if (from != null) {
      inState[from.ordinal()].decrement();
    }
    if (to != null) {
      inState[to.ordinal()].increment();
    }
  }

  /** Agents in each lifecycle state now. */
  public java.util.Map<AgentState, Long> states() {
    java.util.Map<AgentState, Long> out = new java.util.EnumMap<>(AgentState.class);
    for (AgentState s : AgentState.values()) {
      out.put(s, inState[s.ordinal()].sum());
    }
    return out;
  }

  /** An agent's session came up {@code nanos} after it started connecting. */
  public void connected(long nanos) {
    connectedNow.increment();
    connects.increment();
    stats.latencies().record("connect", nanos);
  }

  /**
   * An agent's connect failed for {@code cause} (a short kind: refused, timeout, dns, tls, …). The
   * first failure of each cause is logged with its detail and {@code advice}; later ones are
   * counted only, so a fleet that cannot connect is loud once, not once per agent and retry.
   */
  public void connectFailed(String cause, String detail, String advice) {
    if (connectFailures.count(cause)) {
      LOG.warn("agents cannot connect ({}): {}. {}", cause, detail, advice);
    }
  }

  /** Failed connects since the start, by cause. */
  public Map<String, Long> connectFailures() {
    return connectFailures.snapshot();
  }

  /**
   * An agent's session was closed by the other side or the network, not by the agent (a reboot, a
   * link drop the scenario ordered or a stop are the agent's own doing). Called besides {@link
   * #disconnected()}; what a run watches to notice the target failing.
   */
  public void sessionLost() {
    lost.increment();
  }

  /** Sessions lost since the start (see {@link #sessionLost()}). */
  public long sessionsLost() {
    return lost.sum();
  }

  /** An agent's session went down. */
  public void disconnected() {
    connectedNow.decrement();
  }

  /** Agents with a session now. */
  public long connectedNow() {
    return connectedNow.sum();
  }

  /** Sessions that came up since the start (first connects and reconnects). */
  public long connects() {
    return connects.sum();
  }

  /** Every count now, as data (what a cluster worker sends each second). */
  public FleetCounters counters() {
    return new FleetCounters(
        connectedNow(),
        connects(),
        sessionsLost(),
        states(),
        connectFailures(),
        stats.drops(),
        stats.handled(),
        stats.notifications(),
        stats.unexpected(),
        stats.acknowledged(),
        stats.messagesToAgents(),
        stats.messagesFromAgents(),
        stats.firmwareCounts());
  }

  /**
   * Adds {@code d}, counts measured elsewhere (a cluster worker's difference since its last tick),
   * to these metrics: a coordinator's metrics are the sum of its workers'. Latencies come apart, as
   * histograms ({@link Latencies#add}).
   */
  public void add(FleetCounters d) {
    connectedNow.add(d.connectedNow());
    connects.add(d.connects());
    lost.add(d.sessionsLost());
    d.states().forEach((st, n) -> inState[st.ordinal()].add(n));
    d.connectFailures().forEach(connectFailures::add);
    stats.add(d);
  }

  /** The agents' counters; what agent cores report into. */
  public CountingAgentStats stats() {
    return stats;
  }

  /** Every latency of the fleet, by name ({@code connect}, {@code Notify Boot!}, …). */
  public Latencies latencies() {
    return stats.latencies();
  }
}
