package io.fleetsim.fleet;

import io.fleetsim.agent.AgentCore;
import io.fleetsim.agent.AgentLifecycle;
import io.fleetsim.agent.AgentTimer;
import io.fleetsim.agent.Misbehaviour;
import io.fleetsim.agent.Outbox;
import io.fleetsim.identity.DeviceId;
import io.fleetsim.metrics.AgentState;
import io.fleetsim.mtp.ConnectFailure;
import io.fleetsim.mtp.MtpListener;
import io.fleetsim.mtp.MtpSession;
import io.fleetsim.usp.proto.UspMsg.Msg;
import io.fleetsim.usp.record.RecordDropReason;
import java.time.Duration;
import java.util.SplittableRandom;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * One simulated agent as a Pekko typed actor: the transport-agnostic {@link AgentCore} plus its MTP
 * session lifecycle, one behavior per state (offline, connecting, booting, online, downloading,
 * rebooting; {@link AgentState}), each a single {@code receiveMessage} function (about 870 B per
 * actor against 1,420 B with a ReceiveBuilder, measured with Pekko 1.7.0). A message that a state
 * cannot take is counted by reason, never thrown. Fields are the core, the session and a few
 * primitives; everything else is the fleet's shared {@link AgentRuntime}. Deferred work arrives as
 * {@link Fire} from the fleet's timer service, never from a timer of its own.
 */
public final class AgentActor implements MtpListener, Outbox {

  /** The agent's protocol. */
  public sealed interface Command {}

  /** Connect (from offline). */
  public enum Start implements Command {
    INSTANCE
  }

  /** Send a DisconnectRecord, close, and stay offline (R-MTP.7). */
  public enum Stop implements Command {
    INSTANCE
  }

  /** The link breaks without a DisconnectRecord (a flapping line); the agent retries as usual. */
  public enum Drop implements Command {
    INSTANCE
  }

  /**
   * Misbehave while online: send {@code garbage} undecodable Records, then {@code flood} Notify
   * messages (ValueChange, no response asked) as fast as the MTP takes them. A correct Controller
   * drops the garbage (closing a WebSocket with 1003, R-WS.16) and other agents are unaffected.
   */
  public record Misbehave(int garbage, int flood) implements Command {}

  /** The device power-cycles: it reboots and announces Boot! with Cause LocalReboot. */
  public enum PowerCycle implements Command {
    INSTANCE
  }

  /**
   * The device loses power: its session drops without a DisconnectRecord or close frame, it stays
   * dark for {@code darkMillis}, then boots and announces Boot! with Cause LocalReboot.
   */
  public record PowerLoss(long darkMillis) implements Command {}

  /** A fleet tick, sent when something time brings is due: what changed since the last one. */
  public record Tick(long nowMillis) implements Command {}

  /** A deferred piece of agent work is due (delivered by the fleet's timer service). */
  public record Fire(AgentTimer timer) implements Command {}

  private record Connected(MtpSession session) implements Command {}

  private record Inbound(MtpSession session, byte[] record) implements Command {}

  /** A session that went down, or a connect that failed ({@code failure} then says why). */
  private record Disconnected(MtpSession session, String cause, ConnectFailure failure)
      implements Command {}

  /** The retry wait is over: try the MTP again. */
  private enum Retry implements Command {
    INSTANCE
  }

  private final AgentCore core;
  private final AgentRuntime runtime;
  private final ActorRef<Command> self;
  private MtpSession session;
  private int retry;
  private long connectStartNanos;

  /** Set by the core during a call (reboot); read when the call returns. */
  private AgentLifecycle lifecycleEvent;

  /** The state the fleet counts this agent in. */
  private AgentState state;

  /** Whether this session's Boot! is announced (acknowledged or needing no answer). */
  private boolean booted;

  /** Firmware downloads in progress. */
  private byte downloads;

  private AgentActor(AgentCore core, AgentRuntime runtime, ActorRef<Command> self) {
    this.core = core;
    this.runtime = runtime;
    this.self = self;
  }

  /** An agent actor, offline until {@link Start}. */
  public static Behavior<Command> create(AgentCore core, AgentRuntime runtime) {
    return Behaviors.setup(ctx -> new AgentActor(core, runtime, ctx.getSelf()).offline());
  }

  // ---- states ---------------------------------------------------------------------------------

  private void enter(AgentState next) {
    runtime.metrics().moved(state, next);
    state = next;
  }

