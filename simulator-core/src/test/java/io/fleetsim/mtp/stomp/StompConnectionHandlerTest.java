package io.fleetsim.mtp.stomp;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsim.mtp.ConnectFailure;
import io.fleetsim.mtp.MtpEvents;
import io.fleetsim.mtp.MtpListener;
import io.fleetsim.mtp.MtpSession;
import io.fleetsim.usp.proto.UspRecord.Record;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.stomp.StompSubframeAggregator;
import io.netty.handler.codec.stomp.StompSubframeDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * TP-469 section 6 (STOMP) cases that apply to an Agent, on an EmbeddedChannel with Netty's STOMP
 * codec: the broker's frames go in as bytes and the agent's frames come out as bytes, so each case
 * checks what is on the wire.
 */
class StompConnectionHandlerTest {
  static final String EID = "os::00D09E-FSIM00000000";
  private static final String CONTROLLER = "self::ctl";

  private final List<byte[]> records = new ArrayList<>();
  private final List<String> routes = new ArrayList<>();
  private final List<String> events = new ArrayList<>();
  private final MtpEvents transportEvents = new MtpEvents();
  private MtpSession session;
  private ConnectFailure failure;
  private String failureDetail;

  private StompConnectionHandler handler;

  /** What the agent says it was configured to be reached at (null: the connector's own). */
  private String configuredAddress;

