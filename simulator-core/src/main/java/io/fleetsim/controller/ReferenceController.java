package io.fleetsim.controller;

import io.fleetsim.metrics.Latencies;
import io.fleetsim.mtp.Connector;
import io.fleetsim.mtp.Transports;
import io.fleetsim.mtp.memory.MemoryMtp;
import io.fleetsim.mtp.websocket.WsServer;
import io.fleetsim.usp.proto.UspMsg.Header.MsgType;
import io.fleetsim.usp.proto.UspMsg.Msg;
import io.fleetsim.usp.proto.UspMsg.Notify;
import io.fleetsim.usp.proto.UspMsg.Request;
import io.fleetsim.usp.proto.UspRecord.Record;
import io.fleetsim.usp.record.RecordDecodeResult;
import io.netty.handler.ssl.SslContext;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
  private static final Logger LOG = LoggerFactory.getLogger(ReferenceController.class);

  /** How long a request may stay unanswered before its future fails with a TimeoutException. */
  public static final int REQUEST_TIMEOUT_SECONDS = 30;

  /** A Notify that arrived from an agent, handed to {@link #onNotify} listeners. */
  public record Notification(String agentId, Notify message) {}

  final String endpointId;
  final boolean provision;
  final boolean rebootAfterProvisioning;
  private final InetSocketAddress address;
  private final Runnable closeTransport;
  private final List<BrokerLink> extraLinks = new CopyOnWriteArrayList<>();

  /**
   * Re-opens the MTP after an outage (WebSocket: binds the same address again); null on a broker.
   */
  private final Runnable reopenTransport;

  private volatile WsServer server;
  private final MemoryMtp memory;
  final Map<String, AgentLink> agents = new ConcurrentHashMap<>();
  final Set<String> provisionedAgents = ConcurrentHashMap.newKeySet();
  final AtomicLong msgIds = new AtomicLong();
  final LongAdder connects = new LongAdder();
  final LongAdder provisioned = new LongAdder();
  final LongAdder recognised = new LongAdder();
  final LongAdder boots = new LongAdder();
  final LongAdder notifications = new LongAdder();
  private final ControllerDrops drops = new ControllerDrops();
  final LongAdder timeouts = new LongAdder();
  final AtomicLong duplicateEndpoints = new AtomicLong();
  final Map<String, LongAdder> errorResponses = new ConcurrentHashMap<>();
  final Latencies latencies = new Latencies();
  final int maxRecordBytes; // the largest Record taken from an agent (PeerLimits)
  final List<Consumer<Notification>> notifyListeners = new CopyOnWriteArrayList<>();

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
    this.maxRecordBytes = transports.limits().maxRecordBytes();
    this.server = bindWebSocket(transports, listen, path, tls);
    this.address = server.address();
    this.closeTransport = () -> server.close();
    // after an outage: the same port again, so agents find the Controller where it was
    this.reopenTransport = () -> server = bindWebSocket(transports, address, path, tls);
    this.memory = null;
  }

  private WsServer bindWebSocket(
      Transports transports, InetSocketAddress listen, String path, SslContext tls) {
    return WsServer.bind(transports, listen, path, maxRecordBytes, tls, () -> new AgentLink(this));
  }

  private ReferenceController(
      Transports transports, String endpointId, boolean provision, boolean reboot) {
    this.endpointId = endpointId;
    this.provision = provision;
    this.rebootAfterProvisioning = reboot;
    this.maxRecordBytes = transports.limits().maxRecordBytes();
    this.address = null;
    this.memory = new MemoryMtp(() -> new AgentLink(this), transports.group());
    this.closeTransport = memory::down;
    this.reopenTransport = memory::up;
  }

  private ReferenceController(
      Transports transports,
      Connector broker,
      String where,
      String endpointId,
      boolean provision,
      boolean reboot) {
    this.endpointId = endpointId;
    this.provision = provision;
    this.rebootAfterProvisioning = reboot;
    this.maxRecordBytes = transports.limits().maxRecordBytes();
    this.address = null;
    this.memory = null;
    this.reopenTransport = null;
    this.closeTransport = subscribeOn(transports, broker, where)::close;
  }

  /** Connects to {@code broker} and returns once subscribed (or throws naming {@code where}). */
  private BrokerLink subscribeOn(Transports transports, Connector broker, String where) {
    BrokerLink link = new BrokerLink(this, broker, transports.group().next());
    link.connect();
    try {
      // agents' Connect Records sent before our subscription would be lost: wait for SUBACK (MQTT)
      // or the SUBSCRIBE's RECEIPT (STOMP)
      link.up.get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      link.close();
      throw new IllegalStateException(
          "Controller could not subscribe on the broker " + where + ": " + e.getMessage(), e);
    }
    return link;
  }

  /**
   * Serves agents on {@code broker} too, besides this Controller's own MTP: one Controller for a
   * fleet whose devices use different MTPs (WebSocket gateways, MQTT IoT hubs), with one view of
   * all of them. Returns once subscribed. An {@link #outage} takes down the first MTP only.
   */
  public void alsoOnBroker(Transports transports, Connector broker, String where) {
    extraLinks.add(subscribeOn(transports, broker, where));
  }

  /**
   * A Controller on a broker, MQTT (3.1.1 or 5) or STOMP 1.2: one connection subscribed to its
   * topic or destination serves every agent, each answered at its own reply-to. Returns once
   * subscribed. It provisions like the WebSocket one. When the broker goes away it reconnects with
   * the TR-369 retry wait (1 s minimum, multiplier 2000, capped at 30 s); agents announce
   * themselves again with their Connect Records.
   *
   * @param broker the Controller's connector on the broker ({@link
   *     io.fleetsim.mtp.connect.Connectors#controller})
   * @param where the broker, as error messages name it
   */
  public static ReferenceController overBroker(
      Transports transports,
      Connector broker,
      String where,
      String endpointId,
      boolean provision,
      boolean rebootAfterProvisioning) {
    return new ReferenceController(
        transports, broker, where, endpointId, provision, rebootAfterProvisioning);
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

  /**
   * Agents counted in {@link #provisioned()} that already held this Controller's subscriptions
   * (they were provisioned before it restarted).
   */
  public long recognised() {
    return recognised.sum();
  }

  /** Boot! events received. */
  public long boots() {
    return boots.sum();
  }

  /** Notify messages received. */
  public long notifications() {
    return notifications.sum();
  }

  /** Records dropped, for any reason of {@link #drops}. */
  public long dropped() {
    return drops.total();
  }

  /** Records dropped by reason (see {@link ControllerDrops}). */
  public Map<String, Long> drops() {
    return drops.byReason();
  }

  void drop(String reason, Object detail) {
    drops.drop(reason, detail);
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

  /**
   * Sessions refused because their EndpointID already had a live one (R-WS.4): two agents, or two
   * agent processes, using the same EndpointIDs.
   */
  public long duplicateEndpoints() {
    return duplicateEndpoints.get();
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
  public Set<String> connectedAgents() {
    return Set.copyOf(agents.keySet());
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

  /** Counts a refused duplicate session; logs the first with both peers (later ones counted). */
  void duplicateEndpoint(String endpointId, String firstPeer, String secondPeer) {
    if (duplicateEndpoints.incrementAndGet() == 1) {
      LOG.warn(
          "EndpointID {} is already connected from {}; refused a second session from {} (R-WS.4)."
              + " Two agent processes with the same EndpointIDs? Give each its own"
              + " `fleetsim agents --first-index`. Further duplicates are counted, not logged.",
          endpointId,
          firstPeer.isEmpty() ? "an unknown address" : firstPeer,
          secondPeer.isEmpty() ? "an unknown address" : secondPeer);
    }
  }

  /** The Record when it decodes and is addressed to this Controller; otherwise counted, null. */
  Record forMe(RecordDecodeResult r) {
    if (!(r instanceof RecordDecodeResult.Decoded d)) {
      drop("undecodable", r);
      return null;
    }
    if (!d.record().getToId().equals(endpointId)) {
      drop("not addressed to this Controller", "to_id " + d.record().getToId());
      return null;
    }
    return d.record();
  }
}