  private Behavior<Command> offline() {
    enter(AgentState.OFFLINE);
    return Behaviors.receiveMessage(
        msg -> {
          if (msg == Start.INSTANCE) {
            Msg add = runtime.preProvisioning();
            if (add != null && !runtime.provisioned().restore(core, add, runtime.controllerId())) {
              // a deployed device keeps its subscriptions; one that cannot is counted, not hidden
              runtime.metrics().stats().dropped("PRE_PROVISIONING_REFUSED", core.endpointId());
            }
            core.afterWork();
            return connecting();
          }
          if (msg == Retry.INSTANCE) {
            return connecting();
          }
          return common(msg, "offline");
        });
  }

  private Behavior<Command> connecting() {
    enter(AgentState.CONNECTING);
    // read here, on the actor's thread: the connect itself may run on another
    String address = core.configuredMtpAddress();
    MtpListener listener = address == null ? this : new AddressedListener(this, address);
    // its serial and MAC are read, if a login or certificate needs them, where the connect runs:
    // both are read-only in TR-181, so no write of this agent's can race the read
    DeviceId device = core.deviceId();
    runtime.connect(
        () -> {
          connectStartNanos = System.nanoTime();
          runtime
              .connector(core.dataModel().device())
              .connect(
                  device,
                  runtime.controllerId(),
                  listener,
                  runtime.loop(),
                  runtime.localAddress(core.dataModel().index()));
        });
    return Behaviors.receiveMessage(
        msg -> {
          if (msg instanceof Connected c) {
            runtime.connectDone();
            return online(c.session());
          }
          if (msg instanceof Disconnected d) {
            runtime.connectDone();
            ConnectFailure f = d.failure() == null ? ConnectFailure.CLOSED : d.failure();
            runtime.metrics().connectFailed(f.label(), d.cause(), f.advice());
            return waitToRetry();
          }
          return common(msg, "connecting");
        });
  }

  /** The session is up: send the Connect Record, then what the boot owes. */
  private Behavior<Command> online(MtpSession s) {
    session = s;
    retry = 0;
    booted = false;
    runtime.metrics().connected(System.nanoTime() - connectStartNanos);
    s.send(s.connectRecord(runtime.controllerId(), core.endpointId()));
    core.mtpAddressFromServer(s.addressFromServer());
    core.onConnected(this);
    return inSession();
  }

  /** The state a connected agent is in: booting until Boot! is announced, downloading, online. */
  private AgentState sessionState() {
    return !booted
        ? AgentState.BOOTING
        : downloads > 0 ? AgentState.DOWNLOADING : AgentState.ONLINE;
  }

  /**
   * Booting, online and downloading take the same messages (a booting agent answers requests, a
   * downloading one too); they differ in what the fleet counts and what wrong-state messages say.
   */
  private Behavior<Command> inSession() {
    AgentState now = sessionState();
    enter(now);
    String name = now.label(); // shared: a behavior is kept per agent
    return Behaviors.receiveMessage(
        msg -> {
          if (msg instanceof Inbound in && in.session().connection() == session) {
            // a Record that came over a route (an MQTT reply-to) is answered over it
            Outbox out = in.session() == session ? this : new ReplyVia(this, in.session());
            if (core.onRecord(in.record(), out) == RecordDropReason.UNPARSEABLE) {
              in.session().close(1003, "undecodable Record"); // R-WS.16; an MQTT route stays up
            }
            return afterCore();
          }
          if (msg instanceof Disconnected d && d.session() == session) {
            runtime.metrics().sessionLost(); // closed by the peer or the network
            dropSession();
            return waitToRetry();
          }
          if (msg == Drop.INSTANCE || msg instanceof PowerLoss) {
            session.close(1006, msg == Drop.INSTANCE ? "link dropped" : "power lost");
            dropSession();
            return msg == Drop.INSTANCE ? waitToRetry() : common(msg, name);
          }
          if (msg instanceof Misbehave m) {
            misbehave(m);
            return Behaviors.same();
          }
          if (msg == Stop.INSTANCE) {
            session.send(core.disconnectRecord(runtime.controllerId()));
            session.close(1000, "agent stopped");
            dropSession();
            return leave();
          }
          return common(msg, name);
        });
  }

  /** Down for a reboot: the session is closed; the core's RebootDone timer brings it back. */
  private Behavior<Command> rebooting() {
    enter(AgentState.REBOOTING);
    downloads = 0;
    if (session != null) {
      session.close(1000, "rebooting");
      dropSession();
    }
    return Behaviors.receiveMessage(
        msg -> {
          if (msg instanceof Connected c) {
            c.session().close(1000, "rebooting"); // a connect that raced the reboot
            return Behaviors.same();
          }
          if (msg instanceof Disconnected) {
            return Behaviors.same(); // the session the reboot closed
          }
          return common(msg, "rebooting");
        });
  }

