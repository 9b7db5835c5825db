package io.fleetsim.fleet;

import io.fleetsim.agent.AgentCore;
import io.fleetsim.agent.AgentLifecycle;
import io.fleetsim.agent.AgentTimer;
import io.fleetsim.agent.Outbox;
import io.fleetsim.mtp.Connector;
import io.fleetsim.mtp.MtpListener;
import io.fleetsim.mtp.MtpSession;
import io.fleetsim.usp.message.UspMessages;
import io.fleetsim.usp.record.RecordDropReason;
import io.netty.channel.EventLoop;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * One agent on an MTP (WebSocket or MQTT), as a plain object (the Pekko fleet replaces it in issue
 * [4/5]). It is pinned to one event loop: socket events, timers and reconnects all run there, so
 * the agent needs no locking. After each connect it sends the MTP's Connect Record before anything
 * else (R-MTP.6, R-MTP.8); it reconnects after the TR-369 retry wait of the Controller's
 * SessionRetryMinimumWaitInterval and SessionRetryIntervalMultiplier (R-WS.19-21), reset on
 * success.
 */
public final class MtpAgent implements MtpListener, Outbox {
  private final AgentCore core;
  private final Connector client;
  private final EventLoop loop;
  private final InetSocketAddress localAddress;
  private final String controllerId;
  private final long seed;
  private volatile MtpSession session;
  private Runnable onFirstResult;
  private int retry;
  private boolean stopped;
  private boolean rebooting;
  private long lastTickMillis;

  MtpAgent(
      AgentCore core,
      Connector client,
      EventLoop loop,
      InetSocketAddress localAddress,
      String controllerId,
      long seed) {
    this.core = core;
    this.client = client;
    this.loop = loop;
    this.localAddress = localAddress;
    this.controllerId = controllerId;
    this.seed = seed;
  }

  public AgentCore core() {
    return core;
  }

  public String endpointId() {
    return core.endpointId();
  }

  /** Connects now (on the agent's loop). */
  public void start() {
    start(null);
  }

  /** Connects now; {@code onFirstResult} runs once the first attempt connected or failed. */
  void start(Runnable onFirstResult) {
    loop.execute(
        () -> {
          this.onFirstResult = onFirstResult;
          connect();
        });
  }

  private void firstResult() {
    Runnable r = onFirstResult;
    if (r != null) {
      onFirstResult = null;
      r.run();
    }
  }

  /** Sends a DisconnectRecord and closes (R-MTP.7); no reconnect after. */
  public void stop() {
    loop.execute(
        () -> {
          stopped = true;
          if (session != null) {
            session.send(
                UspMessages.encodeDisconnect(controllerId, core.endpointId(), 7105, "shutdown"));
            session.close(1000, "agent stopped");
          }
        });
  }

  /** True while a session is up. */
  public boolean connected() {
    return session != null;
  }

  /**
   * Retries since the last successful connect (Controller.{i}.MTP.{i}.WebSocket.CurrentRetryCount).
   */
  public int currentRetryCount() {
    return retry;
  }

  private void connect() {
    if (!stopped && !rebooting && session == null) {
      client.connect(core.endpointId(), controllerId, this, loop, localAddress);
    }
  }

  @Override
  public void onConnected(MtpSession s) {
    session = s;
    retry = 0;
    firstResult();
    s.send(s.connectRecord(controllerId, core.endpointId()));
    core.onConnected(this);
  }

  @Override
  public boolean onRecord(MtpSession s, byte[] record) {
    return core.onRecord(record, this) != RecordDropReason.UNPARSEABLE;
  }

  @Override
  public void onDisconnected(MtpSession s, String cause) {
    session = null;
    firstResult();
    if (stopped || rebooting) {
      return;
    }
    retry++;
    loop.schedule(
        this::connect, SessionRetry.delayMillis(core, retry, seed), TimeUnit.MILLISECONDS);
  }

  @Override
  public boolean send(String controller, byte[] record) {
    return session != null && session.send(record);
  }

  @Override
  public void lifecycle(AgentLifecycle event) {
    if (event == AgentLifecycle.REBOOTING) {
      rebooting = true;
      if (session != null) {
        session.close(1000, "rebooting");
      }
    } else if (event == AgentLifecycle.RESTARTED) {
      rebooting = false;
      retry = 0;
      connect();
    } // BOOTED, DOWNLOADING, DOWNLOADED: states the plain runtime does not track
  }

  /** Runs a due timer on the agent's loop. */
  void fire(AgentTimer timer) {
    loop.execute(() -> core.onTimer(timer, this));
  }

  /** A fleet tick on the agent's loop (host churn and the like). */
  void tick(long nowMillis) {
    loop.execute(
        () -> {
          if (lastTickMillis > 0) {
            core.onTick(lastTickMillis, nowMillis, this);
          }
          lastTickMillis = nowMillis;
        });
  }

  EventLoop loop() {
    return loop;
  }
}
