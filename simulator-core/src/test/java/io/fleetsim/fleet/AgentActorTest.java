package io.fleetsim.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.TextFormat;
import io.fleetsim.agent.AgentCore;
import io.fleetsim.agent.AgentEnvironment;
import io.fleetsim.metrics.AgentState;
import io.fleetsim.metrics.FleetMetrics;
import io.fleetsim.mtp.Connector;
import io.fleetsim.mtp.MtpListener;
import io.fleetsim.mtp.MtpSession;
import io.fleetsim.mtp.Transports;
import io.fleetsim.testing.Await;
import io.fleetsim.testing.TestFleets;
import io.fleetsim.testing.TestModels;
import io.fleetsim.usp.message.UspMessages;
import io.fleetsim.usp.proto.UspMsg.Header.MsgType;
import io.fleetsim.usp.proto.UspMsg.Msg;
import io.fleetsim.usp.proto.UspMsg.Request;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One agent actor against a scripted Connector: the Connect Record goes out first, undecodable
 * input closes the session with 1003 (R-WS.16), a lost session is retried, a stop sends a
 * DisconnectRecord (R-MTP.7), and messages a state cannot take are counted, not thrown.
 */
class AgentActorTest {
  private final ActorTestKit kit = ActorTestKit.create();
  private final Transports transports = Transports.create(1);

  @AfterEach
  void close() {
    kit.shutdownTestKit();
    transports.close();
  }

  /** A session that records what the agent sends and how it was closed. */
  private static final class Session implements MtpSession {
    final List<byte[]> sent = new CopyOnWriteArrayList<>();
    final AtomicReference<String> closed = new AtomicReference<>();

    @Override
    public boolean send(byte[] record) {
      sent.add(record);
      return closed.get() == null;
    }

    @Override
    public void close(int status, String reason) {
      closed.compareAndSet(null, status + " " + reason);
    }

    @Override
    public String peerEndpointId() {
      return "";
    }

    @Override
    public byte[] connectRecord(String toId, String fromId) {
      return UspMessages.encodeWebSocketConnect(toId, fromId);
    }
  }

  /** Hands out a new Session per connect and remembers the agent's listener. */
  private static final class Scripted implements Connector {
    final List<Session> sessions = new CopyOnWriteArrayList<>();
    volatile MtpListener agent;

    @Override
    public void connect(
        io.fleetsim.identity.DeviceId device,
        String controllerId,
        MtpListener listener,
        io.netty.channel.EventLoop loop,
        java.net.InetSocketAddress localAddress) {
      agent = listener;
      Session s = new Session();
      sessions.add(s);
      listener.onConnected(s);
    }
  }

  @Test
  void connectRecordFirst_badInputCloses1003_retry_andStopSaysGoodbye() {
    Scripted connector = new Scripted();
    FleetMetrics metrics = new FleetMetrics();
    AgentRuntime runtime =
        new AgentRuntime(
            connector,
            transports.group(),
            "self::c",
            kit.system().scheduler(),
            kit.system().executionContext(),
            metrics,
            1,
            new AtomicReference<>(),
            1,
            1);
    AgentCore core =
        AgentCore.create(
            AgentEnvironment.of(TestModels.gateway(1), (i, due, t) -> {}, metrics.stats()), 0);
    ActorRef<AgentActor.Command> agent = kit.spawn(AgentActor.create(core, runtime));

    // a tick before the start is fine; an MTP message in offline is counted
    agent.tell(new AgentActor.Tick(1));
    agent.tell(AgentActor.Start.INSTANCE);
    Await.until(() -> metrics.connectedNow() == 1);
    Session first = connector.sessions.get(0);
    Await.until(() -> !first.sent.isEmpty());
    assertThat(parse(first.sent.get(0)).hasWebsocketConnect()).isTrue();

    // garbage: the agent closes with 1003 and the lost session is retried after the retry wait
    connector.agent.onRecord(first, new byte[] {1, 2, 3});
    Await.until(() -> first.closed.get() != null);
    assertThat(first.closed.get()).startsWith("1003");
    connector.agent.onDisconnected(first, "closed");
    Await.until(() -> metrics.connectedNow() == 0);
    Await.until(() -> connector.sessions.size() == 2, Duration.ofSeconds(15));
    Await.until(() -> metrics.connectedNow() == 1);

    // a reconnect that is not a reboot owes no Boot!, so the agent is online again at once, and a
    // Record on the old, closed session is not this state's business: counted
    Await.until(() -> metrics.states().get(AgentState.ONLINE) == 1);
    connector.agent.onRecord(first, new byte[] {1});
    Await.until(() -> !metrics.stats().unexpected().isEmpty());
    assertThat(metrics.stats().unexpected()).containsKey("online: Inbound");

    Session second = connector.sessions.get(1);
    agent.tell(AgentActor.Stop.INSTANCE);
    Await.until(() -> second.closed.get() != null);
    assertThat(parse(second.sent.get(second.sent.size() - 1)).getDisconnect().getReasonCode())
        .isEqualTo(7105);
    assertThat(metrics.connectedNow()).isZero();
  }

