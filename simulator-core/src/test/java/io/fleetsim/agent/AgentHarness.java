package io.fleetsim.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.TextFormat;
import io.fleetsim.datamodel.DeviceModel;
import io.fleetsim.datamodel.ProfileLoader;
import io.fleetsim.datamodel.Schema;
import io.fleetsim.metrics.CountingAgentStats;
import io.fleetsim.usp.message.UspMessages;
import io.fleetsim.usp.proto.UspMsg.Header.MsgType;
import io.fleetsim.usp.proto.UspMsg.Msg;
import io.fleetsim.usp.proto.UspMsg.Request;
import io.fleetsim.usp.proto.UspRecord.Record;
import io.fleetsim.usp.record.RecordDropReason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One agent on the test profile with a manual clock and timer queue, driven the way a Controller
 * would drive it: requests in as Record bytes, responses and notifications read back as Msgs.
 */
final class AgentHarness {
  static final String CONTROLLER = "self::fleetsim-controller";
  static final long START = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();
  static final Schema TEST_PROFILE = ProfileLoader.loadResource("profiles/test-gateway.conf");

  final ManualClock clock = new ManualClock(START);
  final ManualTimers timers = new ManualTimers();
  final CountingAgentStats stats = new CountingAgentStats();
  final CapturingOutbox out = new CapturingOutbox();
  final AgentCore agent;
  private int nextId;

  AgentHarness(Schema schema, int index) {
    this(schema, index, FileTransfers.NONE);
  }

  /** An agent whose http(s) downloads go through {@code transfers}. */
  AgentHarness(Schema schema, int index, FileTransfers transfers) {
    DeviceModel device = new DeviceModel(schema, 42L, clock);
    this.agent = AgentCore.create(AgentEnvironment.of(device, timers, stats, transfers), index);
  }

  /** Agent 7 of the test profile, connected and booted; nothing captured yet. */
  static AgentHarness booted() {
    AgentHarness h = new AgentHarness(TEST_PROFILE, 7);
    h.agent.onConnected(h.out);
    h.out.sent.clear();
    h.out.lifecycle.clear();
    return h;
  }

  String eid() {
    return agent.endpointId();
  }

  /** Sends a request as the test Controller and returns the one response (or null when none). */
  Msg call(MsgType type, Request request) {
    String id = "m" + (++nextId);
    int before = out.sent.size();
    RecordDropReason dropped =
        agent.onRecord(recordBytes(UspMessages.request(id, type, request)), out);
    assertThat(dropped).as("request dropped").isNull();
    for (int i = before; i < out.sent.size(); i++) {
      Msg m = msg(out.sent.get(i).record());
      if (m.getHeader().getMsgId().equals(id)) {
        return m;
      }
    }
    return null;
  }

  /** As {@link #call(MsgType, Request)} with the request in protobuf text format. */
  Msg call(MsgType type, String requestText) {
    try {
      return call(type, TextFormat.parse(requestText, Request.class));
    } catch (TextFormat.ParseException e) {
      throw new AssertionError(e);
    }
  }

  /**
   * The value of one parameter, read with a Get as the Controller would (the path must resolve).
   */
  String value(String paramPath) {
    Msg resp =
        call(
            MsgType.GET,
            Request.newBuilder()
                .setGet(io.fleetsim.usp.proto.UspMsg.Get.newBuilder().addParamPaths(paramPath))
                .build());
    var result = resp.getBody().getResponse().getGetResp().getReqPathResults(0);
    assertThat(result.getErrCode()).as(paramPath).isZero();
    return result.getResolvedPathResults(0).getResultParamsMap().values().iterator().next();
  }

  /** The instances a GetInstances of {@code objPath} (first level) lists, as instance paths. */
  List<String> instances(String objPath) {
    return call(MsgType.GET_INSTANCES, "get_instances { obj_paths: '" + objPath + "' }")
        .getBody()
        .getResponse()
        .getGetInstancesResp()
        .getReqPathResults(0)
        .getCurrInstsList()
        .stream()
        .map(c -> c.getInstantiatedObjPath())
        .toList();
  }

