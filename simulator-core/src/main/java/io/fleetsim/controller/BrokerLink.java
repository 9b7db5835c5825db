package io.fleetsim.controller;

import io.fleetsim.mtp.ConnectFailure;
import io.fleetsim.mtp.Connector;
import io.fleetsim.mtp.MtpListener;
import io.fleetsim.mtp.MtpSession;
import io.fleetsim.usp.proto.UspRecord.Record;
import io.fleetsim.usp.record.UspRecordCodec;
import io.fleetsim.usp.retry.RetryWait;
import io.netty.channel.EventLoop;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** Over MQTT one broker connection carries every agent: Records are routed by from_id. */
final class BrokerLink implements MtpListener {
  private final ReferenceController owner;
  private final Map<String, AgentLink> links = new ConcurrentHashMap<>();

  /** Each agent's reply-to topic as last seen: how to reach it over a new broker connection. */
  private final Map<String, String> topics = new ConcurrentHashMap<>();

  private final Connector broker;
  private final EventLoop loop;
  private final SplittableRandom random;
  final CompletableFuture<Void> up = new CompletableFuture<>();
  private volatile MtpSession session;
  private volatile boolean closed;
  private int retry;

  BrokerLink(ReferenceController owner, Connector broker, EventLoop loop) {
    this.owner = owner;
    this.random = new SplittableRandom(owner.endpointId.hashCode());
    this.broker = broker;
    this.loop = loop;
  }

  void connect() {
    if (!closed) {
      broker.connect(owner.endpointId, "", this, loop, null);
    }
  }

  void close() {
    closed = true;
    MtpSession s = session;
    if (s != null) {
      s.close(1000, "Controller stopped");
    }
  }

  @Override
  public void onConnected(MtpSession s) {
    if (closed) {
      s.close(1000, "Controller stopped");
      return;
    }
    session = s;
    retry = 0;
    if (!up.complete(null)) {
      // a reconnect: agents that stayed on the broker publish nothing new, so reach each at
      // its last reply-to topic over this connection (a gone agent's requests then time out)
      topics.forEach(
          (agent, topic) -> {
            AgentLink link = links.get(agent);
            if (link != null) {
              link.session = s.routeTo(topic);
              owner.agents.put(agent, link);
            }
          });
    }
  }

  @Override
  public boolean onRecord(MtpSession s, byte[] bytes) {
    Record record = owner.forMe(UspRecordCodec.decode(bytes, owner.maxRecordBytes));
    if (record != null) {
      AgentLink link = links.computeIfAbsent(record.getFromId(), id -> new AgentLink(owner));
      link.session = s; // a route to the agent's reply-to, which may change between connections
      if (record.hasDisconnect()) {
        topics.remove(record.getFromId()); // it said goodbye: do not bring it back
      } else if (!link.session.address().isEmpty()) {
        topics.put(record.getFromId(), link.session.address());
      }
      link.handle(record);
    }
    return true; // a bad Record from one agent never drops the broker connection of all
  }

  @Override
  public void onConnectFailed(MtpSession s, ConnectFailure failure, String detail) {
    onDisconnected(
        s,
        "cannot reach the broker (" + failure.label() + ": " + detail + "): " + failure.advice());
  }

  @Override
  public void onDisconnected(MtpSession s, String cause) {
    boolean wasUp = up.isDone() && !up.isCompletedExceptionally();
    up.completeExceptionally(new IllegalStateException(cause));
    links.values().forEach(l -> l.onDisconnected(s, cause));
    if (wasUp && !closed) {
      // the same retry wait agents use (R-MQTT.10/33), so a broker restart is not a stampede
      retry++;
      loop.schedule(
          this::connect,
          RetryWait.cappedDelayMillis(retry, 1, 2000, 30, random),
          TimeUnit.MILLISECONDS);
    }
  }
}