  @Test
  void statesAreCounted_bootingUntilBootIsAcknowledged_downloadingWhileATransferRuns()
      throws Exception {
    Scripted connector = new Scripted();
    FleetMetrics metrics = new FleetMetrics();
    // a deployed agent: it holds the Controller's Boot! subscription (with NotifRetry)
    AtomicReference<Msg> provisioning =
        new AtomicReference<>(
            UspMessages.request("p", MsgType.ADD, io.fleetsim.controller.Provisioning.REQUEST));
    AgentRuntime runtime =
        new AgentRuntime(
            connector,
            transports.group(),
            TestFleets.CONTROLLER,
            kit.system().scheduler(),
            kit.system().executionContext(),
            metrics,
            1,
            provisioning,
            1,
            1);
    AgentCore core =
        AgentCore.create(
            AgentEnvironment.of(TestModels.gateway(1), (i, due, t) -> {}, metrics.stats()), 0);
    ActorRef<AgentActor.Command> agent = kit.spawn(AgentActor.create(core, runtime));
    Await.until(() -> metrics.states().get(AgentState.OFFLINE) == 1);

    agent.tell(AgentActor.Start.INSTANCE);
    Await.until(() -> metrics.states().get(AgentState.BOOTING) == 1);
    Session session = connector.sessions.get(0);
    Await.until(() -> sentNotify(session, "Boot!") != null);
    Msg boot = sentNotify(session, "Boot!");

    // the NotifyResp announces the boot
    connector.agent.onRecord(session, toAgent(core, UspMessages.notifyResp(boot)));
    Await.until(() -> metrics.states().get(AgentState.ONLINE) == 1);
    assertThat(metrics.states().get(AgentState.BOOTING)).isZero();

    // a Download() of a slow simulated image: downloading until it ends
    Request download =
        TextFormat.parse(
            "operate { command: 'Device.DeviceInfo.FirmwareImage.2.Download()' command_key: 'k'"
                + " input_args { key: 'URL' value: 'simulate://x/fw/a-2.0.bin?size=1&rate=1' }"
                + " input_args { key: 'AutoActivate' value: 'false' } }",
            Request.class);
    connector.agent.onRecord(
        session, toAgent(core, UspMessages.request("op", MsgType.OPERATE, download)));
    Await.until(() -> metrics.states().get(AgentState.DOWNLOADING) == 1);

    agent.tell(AgentActor.Stop.INSTANCE);
    Await.until(() -> metrics.states().values().stream().allMatch(n -> n == 0));
  }

  private static byte[] toAgent(AgentCore core, Msg msg) {
    return UspMessages.encodeRecord(
        UspMessages.RECORD_VERSION, core.endpointId(), TestFleets.CONTROLLER, msg);
  }

  /** The Notify of {@code event} the agent sent on {@code s}, or null. */
  private static Msg sentNotify(Session s, String event) {
    for (byte[] bytes : s.sent) {
      io.fleetsim.usp.proto.UspRecord.Record r = parse(bytes);
      if (!r.hasNoSessionContext()) {
        continue;
      }
      try {
        Msg m = Msg.parseFrom(r.getNoSessionContext().getPayload());
        if (m.getBody().getRequest().getNotify().getEvent().getEventName().equals(event)) {
          return m;
        }
      } catch (com.google.protobuf.InvalidProtocolBufferException e) {
        throw new AssertionError(e);
      }
    }
    return null;
  }

  private static io.fleetsim.usp.proto.UspRecord.Record parse(byte[] bytes) {
    try {
      return io.fleetsim.usp.proto.UspRecord.Record.parseFrom(bytes);
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      throw new AssertionError(e);
    }
  }
}
