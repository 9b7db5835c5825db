package io.fleetsim.controller;

import io.fleetsim.metrics.Latencies;
import io.fleetsim.mtp.Connector;
import io.fleetsim.mtp.MtpListener;
import io.fleetsim.mtp.MtpSession;
import io.fleetsim.mtp.Transports;
import io.fleetsim.mtp.memory.MemoryMtp;
import io.fleetsim.mtp.mqtt.MqttClient;
import io.fleetsim.mtp.mqtt.MqttConfig;
import io.fleetsim.mtp.websocket.WsServer;
import io.fleetsim.usp.message.MessageNames;
import io.fleetsim.usp.message.MsgDecodeResult;
import io.fleetsim.usp.message.UspMessageCodec;
import io.fleetsim.usp.message.UspMessages;
import io.fleetsim.usp.proto.UspMsg.Header.MsgType;
import io.fleetsim.usp.proto.UspMsg.Msg;
import io.fleetsim.usp.proto.UspMsg.Notify;
import io.fleetsim.usp.proto.UspMsg.Operate;
import io.fleetsim.usp.proto.UspMsg.Request;
import io.fleetsim.usp.proto.UspRecord.Record;
import io.fleetsim.usp.record.RecordDecodeResult;
import io.fleetsim.usp.record.UspRecordCodec;
import io.fleetsim.usp.retry.RetryWait;
import io.netty.channel.EventLoop;
import io.netty.handler.ssl.SslContext;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * The embedded reference USP Controller, small but correct: a WebSocket MTP server (or one client
 * of an MQTT broker) that accepts agents, provisions each on first contact (see {@link
 * Provisioning}), answers every Notify sent with send_resp by a NotifyResp with the same msg_id and
 * subscription_id (R-NOT.8/10), and lets callers send any request to an agent and await its
 * response. Each request's round trip is recorded per message type in {@link #latencies()}; a
 * request unanswered after {@link #REQUEST_TIMEOUT_SECONDS} fails and is counted. Never imports the
 * agent package: it only speaks USP on the wire.
 */
public final class ReferenceController implements AutoCloseable {
  /** How long a request may stay unanswered before its future fails with a TimeoutException. */
  public static final int REQUEST_TIMEOUT_SECONDS = 30;

  /** A Notify that arrived from an agent, handed to {@link #onNotify} listeners. */
  public record Notification(String agentId, Notify message) {}

  private final String endpointId;
  private final boolean provision;
  private final boolean rebootAfterProvisioning;
  private final InetSocketAddress address;
  private final Runnable closeTransport;
  private final java.util.List<BrokerLink> extraLinks =
      new java.util.concurrent.CopyOnWriteArrayList<>();

  /**
   * Re-opens the MTP after an outage (WebSocket: binds the same address again); null on a broker.
   */
  private final Runnable reopenTransport;

  private volatile WsServer server;
  private final MemoryMtp memory;
  private final Map<String, AgentLink> agents = new ConcurrentHashMap<>();
  private final java.util.Set<String> provisionedAgents = ConcurrentHashMap.newKeySet();
  private final AtomicLong msgIds = new AtomicLong();
  private final LongAdder connects = new LongAdder();
  private final LongAdder provisioned = new LongAdder();
  private final LongAdder boots = new LongAdder();
  private final LongAdder notifications = new LongAdder();
  private final LongAdder dropped = new LongAdder();
  private final LongAdder timeouts = new LongAdder();
  private final Map<String, LongAdder> errorResponses = new ConcurrentHashMap<>();
  private final Latencies latencies = new Latencies();
  private final java.util.List<Consumer<Notification>> notifyListeners =
      new CopyOnWriteArrayList<>();

  private ReferenceController(
      Transports transports,
      InetSocketAddress listen,
      String path,
      String endpointId,
      boolean provision,
      boolean reboot,
      SslContext tls) {
    this.endpointId = endpointId;
    this.provision = provision;
    this.rebootAfterProvisioning = reboot;
    this.server = bindWebSocket(transports, listen, path, tls);
    this.address = server.address();
    this.closeTransport = () -> server.close();
    // after an outage: the same port again, so agents find the Controller where it was
    this.reopenTransport = () -> server = bindWebSocket(transports, address, path, tls);
    this.memory = null;
  }

  private WsServer bindWebSocket(
      Transports transports, InetSocketAddress listen, String path, SslContext tls) {
    return WsServer.bind(
        transports, listen, path, UspRecordCodec.DEFAULT_MAX_RECORD_BYTES, tls, AgentLink::new);
  }

  private ReferenceController(
      Transports transports, String endpointId, boolean provision, boolean reboot) {
    this.endpointId = endpointId;
    this.provision = provision;
    this.rebootAfterProvisioning = reboot;
    this.address = null;
    this.memory = new MemoryMtp(AgentLink::new, transports.group());
    this.closeTransport = memory::down;
    this.reopenTransport = memory::up;
  }

  private ReferenceController(
      Transports transports,
      MqttConfig broker,
      String endpointId,
      boolean provision,
      boolean reboot,
      SslContext tls) {
    this.endpointId = endpointId;
    this.provision = provision;
    this.rebootAfterProvisioning = reboot;
    this.address = null;
    this.memory = null;
    this.reopenTransport = null;
    this.closeTransport = subscribeOn(transports, broker, tls)::close;
  }

  /** Connects to {@code broker} and returns once subscribed (or throws). */
  private BrokerLink subscribeOn(Transports transports, MqttConfig broker, SslContext tls) {
    BrokerLink link =
        new BrokerLink(
            new MqttClient(transports, broker, UspRecordCodec.DEFAULT_MAX_RECORD_BYTES, tls),
            transports.group().next());
    link.connect();
    try {
      // agents' MQTTConnectRecords published before our SUBSCRIBE would be lost: wait for SUBACK
      link.up.get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      link.close();
      throw new IllegalStateException(
          "Controller could not subscribe on the broker "
              + broker.host()
              + ":"
              + broker.port()
              + ": "
              + e.getMessage(),
          e);
    }
    return link;
  }

  /**
   * Serves agents on {@code broker} too, besides this Controller's own MTP: one Controller for a
   * fleet whose devices use different MTPs (WebSocket gateways, MQTT IoT hubs), with one view of
   * all of them. Returns once subscribed. An {@link #outage} takes down the first MTP only.
   */
  public void alsoOnBroker(Transports transports, MqttConfig broker, SslContext tls) {
    extraLinks.add(subscribeOn(transports, broker, tls));
  }

  /**
   * A Controller on an MQTT broker (3.1.1 or 5): one connection subscribed to its topic serves
   * every agent, each answered on its own reply-to topic. Returns once subscribed. It provisions
   * like the WebSocket one. When the broker goes away it reconnects with the TR-369 retry wait (1 s
   * minimum, multiplier 2000, capped at 30 s); agents announce themselves again with their
   * MQTTConnectRecords.
   *
   * @param tls a client TLS context for mqtts://, or null
   */
  public static ReferenceController overMqtt(
      Transports transports,
      MqttConfig broker,
      String endpointId,
      boolean provision,
      boolean rebootAfterProvisioning,
      SslContext tls) {
    return new ReferenceController(
        transports, broker, endpointId, provision, rebootAfterProvisioning, tls);
  }

  /**
   * Starts listening on {@code listen} at {@code path}.
   *
   * @param rebootAfterProvisioning also Operate Device.Reboot() once an agent is provisioned, so
   *     its next boot announces itself with Boot! (the full first-contact cycle)
   */
  public static ReferenceController start(
      Transports transports,
      InetSocketAddress listen,
      String path,
      String endpointId,
      boolean rebootAfterProvisioning) {
    return listen(transports, listen, path, endpointId, true, rebootAfterProvisioning, null);
  }

  /**
   * Any combination: {@code tls} (a server context, see {@link io.fleetsim.mtp.Tls}) makes it a
   * wss:// listener; null is plain ws://.
   *
   * @param provision subscribe each agent on first contact (false: only accept and answer)
   */
  public static ReferenceController listen(
      Transports transports,
      InetSocketAddress listen,
      String path,
      String endpointId,
      boolean provision,
      boolean rebootAfterProvisioning,
      SslContext tls) {
    return new ReferenceController(
        transports, listen, path, endpointId, provision, rebootAfterProvisioning, tls);
  }

  /**
   * A Controller reached over the in-memory MTP ({@link #memoryMtp()} is the agents' Connector): no
   * sockets, every Record still encoded and decoded, on the loops of {@code transports}.
   */
  public static ReferenceController inMemory(
      Transports transports,
      String endpointId,
      boolean provision,
      boolean rebootAfterProvisioning) {
    return new ReferenceController(transports, endpointId, provision, rebootAfterProvisioning);
  }

  /** The in-memory MTP agents connect through (and that simulates outages). */
  public MemoryMtp memoryMtp() {
    if (memory == null) {
      throw new IllegalStateException("this Controller is not on the in-memory MTP");
    }
    return memory;
  }

  /** A Controller that only accepts connections and answers notifications (no provisioning). */
  public static ReferenceController passive(
      Transports transports, InetSocketAddress listen, String path, String endpointId) {
    return listen(transports, listen, path, endpointId, false, false, null);
  }

  /** The WebSocket listener's bound address (the real port when bound to port 0). */
  public InetSocketAddress address() {
    if (address == null) {
      throw new IllegalStateException("only a WebSocket Controller has a listen address");
    }
    return address;
  }

  public String endpointId() {
    return endpointId;
  }

  /** Agents whose WebSocketConnectRecord arrived (first contact or reconnect). */
  public long connectRecords() {
    return connects.sum();
  }

  /** Agents whose provisioning Add succeeded. */
  public long provisioned() {
    return provisioned.sum();
  }

  /** Boot! events received. */
  public long boots() {
    return boots.sum();
  }

  /** Notify messages received. */
  public long notifications() {
    return notifications.sum();
  }

  /** Records dropped: undecodable, or not addressed to this Controller. */
  public long dropped() {
    return dropped.sum();
  }

  /**
   * Round trips of this Controller's requests (answered by a Response, not an Error), in
   * microseconds, named by message type ({@code Get}, {@code Set}, {@code Operate}, {@code Add}, …;
   * see {@link io.fleetsim.usp.message.MessageNames}).
   */
  public Latencies latencies() {
    return latencies;
  }

  /** Requests of this type ({@code Get}, …) answered with a USP Error. */
  public long errorResponses(String type) {
    LongAdder n = errorResponses.get(type);
    return n == null ? 0 : n.sum();
  }

  /** Requests that got no answer within {@link #REQUEST_TIMEOUT_SECONDS}. */
  public long timeouts() {
    return timeouts.sum();
  }

  /**
   * Calls {@code listener} with every Notify received, on the thread of the agent's connection,
   * after the NotifyResp went out. Listeners must not block.
   */
  public void onNotify(Consumer<Notification> listener) {
    notifyListeners.add(listener);
  }

  /** Endpoint IDs of the agents with a session now. */
  public java.util.Set<String> connectedAgents() {
    return java.util.Set.copyOf(agents.keySet());
  }

  /** Sends a request to an agent; the future completes with its Response or Error Msg. */
  public CompletableFuture<Msg> request(String agentId, MsgType type, Request request) {
    return request(agentId, type, request, System.nanoTime());
  }

  /**
   * Like {@link #request(String, MsgType, Request)}, with the round trip measured from {@code
   * dueNanos} ({@link System#nanoTime()} when the request should have gone out): a paced workload
   * that falls behind then shows the wait in its latencies instead of hiding it.
   */
  public CompletableFuture<Msg> request(
      String agentId, MsgType type, Request request, long dueNanos) {
    AgentLink link = agents.get(agentId);
    if (link == null) {
      return CompletableFuture.failedFuture(new IllegalStateException("not connected: " + agentId));
    }
    return link.send(type, request, dueNanos);
  }

  /**
   * An outage of this Controller as its agents see it: every session drops and connects are refused
   * for {@code length}, then it is reachable again at the same address (WebSocket: the listener
   * closes with all its connections and binds the same port again; in-memory: the MTP goes down and
   * up). The agents come back by their retry wait. Not for a Controller on a broker.
   */
  public void outage(java.time.Duration length, java.util.concurrent.ScheduledExecutorService at) {
    if (reopenTransport == null) {
      throw new IllegalStateException("a Controller on a broker cannot simulate an outage");
    }
    closeTransport.run();
    at.schedule(reopenTransport, length.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    closeTransport.run();
    extraLinks.forEach(BrokerLink::close);
  }

  /** The Record when it decodes and is addressed to this Controller; otherwise counted, null. */
  private Record forMe(RecordDecodeResult r) {
    if (r instanceof RecordDecodeResult.Decoded d && d.record().getToId().equals(endpointId)) {
      return d.record();
    }
    dropped.increment();
    return null;
  }

  /** Over MQTT one broker connection carries every agent: Records are routed by from_id. */
  private final class BrokerLink implements MtpListener {
    private final Map<String, AgentLink> links = new ConcurrentHashMap<>();

    /** Each agent's reply-to topic as last seen: how to reach it over a new broker connection. */
    private final Map<String, String> topics = new ConcurrentHashMap<>();

    private final Connector broker;
    private final EventLoop loop;
    private final SplittableRandom random = new SplittableRandom(endpointId.hashCode());
    final CompletableFuture<Void> up = new CompletableFuture<>();
    private volatile MtpSession session;
    private volatile boolean closed;
    private int retry;

    BrokerLink(Connector broker, EventLoop loop) {
      this.broker = broker;
      this.loop = loop;
    }

    void connect() {
      if (!closed) {
        broker.connect(endpointId, "", this, loop, null);
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
                agents.put(agent, link);
              }
            });
      }
    }

    @Override
    public boolean onRecord(MtpSession s, byte[] bytes) {
      Record record = forMe(UspRecordCodec.decode(bytes));
      if (record != null) {
        AgentLink link = links.computeIfAbsent(record.getFromId(), id -> new AgentLink());
        link.session = s.replyRoute(); // the agent's reply-to may change between connections
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

  /** One agent's session, on its channel's event loop. */
  private final class AgentLink implements MtpListener {
    private final Map<String, CompletableFuture<Msg>> pending = new ConcurrentHashMap<>();
    private volatile MtpSession session;
    private volatile String agentId = "";
    private volatile String version = UspMessages.RECORD_VERSION;

    @Override
    public void onConnected(MtpSession s) {
      session = s;
    }

    @Override
    public boolean onRecord(MtpSession s, byte[] bytes) {
      RecordDecodeResult r = UspRecordCodec.decode(bytes);
      Record record = forMe(r);
      if (record != null) {
        handle(record);
      }
      return r instanceof RecordDecodeResult.Decoded; // undecodable: close 1003 (R-WS.16)
    }

    void handle(Record record) {
      agentId = record.getFromId();
      version = record.getVersion();
      switch (record.getRecordTypeCase()) {
        case WEBSOCKET_CONNECT, MQTT_CONNECT -> {
          agents.put(agentId, this);
          connects.increment();
          if (provision && provisionedAgents.add(agentId)) {
            provision();
          }
        }
        case NO_SESSION_CONTEXT -> onMessage(record);
        case DISCONNECT -> agents.remove(agentId, this);
        default -> dropped.increment();
      }
    }

    private void onMessage(Record record) {
      MsgDecodeResult decoded = UspMessageCodec.decode(record.getNoSessionContext().getPayload());
      if (!(decoded instanceof MsgDecodeResult.Decoded d)) {
        dropped.increment();
        return;
      }
      Msg msg = d.msg();
      if (msg.getBody().hasRequest() && msg.getBody().getRequest().hasNotify()) {
        Notify notify = msg.getBody().getRequest().getNotify();
        notifications.increment();
        if (notify.hasEvent() && notify.getEvent().getEventName().equals("Boot!")) {
          boots.increment();
        }
        if (notify.getSendResp()) {
          reply(UspMessages.notifyResp(msg));
        }
        Notification n = new Notification(agentId, notify);
        notifyListeners.forEach(l -> l.accept(n));
        return;
      }
      CompletableFuture<Msg> f = pending.remove(msg.getHeader().getMsgId());
      if (f != null) {
        f.complete(msg);
      } else {
        dropped.increment();
      }
    }

    /** First contact: the {@link Provisioning} subscriptions, then optionally a reboot. */
    private void provision() {
      send(MsgType.ADD, Provisioning.REQUEST, System.nanoTime())
          .thenAccept(
              resp -> {
                if (resp.getBody().hasResponse()) {
                  provisioned.increment();
                  if (rebootAfterProvisioning) {
                    send(
                        MsgType.OPERATE,
                        Request.newBuilder()
                            .setOperate(
                                Operate.newBuilder()
                                    .setCommand("Device.Reboot()")
                                    .setCommandKey("provisioned")
                                    .setSendResp(true))
                            .build(),
                        System.nanoTime());
                  }
                }
              });
    }

    CompletableFuture<Msg> send(MsgType type, Request request, long dueNanos) {
      String msgId = "ctl-" + msgIds.incrementAndGet();
      CompletableFuture<Msg> f = new CompletableFuture<>();
      pending.put(msgId, f);
      MtpSession s = session;
      if (s == null
          || !s.send(
              UspMessages.encodeRecord(
                  version, agentId, endpointId, UspMessages.request(msgId, type, request)))) {
        pending.remove(msgId);
        f.completeExceptionally(new IllegalStateException("no session to " + agentId));
        return f;
      }
      String name = MessageNames.of(type);
      return f.orTimeout(REQUEST_TIMEOUT_SECONDS, TimeUnit.SECONDS)
          .whenComplete(
              (msg, error) -> {
                if (msg != null && msg.getBody().hasError()) {
                  errorResponses.computeIfAbsent(name, k -> new LongAdder()).increment();
                } else if (msg != null) {
                  latencies.record(name, System.nanoTime() - dueNanos);
                } else if (error instanceof TimeoutException) {
                  pending.remove(msgId);
                  timeouts.increment();
                }
              });
    }

    private void reply(Msg msg) {
      MtpSession s = session;
      if (s != null) {
        s.send(UspMessages.encodeRecord(version, agentId, endpointId, msg));
      }
    }

    @Override
    public void onDisconnected(MtpSession s, String cause) {
      session = null;
      if (!agentId.isEmpty()) {
        agents.remove(agentId, this);
      }
      pending.values().forEach(f -> f.completeExceptionally(new IllegalStateException(cause)));
      pending.clear();
    }
  }
}
