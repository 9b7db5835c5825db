package io.fleetsim.fleet;

import io.fleetsim.agent.AgentCore;
import io.fleetsim.agent.AgentEnvironment;
import io.fleetsim.agent.AgentTimer;
import io.fleetsim.agent.AgentTimers;
import io.fleetsim.datamodel.DeviceModel;
import io.fleetsim.metrics.AgentStats;
import io.fleetsim.mtp.Connector;
import io.fleetsim.mtp.Tls;
import io.fleetsim.mtp.Transports;
import io.fleetsim.mtp.http.HttpFetch;
import io.fleetsim.mtp.websocket.WsClient;
import io.fleetsim.usp.record.UspRecordCodec;
import io.netty.channel.EventLoop;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * N agents of one profile on the WebSocket MTP, before the Pekko fleet: one WsClient, one event
 * loop group, agents spread over the loops and over source addresses 127.0.0.1 to 127.0.0.N so a
 * box can hold more than one port range of connections. Timers run on each agent's own loop.
 */
public final class MtpAgents implements AgentTimers, AutoCloseable {
  private final List<MtpAgent> agents = new ArrayList<>();
  private final Transports transports;
  private final ScheduledFuture<?> ticks;

  /**
   * @param sourceAddresses how many loopback source addresses to spread connections over (1 = any)
   */
  public MtpAgents(
      DeviceModel device,
      AgentStats stats,
      Transports transports,
      URI controllerUrl,
      String controllerId,
      int count,
      int sourceAddresses) {
    this(
        device,
        stats,
        transports,
        new WsClient(transports, controllerUrl, UspRecordCodec.DEFAULT_MAX_RECORD_BYTES, 60),
        controllerId,
        count,
        sourceAddresses);
  }

  /** N agents connected through {@code client} (WebSocket or MQTT). */
  public MtpAgents(
      DeviceModel device,
      AgentStats stats,
      Transports transports,
      Connector client,
      String controllerId,
      int count,
      int sourceAddresses) {
    this.transports = transports;
    // firmware downloads over http(s) on the same event loops, trusting the JDK's CAs
    HttpFileTransfers transfers =
        new HttpFileTransfers(
            new HttpFetch(transports, Tls.client(null)), HttpFileTransfers.DEFAULT_MAX_IN_FLIGHT);
    AgentEnvironment env = AgentEnvironment.of(device, this, stats, transfers);
    for (int i = 0; i < count; i++) {
      EventLoop loop = transports.group().next();
      InetSocketAddress local =
          sourceAddresses <= 1
              ? null
              : new InetSocketAddress("127.0.0." + (1 + i % sourceAddresses), 0);
      agents.add(
          new MtpAgent(AgentCore.create(env, i), client, loop, local, controllerId, device.seed()));
    }
    // one fleet tick a second for all agents (Periodic!, self-changing values, host churn)
    this.ticks =
        transports
            .group()
            .scheduleAtFixedRate(
                () -> {
                  long now = InstantSource.system().millis();
                  agents.forEach(a -> a.tick(now));
                },
                1,
                1,
                TimeUnit.SECONDS);
  }

  public List<MtpAgent> agents() {
    return agents;
  }

  /** Handshakes in flight at most, by default: far below the listen backlogs of a loopback box. */
  public static final int DEFAULT_CONNECTS_IN_FLIGHT = 512;

  /** Connects every agent, at most {@link #DEFAULT_CONNECTS_IN_FLIGHT} handshakes at a time. */
  public void start() {
    start(DEFAULT_CONNECTS_IN_FLIGHT);
  }

  /**
   * Connects every agent with at most {@code inFlight} first attempts outstanding: a burst of SYNs
   * beyond the Controller's listen backlog is dropped by the kernel and retransmitted seconds
   * later, which would make a connect storm slower, not faster.
   */
  public void start(int inFlight) {
    InFlightGate gate = new InFlightGate(inFlight);
    for (MtpAgent a : agents) {
      gate.submit(() -> a.start(gate::done));
    }
  }

  @Override
  public void schedule(int agentIndex, long dueMillis, AgentTimer timer) {
    MtpAgent a = agents.get(agentIndex);
    long delay = Math.max(0, dueMillis - InstantSource.system().millis());
    a.loop().schedule(() -> a.fire(timer), delay, TimeUnit.MILLISECONDS);
  }

  /** Disconnects every agent with a DisconnectRecord. */
  @Override
  public void close() {
    ticks.cancel(false);
    agents.forEach(MtpAgent::stop);
  }

  Transports transports() {
    return transports;
  }
}