  EmbeddedChannel channel(StompConfig config) {
    EmbeddedChannel ch = new EmbeddedChannel(false, false);
    handler =
        new StompConnectionHandler(
            config,
            EID,
            CONTROLLER,
            new MtpListener() {
              @Override
              public void onConnected(MtpSession s) {
                session = s;
                events.add("connected");
              }

              @Override
              public boolean onRecord(MtpSession s, byte[] record) {
                records.add(record);
                routes.add(s.address());
                s.send(new byte[] {9}); // answered at once, at the route it came with
                return true;
              }

              @Override
              public void onDisconnected(MtpSession s, String cause) {
                events.add("disconnected: " + cause);
              }

              @Override
              public void onConnectFailed(MtpSession s, ConnectFailure f, String detail) {
                failure = f;
                failureDetail = detail;
                events.add("failed");
              }

              @Override
              public String ownAddress() {
                return configuredAddress;
              }
            },
            transportEvents,
            new StompHeartbeats(config));
    ch.pipeline()
        .addLast(StompClient.DECODER, new StompSubframeDecoder(config.maxLineBytes(), 8192, true))
        .addLast(BadFrameGuard.INSTANCE)
        .addLast(new StompSubframeAggregator(config.maxFrameBytes()))
        .addLast(SharedStompEncoder.INSTANCE)
        .addLast(handler);
    try {
      ch.register();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return ch;
  }

  static StompConfig config() {
    return StompConfig.agents("127.0.0.1", 61613, 1 << 16);
  }

  /** Everything the agent wrote so far, as text. */
  static String written(EmbeddedChannel ch) {
    StringBuilder b = new StringBuilder();
    for (ByteBuf out; (out = ch.readOutbound()) != null; ) {
      b.append(out.toString(StandardCharsets.ISO_8859_1));
      out.release();
    }
    return b.toString();
  }

  static void brokerSends(EmbeddedChannel ch, String frame) {
    ch.writeInbound(Unpooled.copiedBuffer(frame, StandardCharsets.ISO_8859_1));
  }

  static void brokerSends(EmbeddedChannel ch, String headers, byte[] body) {
    ByteBuf b = Unpooled.buffer();
    b.writeCharSequence(headers, StandardCharsets.ISO_8859_1);
    b.writeBytes(body).writeByte(0);
    ch.writeInbound(b);
  }

  /** Up to the session: CONNECTED (with {@code extra} headers), then the SUBSCRIBE's RECEIPT. */
  static String handshake(EmbeddedChannel ch, String extra) {
    brokerSends(ch, "CONNECTED\nversion:1.2\n" + extra + "\n\0");
    String subscribe = written(ch);
    brokerSends(ch, "RECEIPT\nreceipt-id:usp-subscribed\n\n\0");
    return subscribe;
  }

  @Test
  void tp469_6_2_and_6_4_connect_isAStompFrame_withTheEscapedEndpointIdAndHeartBeats() {
    EmbeddedChannel ch = channel(config());
    String connect = written(ch);
    assertThat(connect).startsWith("STOMP\n").endsWith("\n\n\0");
    assertThat(connect.split("\n"))
        .contains(
            "accept-version:1.2",
            "host:/",
            "endpoint-id:os\\c\\c00D09E-FSIM00000000", // R-STOMP.4: each ':' as \c
            "heart-beat:30000,30000")
        .noneMatch(l -> l.startsWith("login:") || l.startsWith("passcode:"));
  }

  @Test
  void connect_carriesLoginAndPasscode_andHeartBeatsOff() {
    StompConfig off = config().withConnect("lab", "agent", "secret").withHeartbeats(0);
    assertThat(written(channel(off)).split("\n"))
        .contains("host:lab", "login:agent", "passcode:secret", "heart-beat:0,0");
  }

  @Test
  void tp469_6_6_withoutSubscribeDest_subscribesToItsOwnDestination_thenIsUp() {
    EmbeddedChannel ch = channel(config());
    written(ch);
    String subscribe = handshake(ch, "");
    assertThat(subscribe).startsWith("SUBSCRIBE\n");
    assertThat(subscribe.split("\n"))
        .contains(
            "id:usp-0",
            "destination:/queue/usp.agent.os%3A%3A00D09E-FSIM00000000",
            "ack:auto",
            "receipt:usp-subscribed");
    assertThat(events).containsExactly("connected");
    assertThat(session.addressFromServer()).isEmpty();
  }

  @Test
  void tp469_6_5_and_6_12_subscribeDest_isSubscribed_andTheConnectRecordNamesIt() throws Exception {
    EmbeddedChannel ch = channel(config());
    written(ch);
    String subscribe = handshake(ch, "subscribe-dest:/queue/given-by-broker\n");
    assertThat(subscribe.split("\n")).contains("destination:/queue/given-by-broker");
    Record r = Record.parseFrom(session.connectRecord(CONTROLLER, EID));
    assertThat(r.getStompConnect().getSubscribedDestination()).isEqualTo("/queue/given-by-broker");
    assertThat(r.getStompConnect().getVersion().getNumber()).isZero(); // V1_2
    assertThat(session.addressFromServer()).isEqualTo("/queue/given-by-broker");

    // and each SEND says where to answer: the broker's destination
    session.send(new byte[] {1, 2});
    String send = written(ch);
    assertThat(send.split("\n"))
        .contains(
            "destination:/queue/usp.controller",
            "content-length:2",
            "content-type:application/vnd.bbf.usp.msg",
            "reply-to-dest:/queue/given-by-broker");
  }

  @Test
  void aMessage_isARecord_answeredAtItsReplyToDest_orElseAtTheControllerDestination() {
    EmbeddedChannel ch = channel(config());
    written(ch);
    handshake(ch, "");
    byte[] body = {0, 1, 0, 2}; // NULs inside: content-length frames them
    brokerSends(
        ch,
        "MESSAGE\nsubscription:usp-0\nmessage-id:1\ndestination:/queue/a\ncontent-length:4\n"
            + "reply-to-dest:/queue/ctl-reply\n\n",
        body);
    brokerSends(
        ch,
        "MESSAGE\nsubscription:usp-0\nmessage-id:2\ndestination:/queue/a\ncontent-length:4\n\n",
        body);
    assertThat(records).hasSize(2).allSatisfy(r -> assertThat(r).containsExactly(body));
    assertThat(routes).containsExactly("/queue/ctl-reply", "/queue/usp.controller");
    String answers = written(ch);
    assertThat(answers).contains("destination:/queue/ctl-reply\n");
    assertThat(answers).contains("destination:/queue/usp.controller\n");
    // TP-469 6.4: never ACK, NACK or a transaction
    assertThat(answers).doesNotContain("ACK\n", "NACK\n", "BEGIN\n", "COMMIT\n", "ABORT\n");
  }

  @Test
  void anErrorFrame_beforeTheSession_failsTheConnectWithItsMessage() {
    EmbeddedChannel ch = channel(config());
    written(ch);
    brokerSends(ch, "ERROR\nmessage:Virtual host '127.0.0.1' access denied\n\n\0");
    assertThat(ch.isOpen()).isFalse();
    assertThat(failure).isEqualTo(ConnectFailure.STOMP_ERROR);
    assertThat(failureDetail).contains("access denied");
    assertThat(transportEvents.counts()).containsEntry("client: STOMP ERROR frame (closed)", 1L);
  }

  @Test
  void anErrorFrame_inSession_endsIt_soTheAgentRetries() {
    EmbeddedChannel ch = channel(config());
    written(ch);
    handshake(ch, "");
    brokerSends(ch, "ERROR\nmessage:queue deleted\n\n\0");
    assertThat(ch.isOpen()).isFalse();
    assertThat(events).containsExactly("connected", "disconnected: ERROR frame: queue deleted");
  }

  @Test
  void tp469_6_7_noDestinationAtAll_disconnectsAndFails_soTheAgentRetries() {
    EmbeddedChannel ch = channel(config().withOwnDestination("").withHeartbeats(0));
    written(ch);
    brokerSends(ch, "CONNECTED\nversion:1.2\n\n\0");
    assertThat(written(ch)).startsWith("DISCONNECT\n").doesNotContain("SUBSCRIBE");
    assertThat(ch.isOpen()).isFalse();
    assertThat(failure).isEqualTo(ConnectFailure.STOMP_ERROR);
    assertThat(failureDetail).contains("no destination");
  }

  @Test
  void aBrokerOnAnotherVersion_isRefused() {
    EmbeddedChannel ch = channel(config());
    written(ch);
    brokerSends(ch, "CONNECTED\nversion:1.1\n\n\0");
    assertThat(ch.isOpen()).isFalse();
    assertThat(failure).isEqualTo(ConnectFailure.STOMP_ERROR);
    assertThat(failureDetail).contains("STOMP 1.1");
  }

  @Test
  void aFrameOverTheLimit_isDroppedAndCounted_andTheNextOneArrives() {
    EmbeddedChannel ch = channel(config().withMaxFrameBytes(100).withHeartbeats(0));
    written(ch);
    handshake(ch, "");
    String headers = "MESSAGE\nsubscription:usp-0\nmessage-id:1\ndestination:/queue/a\n";
    brokerSends(ch, headers + "content-length:5000\n\n", new byte[5000]);
    brokerSends(ch, headers + "content-length:3\n\n", new byte[] {7, 7, 7});
    assertThat(ch.isOpen()).isTrue();
    assertThat(records).singleElement().satisfies(r -> assertThat(r).containsExactly(7, 7, 7));
    assertThat(transportEvents.counts())
        .containsEntry("client: STOMP frame over 100 bytes (dropped)", 1L);
  }

  @Test
  void tp469_6_9_aClientFrameIsCounted_anUndecodableFrameClosesTheConnection() {
    EmbeddedChannel ch = channel(config());
    written(ch);
    handshake(ch, "");
    brokerSends(ch, "SEND\ndestination:/queue/x\n\n\0"); // well framed, not for a client: skipped
    assertThat(ch.isOpen()).isTrue();
    assertThat(transportEvents.counts()).containsEntry("client: unexpected STOMP SEND", 1L);
    // a header line without a colon: Netty's decoder discards all after it, so reconnect
    brokerSends(ch, "MESSAGE\nno colon here\n\n\0");
    assertThat(ch.isOpen()).isFalse();
    assertThat(transportEvents.counts())
        .containsEntry("client: undecodable STOMP frame (closed)", 1L);
    assertThat(events).hasSize(2).last().asString().startsWith("disconnected: undecodable");
  }

  @Test
  void tp469_6_8_heartBeats_aQuietConnectionBeats_aSilentBrokerIsLeft() {
    EmbeddedChannel ch = channel(config()); // 30 s both ways offered
    written(ch);
    handshake(ch, "heart-beat:10000,20000\n"); // the broker sends every 10 s, wants ours every 20 s
    long t0 = System.nanoTime();
    long s = 1_000_000_000L;
    assertThat(handler.heartbeat(t0 + 29 * s)).isTrue();
    assertThat(written(ch)).isEmpty(); // we send every max(30, 20) = 30 s
    assertThat(handler.heartbeat(t0 + 31 * s)).isTrue();
    assertThat(written(ch)).isEqualTo("\n");
    // it expects one every max(30, 10) = 30 s and leaves the broker after twice that in silence
    assertThat(handler.heartbeat(t0 + 59 * s)).isTrue();
    assertThat(handler.heartbeat(t0 + 61 * s)).isFalse();
    assertThat(ch.isOpen()).isFalse();
    assertThat(events).last().isEqualTo("disconnected: no heart-beat from the broker");
    assertThat(transportEvents.counts())
        .containsEntry("client: broker heart-beats stopped (closed)", 1L);
  }

  @Test
  void heartBeats_anythingReadOrSentCounts() {
    EmbeddedChannel ch = channel(config());
    written(ch);
    handshake(ch, "heart-beat:30000,30000\n");
    long s = 1_000_000_000L;
    session.send(new byte[] {1}); // a SEND just now: no heart-beat owed
    brokerSends(ch, "\n"); // a broker heart-beat, swallowed by the decoder, is a read
    written(ch);
    assertThat(handler.heartbeat(System.nanoTime() + 29 * s)).isTrue();
    assertThat(written(ch)).isEmpty();
    assertThat(ch.isOpen()).isTrue();
  }

  @Test
  void tp469_6_10_aNewDestination_isUnsubscribedAndSubscribed_andAnswersSayIt() {
    EmbeddedChannel ch = channel(config());
    written(ch);
    handshake(ch, "");
    session.resubscribe("/queue/moved");
    ch.runPendingTasks();
    String moved = written(ch);
    assertThat(moved).startsWith("UNSUBSCRIBE\nid:usp-0\n");
    assertThat(moved).contains("SUBSCRIBE\n").contains("destination:/queue/moved\n");
    session.send(new byte[] {1});
    assertThat(written(ch)).contains("reply-to-dest:/queue/moved\n");
    assertThat(session.addressFromServer()).isEmpty();
  }

  @Test
  void tp469_6_10_aBrokersDestination_staysWhateverIsSet() {
    EmbeddedChannel ch = channel(config());
    written(ch);
    handshake(ch, "subscribe-dest:/queue/given\n");
    session.resubscribe("/queue/moved");
    ch.runPendingTasks();
    assertThat(written(ch)).isEmpty();
  }

  @Test
  void aDestinationTheControllerSet_isTheOneSubscribedOnTheNextConnect() {
    configuredAddress = "/queue/set-by-controller";
    EmbeddedChannel ch = channel(config());
    written(ch);
    assertThat(handshake(ch, "").split("\n")).contains("destination:/queue/set-by-controller");
  }

  @Test
  void close_isAGracefulDisconnect_butACutLinkGoesWithoutAWord() {
    EmbeddedChannel ch = channel(config());
    written(ch);
    handshake(ch, "");
    session.close(1000, "bye");
    String disconnect = written(ch);
    assertThat(disconnect).startsWith("DISCONNECT\n").contains("\nreceipt:usp-disconnected\n");
    assertThat(ch.isOpen()).as("open until the broker confirms").isTrue();
    brokerSends(ch, "RECEIPT\nreceipt-id:usp-disconnected\n\n\0");
    assertThat(ch.isOpen()).isFalse();

    EmbeddedChannel cut = channel(config());
    written(cut);
    handshake(cut, "");
    session.close(1006, "link dropped");
    assertThat(written(cut)).isEmpty();
    assertThat(cut.isOpen()).isFalse();
  }
}