  private Behavior<Command> waitToRetry() {
    retry++;
    runtime.schedule(
        Duration.ofMillis(SessionRetry.delayMillis(core, retry, runtime.seed())),
        () -> self.tell(Retry.INSTANCE));
    return offline();
  }

  /** What every state takes: timers, ticks, stop; anything else is counted as unexpected. */
  private Behavior<Command> common(Command msg, String state) {
    if (msg instanceof Fire f) {
      core.onTimer(f.timer(), this);
      return afterCore();
    }
    if (msg instanceof Tick t) {
      runtime.tickDone();
      core.onDueTick(t.nowMillis(), this);
      return transitions();
    }
    if (msg == Stop.INSTANCE) {
      return leave();
    }
    if (msg == PowerCycle.INSTANCE) {
      core.localReboot(this);
      return afterCore();
    }
    if (msg instanceof PowerLoss p) {
      core.powerLoss(p.darkMillis(), this);
      return afterCore();
    }
    if (msg == Drop.INSTANCE || msg instanceof Misbehave) {
      return Behaviors.same(); // no link to drop or to abuse in this state
    }
    if (msg == Retry.INSTANCE || msg instanceof Disconnected) {
      // races with the agent's own doing, not wrong input: the retry of a session the agent
      // already replaced or rebooted past, or the close of a session it dropped itself
      return Behaviors.same();
    }
    if (msg instanceof Connected c) {
      c.session().close(1000, "not expecting a session"); // e.g. after Stop or during backoff
    }
    runtime.metrics().stats().unexpected(state + ": " + msg.getClass().getSimpleName());
    return Behaviors.same();
  }

  /** The agent leaves the fleet: its firmware no longer counts. */
  private Behavior<Command> leave() {
    runtime.metrics().stats().firmware(core.softwareVersion(), null);
    enter(null);
    return Behaviors.stopped();
  }

  /** The state after a core call: a reboot began or ended inside it, or nothing changed. */
  private Behavior<Command> afterCore() {
    core.afterWork(); // asks the fleet for a tick when something time brings is due
    return transitions();
  }

  private Behavior<Command> transitions() {
    AgentLifecycle event = lifecycleEvent;
    lifecycleEvent = null;
    if (event == AgentLifecycle.REBOOTING) {
      return rebooting();
    }
    if (event == AgentLifecycle.RESTARTED) {
      retry = 0;
      return connecting();
    }
    if (session != null && sessionState() != state) {
      return inSession(); // booted, or a download began or ended
    }
    return Behaviors.same();
  }

  private void misbehave(Misbehave m) {
    SplittableRandom random = new SplittableRandom(runtime.seed() ^ core.dataModel().index());
    for (int i = 0; i < m.garbage() && session != null; i++) {
      session.send(Misbehaviour.garbage(random));
    }
    for (int i = 0; i < m.flood() && session != null; i++) {
      session.send(Misbehaviour.floodNotify(runtime.controllerId(), core.endpointId(), i));
    }
  }

  private void dropSession() {
    session = null;
    runtime.metrics().disconnected();
  }

  // ---- Outbox: called by the core, on this actor's thread --------------------------------------

  @Override
  public boolean send(String controllerId, byte[] record) {
    return session != null && session.send(record);
  }

  @Override
  public void mtpAddress(String address) {
    if (session != null) {
      session.resubscribe(address);
    }
  }

  @Override
  public void lifecycle(AgentLifecycle event) {
    switch (event) {
      case BOOTED -> booted = true;
      case DOWNLOADING -> downloads = (byte) Math.min(Byte.MAX_VALUE, downloads + 1);
      case DOWNLOADED -> downloads = (byte) Math.max(0, downloads - 1);
      default -> lifecycleEvent = event; // REBOOTING, RESTARTED: read when the core call returns
    }
  }

  // ---- MtpListener: called on the MTP's threads; only tells ------------------------------------

  @Override
  public void onConnected(MtpSession s) {
    self.tell(new Connected(s));
  }

  @Override
  public boolean onRecord(MtpSession s, byte[] record) {
    self.tell(new Inbound(s, record));
    return true; // undecodable Records are closed with 1003 by the actor
  }

  @Override
  public void onDisconnected(MtpSession s, String cause) {
    self.tell(new Disconnected(s, cause, null));
  }

  @Override
  public void onConnectFailed(MtpSession s, ConnectFailure failure, String detail) {
    self.tell(new Disconnected(s, detail, failure));
  }
}
