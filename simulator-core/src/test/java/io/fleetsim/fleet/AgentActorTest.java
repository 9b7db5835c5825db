package io.fleetsim.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsim.agent.AgentCore;
import io.fleetsim.agent.AgentEnvironment;
import io.fleetsim.metrics.FleetMetrics;
import io.fleetsim.mtp.Connector;
import io.fleetsim.mtp.MtpListener;
import io.fleetsim.mtp.MtpSession;
import io.fleetsim.mtp.Transports;
import io.fleetsim.testing.Await;
import io.fleetsim.testing.TestModels;
import io.fleetsim.usp.message.UspMessages;
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
        String eid,
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

    // a Record on the old, closed session is not this state's business: counted
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

  private static io.fleetsim.usp.proto.UspRecord.Record parse(byte[] bytes) {
    try {
      return io.fleetsim.usp.proto.UspRecord.Record.parseFrom(bytes);
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      throw new AssertionError(e);
    }
  }
}
