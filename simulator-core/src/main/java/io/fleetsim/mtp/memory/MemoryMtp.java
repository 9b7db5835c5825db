package io.fleetsim.mtp.memory;

import io.fleetsim.identity.DeviceId;
import io.fleetsim.mtp.ConnectFailure;
import io.fleetsim.mtp.Connector;
import io.fleetsim.mtp.MtpListener;
import io.fleetsim.mtp.MtpSession;
import io.fleetsim.usp.message.UspMessages;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import java.net.InetSocketAddress;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.function.Supplier;

/**
 * An MTP without sockets, for fleets far beyond the open-file limit: agent and Controller in one
 * JVM exchange the same encoded Record bytes a socket would carry (every Record is still encoded
 * and decoded), each side on its own event loop, in order. It behaves like the WebSocket MTP: the
 * agent's first Record is a WebSocketConnectRecord, and the Controller learns the agent's endpoint
 * ID from the connection (R-WS.10). {@link #down()} simulates an outage: every session closes and
 * connects are refused until {@link #up()}.
 */
public final class MemoryMtp implements Connector {
  private final Supplier<MtpListener> controllerSide;
  private final EventLoopGroup controllerLoops;
  private final Set<Pair> pairs = ConcurrentHashMap.newKeySet();
  private volatile boolean down;

  /**
   * @param controllerSide a listener per connection on the Controller's side (like {@code
   *     WsServer}'s)
   * @param controllerLoops the loops the Controller's side runs on, one per connection
   */
  public MemoryMtp(Supplier<MtpListener> controllerSide, EventLoopGroup controllerLoops) {
    this.controllerSide = controllerSide;
    this.controllerLoops = controllerLoops;
  }

  @Override
  public void connect(
      DeviceId device,
      String controllerId,
      MtpListener listener,
      EventLoop loop,
      InetSocketAddress localAddress) {
    String eid = device.eid();
    loop.execute(
        () -> {
          if (down) {
            listener.onConnectFailed(
                null, ConnectFailure.REFUSED, "connection refused (in-memory MTP is down)");
            return;
          }
          Pair p = new Pair(eid, listener, loop, controllerSide.get(), controllerLoops.next());
          pairs.add(p);
          p.controllerLoop.execute(() -> p.controller.onConnected(p.controllerSession));
          listener.onConnected(p.agentSession);
        });
  }

  /** Sessions open now. */
  public int sessions() {
    return pairs.size();
  }

  /** The outage starts: every session closes and new connects are refused. */
  public void down() {
    down = true;
    pairs.forEach(p -> p.close("in-memory MTP went down"));
  }

  /** The outage ends. */
  public void up() {
    down = false;
  }

  /** One connection: the agent's end and the Controller's end. */
  private final class Pair {
    final String eid;
    final MtpListener agent;
    final EventLoop agentLoop;
    final MtpListener controller;
    final EventLoop controllerLoop;

    /** 1 once closed; a field and an updater rather than an AtomicBoolean: 16 B less a session. */
    private volatile int closed;

    private static final AtomicIntegerFieldUpdater<Pair> CLOSED =
        AtomicIntegerFieldUpdater.newUpdater(Pair.class, "closed");

    final MtpSession agentSession = new End(true);
    final MtpSession controllerSession = new End(false);

    Pair(
        String eid,
        MtpListener agent,
        EventLoop agentLoop,
        MtpListener controller,
        EventLoop controllerLoop) {
      this.eid = eid;
      this.agent = agent;
      this.agentLoop = agentLoop;
      this.controller = controller;
      this.controllerLoop = controllerLoop;
    }

    void close(String cause) {
      if (CLOSED.compareAndSet(this, 0, 1)) {
        pairs.remove(this);
        agentLoop.execute(() -> agent.onDisconnected(agentSession, cause));
        controllerLoop.execute(() -> controller.onDisconnected(controllerSession, cause));
      }
    }

    /** One end; sending hands the bytes to the other end's listener on its loop. */
    private final class End implements MtpSession {
      private final boolean agentEnd;

      End(boolean agentEnd) {
        this.agentEnd = agentEnd;
      }

      @Override
      public boolean send(byte[] record) {
        if (closed != 0) {
          return false;
        }
        // Like bytes written to a socket before it closes, a Record sent before close() still
        // arrives: each loop runs its tasks in order, so it comes before onDisconnected.
        if (agentEnd) {
          controllerLoop.execute(
              () -> {
                if (!controller.onRecord(controllerSession, record)) {
                  Pair.this.close("undecodable Record (close 1003)");
                }
              });
        } else {
          agentLoop.execute(
              () -> {
                if (!agent.onRecord(agentSession, record)) {
                  Pair.this.close("undecodable Record (close 1003)");
                }
              });
        }
        return true;
      }

      @Override
      public void close(int status, String reason) {
        Pair.this.close(reason);
      }

      @Override
      public String peerEndpointId() {
        return agentEnd ? "" : eid;
      }

      @Override
      public byte[] connectRecord(String toId, String fromId) {
        return UspMessages.encodeWebSocketConnect(toId, fromId);
      }
    }
  }
}
