package io.fleetsim.mtp.stomp;

import io.fleetsim.identity.Credentials;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.stomp.DefaultStompFrame;
import io.netty.handler.codec.stomp.StompCommand;
import io.netty.handler.codec.stomp.StompFrame;
import io.netty.handler.codec.stomp.StompHeaders;
import io.netty.util.AsciiString;
import java.nio.charset.StandardCharsets;

/**
 * The frames a USP endpoint sends over STOMP 1.2 (TR-369 STOMP binding), and the heart-beat
 * arithmetic of STOMP 1.2 "Heart-beating". Stateless. Header values are escaped by Netty's encoder
 * for every command but CONNECT and CONNECTED, so the {@code endpoint-id} of the STOMP frame goes
 * out with each {@code :} as {@code \c} (R-STOMP.4).
 */
public final class StompFrames {
  /** TR-369: the content type of a USP Record in SEND and MESSAGE frames. */
  public static final String CONTENT_TYPE = "application/vnd.bbf.usp.msg";

  static final AsciiString ENDPOINT_ID = AsciiString.cached("endpoint-id");
  static final AsciiString REPLY_TO_DEST = AsciiString.cached("reply-to-dest");
  static final AsciiString SUBSCRIBE_DEST = AsciiString.cached("subscribe-dest");
  static final AsciiString REDELIVERED = AsciiString.cached("redelivered");

  /** The SUBSCRIBE's id and receipt: one subscription per connection. */
  static final String SUBSCRIPTION_ID = "usp-0";

  static final String SUBSCRIBE_RECEIPT = "usp-subscribed";

  static final String DISCONNECT_RECEIPT = "usp-disconnected";

  /** A heart-beat is one end-of-line (STOMP 1.2), shared: the encoder passes a ByteBuf through. */
  private static final ByteBuf EOL =
      Unpooled.unreleasableBuffer(Unpooled.directBuffer(1).writeByte('\n').asReadOnly());

  private StompFrames() {}

  /**
   * The STOMP frame that opens a connection: STOMP, not CONNECT (TR-369 STOMP binding, TP-469
   * 6.2/6.4), with accept-version 1.2, host (the virtual host), login and passcode when set,
   * endpoint-id (R-STOMP.4) and heart-beat (0,0 when disabled).
   */
  public static StompFrame connect(StompConfig c, String eid) {
    return connect(c, eid, null);
  }

  /**
   * The same with this device's own login and passcode (per-device logins), which replace the run's
   * when given.
   */
  public static StompFrame connect(StompConfig c, String eid, Credentials login) {
    StompFrame f = new DefaultStompFrame(StompCommand.STOMP);
    StompHeaders h = f.headers();
    h.set(StompHeaders.ACCEPT_VERSION, "1.2");
    h.set(StompHeaders.HOST, c.virtualHost());
    String user = login != null ? login.username() : c.login();
    String pass = login != null ? login.password() : c.passcode();
    if (user != null) {
      h.set(StompHeaders.LOGIN, user);
    }
    if (pass != null) {
      h.set(StompHeaders.PASSCODE, pass);
    }
    h.set(ENDPOINT_ID, eid);
    h.set(StompHeaders.HEART_BEAT, c.outgoingHeartbeatMillis() + "," + c.incomingHeartbeatMillis());
    return f;
  }

  /**
   * SUBSCRIBE to the own destination with ack:auto (TR-369 STOMP binding), asking for a RECEIPT:
   * the session is up once the broker confirms, so nothing sent to us before the subscription is
   * lost.
   */
  public static StompFrame subscribe(String destination) {
    StompFrame f = new DefaultStompFrame(StompCommand.SUBSCRIBE);
    f.headers()
        .set(StompHeaders.ID, SUBSCRIPTION_ID)
        .set(StompHeaders.DESTINATION, destination)
        .set(StompHeaders.ACK, "auto")
        .set(StompHeaders.RECEIPT, SUBSCRIBE_RECEIPT);
    return f;
  }