  /** The msg_id the next {@link #call} will use. */
  String nextMsgId() {
    return "m" + (nextId + 1);
  }

  byte[] recordBytes(Msg msg) {
    return UspMessages.record("1.4", eid(), CONTROLLER, msg).toByteArray();
  }

  /** Every Notify the agent sent since the last {@link #clearSent()}. */
  List<Msg> notifications() {
    List<Msg> out = new ArrayList<>();
    for (CapturingOutbox.Sent s : this.out.sent) {
      Msg m = msg(s.record());
      if (m.getBody().hasRequest() && m.getBody().getRequest().hasNotify()) {
        out.add(m);
      }
    }
    return out;
  }

  void clearSent() {
    out.sent.clear();
  }

  /** Moves the clock to {@code millis} after START, firing due timers in order on the way. */
  void advanceTo(long millisAfterStart) {
    long target = START + millisAfterStart;
    ManualTimers.Scheduled next;
    while ((next = timers.pollDue(target)) != null) {
      clock.set(Math.max(clock.millis(), next.dueMillis()));
      agent.onTimer(next.timer(), out);
    }
    clock.set(target);
  }

  /** Moves the clock forward by {@code millis}, firing due timers. */
  void advance(long millis) {
    advanceTo(clock.millis() - START + millis);
  }

  /**
   * Moves the clock forward by {@code millis} as a fleet does: timers fire when due and the agent
   * gets a fleet tick every second (Periodic!, device-side changes, host churn).
   */
  void advanceTicking(long millis) {
    long end = clock.millis() - START + millis;
    while (clock.millis() - START < end) {
      long since = clock.millis();
      advanceTo(Math.min(end, since - START + 1_000));
      agent.onTick(since, clock.millis(), out);
    }
  }

  /**
   * Moves the clock forward by {@code millis} as a fleet that ticks only the due agents does: the
   * agent is ticked at the fleet's next whole second after each instant it asked for ({@link
   * AgentCore#onDueTick}), and after every other piece of work it may ask again ({@link
   * AgentCore#afterWork}).
   */
  void advanceDueTicking(long millis) {
    long end = clock.millis() + millis;
    agent.afterWork();
    while (true) {
      long asked = timers.nextTick();
      long tick =
          asked == Long.MAX_VALUE ? Long.MAX_VALUE : Math.floorDiv(asked + 999, 1000) * 1000;
      if (tick > end) {
        break;
      }
      advanceTo(tick - START);
      timers.ticked(tick);
      agent.onDueTick(tick, out);
    }
    advanceTo(end - START);
  }

  /** Reboots fully: waits out the reboot and reconnects, as a transport would. */
  void completeReboot() {
    advance(TEST_PROFILE.settings().rebootMillis());
    agent.onConnected(out);
  }

  static Msg msg(byte[] recordBytes) {
    try {
      Record r = Record.parseFrom(recordBytes);
      return Msg.parseFrom(r.getNoSessionContext().getPayload());
    } catch (InvalidProtocolBufferException e) {
      throw new AssertionError(e);
    }
  }

  static Record record(byte[] recordBytes) {
    try {
      return Record.parseFrom(recordBytes);
    } catch (InvalidProtocolBufferException e) {
      throw new AssertionError(e);
    }
  }

  /** Parses protobuf text format, e.g. an expected message written out in a test. */
  static Msg text(String textFormat) {
    try {
      return TextFormat.parse(textFormat, Msg.class);
    } catch (TextFormat.ParseException e) {
      throw new AssertionError(e);
    }
  }

  /** Asserts the whole message equals the text-format expectation (maps compare as maps). */
  static void assertMsg(Msg actual, String expectedTextFormat) {
    assertThat(actual).as("exact response").isNotNull();
    Msg expected = text(expectedTextFormat);
    assertThat(TextFormat.printer().printToString(actual))
        .isEqualTo(TextFormat.printer().printToString(normalize(actual, expected)));
  }

  /** Protobuf map order is insertion order; compare maps as maps by reordering the expectation. */
  private static Msg normalize(Msg actual, Msg expected) {
    return actual.equals(expected) ? actual : expected;
  }
}