  /** UNSUBSCRIBE of the one subscription, before a SUBSCRIBE elsewhere (TP-469 6.10). */
  public static StompFrame unsubscribe() {
    StompFrame f = new DefaultStompFrame(StompCommand.UNSUBSCRIBE);
    f.headers().set(StompHeaders.ID, SUBSCRIPTION_ID);
    return f;
  }

  /**
   * SEND of one USP Record to {@code destination}: content-length, the USP content-type and the
   * reply-to-dest where the sender is reached (TR-369 STOMP binding, TP-469 6.4).
   */
  public static StompFrame send(String destination, String replyTo, byte[] record) {
    StompFrame f = new DefaultStompFrame(StompCommand.SEND, Unpooled.wrappedBuffer(record));
    f.headers()
        .set(StompHeaders.DESTINATION, destination)
        .setInt(StompHeaders.CONTENT_LENGTH, record.length)
        .set(StompHeaders.CONTENT_TYPE, CONTENT_TYPE)
        .set(REPLY_TO_DEST, replyTo);
    return f;
  }

  /**
   * DISCONNECT asking for a RECEIPT: the graceful close of STOMP 1.2 ("Connecting", DISCONNECT),
   * after which the broker has handled every frame before it. Artemis acknowledges an ack:auto
   * delivery in a task after the send; a socket closed at once can beat that task, and the last
   * message (the Reboot() that made the agent close) then comes back to the next session,
   * redelivered (seen as AMQ229028 "Consumer doesn't exist" and an agent rebooting twice).
   */
  public static StompFrame disconnect() {
    StompFrame f = new DefaultStompFrame(StompCommand.DISCONNECT);
    f.headers().set(StompHeaders.RECEIPT, DISCONNECT_RECEIPT);
    return f;
  }

  /** One heart-beat (a fresh view of the shared end-of-line). */
  static ByteBuf heartbeat() {
    return EOL.duplicate();
  }

  /**
   * How often this side must send a heart-beat, in ms: never when it offers none or the broker
   * wants none, else the larger of the two (STOMP 1.2 "Heart-beating").
   */
  public static long sendEveryMillis(long ownOutgoing, String brokerHeartBeat) {
    long brokerWants = part(brokerHeartBeat, 1);
    return ownOutgoing == 0 || brokerWants == 0 ? 0 : Math.max(ownOutgoing, brokerWants);
  }

  /** How often the broker will send heart-beats, in ms, 0 for never (STOMP 1.2). */
  public static long expectEveryMillis(long ownIncoming, String brokerHeartBeat) {
    long brokerSends = part(brokerHeartBeat, 0);
    return ownIncoming == 0 || brokerSends == 0 ? 0 : Math.max(ownIncoming, brokerSends);
  }

  /** The {@code at}th number of a {@code heart-beat:x,y} header; 0 when absent or malformed. */
  private static long part(String heartBeat, int at) {
    if (heartBeat == null) {
      return 0;
    }
    String[] xy = heartBeat.split(",", -1);
    if (xy.length != 2) {
      return 0;
    }
    try {
      return Math.max(0, Long.parseLong(xy[at].trim()));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /**
   * {@code pattern} with {@code {eid}} replaced by the endpoint ID, its {@code :}, {@code /},
   * {@code %} and blanks percent-encoded: Artemis reads {@code ::} in a destination as a fully
   * qualified queue name and RabbitMQ reads {@code /} as a separator, so the raw EID ({@code
   * os::…}) would name the wrong queue on one and be refused by the other.
   */
  public static String destination(String pattern, String eid) {
    if (!pattern.contains("{eid}")) {
      return pattern;
    }
    StringBuilder b = new StringBuilder(eid.length() + 8);
    for (byte x : eid.getBytes(StandardCharsets.UTF_8)) {
      int c = x & 0xff;
      if (c == ':' || c == '/' || c == '%' || c <= ' ' || c >= 0x7f) {
        b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
        b.append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
      } else {
        b.append((char) c);
      }
    }
    return pattern.replace("{eid}", b);
  }
}
