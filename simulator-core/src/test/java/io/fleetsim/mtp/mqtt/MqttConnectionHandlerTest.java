package io.fleetsim.mtp.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsim.mtp.MtpEvents;
import io.fleetsim.mtp.MtpSession;
import io.fleetsim.testing.Listener;
import io.fleetsim.usp.proto.UspRecord.Record;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.mqtt.MqttConnAckMessage;
import io.netty.handler.codec.mqtt.MqttConnectMessage;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttFixedHeader;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttProperties.MqttPropertyType;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttSubscribeMessage;
import io.netty.handler.codec.mqtt.MqttVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * TP-469 section 11 (MQTT) cases that apply to an Agent, on an EmbeddedChannel: the handler sees
 * decoded MQTT packets in and writes MQTT packets out, so each case checks the packets themselves.
 */
class MqttConnectionHandlerTest {
  private static final String EID = "os::00D09E-FSIM00000000";
  private static final String CONTROLLER = "self::ctl";
  private static final byte[] RESPONSE = {1, 2, 3};

  private final List<byte[]> records = new ArrayList<>();
  private final List<String> events = new ArrayList<>();
  private final MtpEvents transportEvents = new MtpEvents();
  private final List<String> causes = new ArrayList<>();
  private MtpSession session;
  private MtpSession lastRoute;

  private EmbeddedChannel channel(boolean v5) {
    MqttConfig config = MqttConfig.agents("127.0.0.1", 1883, v5);
    return new EmbeddedChannel(
        new MqttConnectionHandler(
            config,
            EID,
            CONTROLLER,
            Listener.IGNORE
                .whenConnected(
                    s -> {
                      session = s;
                      events.add("connected");
                    })
                .whenRecord(
                    (s, record) -> {
                      records.add(record);
                      lastRoute = s;
                      s.send(RESPONSE); // answered inside the request
                      return true;
                    })
                .whenDisconnected(
                    (s, cause) -> {
                      events.add("disconnected");
                      causes.add(cause);
                    }),
            transportEvents));
  }

  @Test
  void tp469_11_2_connect_v5_carriesEndpointIdAndRequestResponseInformation() {
    EmbeddedChannel ch = channel(true);
    MqttConnectMessage connect = ch.readOutbound();
    assertThat(connect.payload().clientIdentifier()).isEqualTo(EID); // 11.5: the same every time
    assertThat(connect.variableHeader().version()).isEqualTo(MqttVersion.MQTT_5.protocolLevel());
    assertThat(connect.variableHeader().keepAliveTimeSeconds()).isEqualTo(60);
    MqttProperties props = connect.variableHeader().properties();
    assertThat(props.getProperties(MqttPropertyType.USER_PROPERTY.value()))
        .singleElement()
        .isEqualTo(new MqttProperties.UserProperty("usp-endpoint-id", EID));
    assertThat(props.getProperty(MqttPropertyType.REQUEST_RESPONSE_INFORMATION.value()).value())
        .isEqualTo(1);
  }

  @Test
  void tp469_11_2_connect_v311_usesTheEndpointIdAsClientId() {
    EmbeddedChannel ch = channel(false);
    MqttConnectMessage connect = ch.readOutbound();
    assertThat(connect.payload().clientIdentifier()).isEqualTo(EID);
    assertThat(connect.variableHeader().version())
        .isEqualTo(MqttVersion.MQTT_3_1_1.protocolLevel());
  }

  @Test
  void tp469_11_8_subscribesToItsOwnTopic_afterConnAck_thenTheSessionIsUp() {
    EmbeddedChannel ch = channel(true);
    ch.readOutbound();
    ch.writeInbound(connAck(MqttConnectReturnCode.CONNECTION_ACCEPTED, null));
    MqttSubscribeMessage sub = ch.readOutbound();
    assertThat(sub.payload().topicSubscriptions())
        .singleElement()
        .satisfies(t -> assertThat(t.topicFilter()).isEqualTo("/usp/agent/" + EID));
    assertThat(events).isEmpty(); // nothing is published before SUBACK
    ch.writeInbound(subAck(MqttQoS.AT_MOST_ONCE));
    assertThat(events).containsExactly("connected");
  }

  @Test
  void aSecondSubAck_isNotASecondSession() {
    EmbeddedChannel ch = up(true);
    ch.writeInbound(subAck(MqttQoS.AT_MOST_ONCE));
    assertThat(events).containsExactly("connected");
    assertThat(ch.isActive()).isTrue();
  }

  @Test
  void aBrokerThatNeverAnswersConnect_isLeftAfterTheHandshakeTimeout() {
    EmbeddedChannel ch = channel(true);
    ch.freezeTime();
    ch.readOutbound(); // CONNECT, and no CONNACK ever
    ch.advanceTimeBy(MqttConnectionHandler.HANDSHAKE_SECONDS - 1, TimeUnit.SECONDS);
    ch.runScheduledPendingTasks();
    assertThat(ch.isActive()).isTrue();
    ch.advanceTimeBy(1, TimeUnit.SECONDS);
    ch.runScheduledPendingTasks();
    assertThat(ch.isActive()).isFalse();
    assertThat(causes).singleElement().asString().contains("no CONNACK and SUBACK within 10 s");
  }

  @Test
  void aBrokerThatStopsAnsweringPingreq_isLeft_afterOneAndAHalfKeepAlive() {
    EmbeddedChannel ch = channel(true);
    ch.freezeTime();
    ch.readOutbound();
    ch.writeInbound(connAck(MqttConnectReturnCode.CONNECTION_ACCEPTED, null));
    ch.readOutbound();
    ch.writeInbound(subAck(MqttQoS.AT_MOST_ONCE));
    ch.advanceTimeBy(45, TimeUnit.SECONDS); // Keep Alive 60: a PINGREQ every 45 s
    ch.runScheduledPendingTasks();
    assertThat(((MqttMessage) ch.readOutbound()).fixedHeader().messageType())
        .isEqualTo(MqttMessageType.PINGREQ);
    ch.writeInbound(
        new MqttMessage(
            new MqttFixedHeader(MqttMessageType.PINGRESP, false, MqttQoS.AT_MOST_ONCE, false, 0)));
    for (int i = 0; i < 2; i++) { // 45 and 90 s since the PINGRESP: still within 1.5 x 60 s
      ch.advanceTimeBy(45, TimeUnit.SECONDS);
      ch.runScheduledPendingTasks();
      assertThat(ch.isActive()).isTrue();
    }
    ch.advanceTimeBy(45, TimeUnit.SECONDS);
    ch.runScheduledPendingTasks();
    assertThat(ch.isActive()).as("135 s without a word from the broker").isFalse();
    assertThat(events).containsExactly("connected", "disconnected");
    assertThat(causes).containsExactly("no PINGRESP from the broker");
    assertThat(transportEvents.counts())
        .containsEntry("client: broker silent for 1.5 x Keep Alive (closed)", 1L);
  }

  @Test
  void tp469_11_8_v311_subscribesToTheReplyToWildcard() {
    EmbeddedChannel ch = channel(false);
    ch.readOutbound();
    ch.writeInbound(connAck(MqttConnectReturnCode.CONNECTION_ACCEPTED, null));
    MqttSubscribeMessage sub = ch.readOutbound();
    assertThat(sub.payload().topicSubscriptions().get(0).topicFilter())
        .isEqualTo("/usp/agent/" + EID + "/#");
  }

  @Test
  void rMqtt21_theBrokersResponseInformation_becomesTheReplyToTopic() {
    EmbeddedChannel ch = channel(true);
    ch.readOutbound();
    ch.writeInbound(connAck(MqttConnectReturnCode.CONNECTION_ACCEPTED, "/broker/given/topic"));
    MqttSubscribeMessage sub = ch.readOutbound();
    assertThat(sub.payload().topicSubscriptions().get(0).topicFilter())
        .isEqualTo("/broker/given/topic");
    ch.writeInbound(subAck(MqttQoS.AT_MOST_ONCE));
    Record r;
    try {
      r = Record.parseFrom(session.connectRecord(CONTROLLER, EID));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    assertThat(r.getMqttConnect().getSubscribedTopic()).isEqualTo("/broker/given/topic");
  }

  @Test
  void tp469_11_11_everySubscriptionFailing_disconnectsWithoutPublishing() {
    EmbeddedChannel ch = channel(true);
    ch.readOutbound();
    ch.writeInbound(connAck(MqttConnectReturnCode.CONNECTION_ACCEPTED, null));
    ch.readOutbound();
    ch.writeInbound(subAck(MqttQoS.FAILURE));
    assertThat(events).containsExactly("disconnected");
    assertThat(ch.isActive()).isFalse();
    assertThat((Object) ch.readOutbound()).isNull();
  }

  @Test
  void refusedConnAck_closes_withoutASession() {
    EmbeddedChannel ch = channel(true);
    ch.readOutbound();
    ch.writeInbound(connAck(MqttConnectReturnCode.CONNECTION_REFUSED_NOT_AUTHORIZED_5, null));
    assertThat(ch.isActive()).isFalse();
    assertThat(events).containsExactly("disconnected");
  }

  @Test
  void tp469_11_12_to_11_15_v5_answersOnTheResponseTopic_withContentTypeAndQos0() {
    EmbeddedChannel ch = up(true);
    MqttProperties props = new MqttProperties();
    props.add(
        new MqttProperties.StringProperty(
            MqttPropertyType.RESPONSE_TOPIC.value(), "/usp/controller/replies"));
    ch.writeInbound(publish("/usp/agent/" + EID, props, new byte[] {9}));
    assertThat(records).singleElement().satisfies(b -> assertThat(b).containsExactly(9));
    MqttPublishMessage out = ch.readOutbound();
    assertThat(out.variableHeader().topicName()).isEqualTo("/usp/controller/replies");
    assertThat(out.fixedHeader().qosLevel()).isEqualTo(MqttQoS.AT_MOST_ONCE);
    assertThat(out.fixedHeader().isRetain()).isFalse();
    MqttProperties outProps = out.variableHeader().properties();
    assertThat(outProps.getProperty(MqttPropertyType.CONTENT_TYPE.value()).value())
        .isEqualTo("usp.msg");
    assertThat(outProps.getProperty(MqttPropertyType.RESPONSE_TOPIC.value()).value())
        .isEqualTo("/usp/agent/" + EID);
    assertThat(ByteBufUtil.getBytes(out.payload())).containsExactly(RESPONSE);
    out.release();
  }

  @Test
  void theRouteHandedWithARecord_answersOnItsResponseTopic_evenAfterOnRecordReturned() {
    // the agent actor answers later, on its own thread: the reply-to must travel with the route
    EmbeddedChannel ch = up(true);
    MqttProperties props = new MqttProperties();
    props.add(
        new MqttProperties.StringProperty(
            MqttPropertyType.RESPONSE_TOPIC.value(), "/usp/other-controller"));
    ch.writeInbound(publish("/usp/agent/" + EID, props, new byte[] {9}));
    ((MqttPublishMessage) ch.readOutbound()).release(); // the answer given inside onRecord
    assertThat(lastRoute.connection()).isSameAs(session);
    assertThat(lastRoute.send(new byte[] {7})).isTrue();
    session.send(new byte[] {8}); // a Notify: to the Controller topic of the data model
    MqttPublishMessage late = ch.readOutbound();
    MqttPublishMessage notify = ch.readOutbound();
    assertThat(late.variableHeader().topicName()).isEqualTo("/usp/other-controller");
    assertThat(notify.variableHeader().topicName()).isEqualTo("/usp/controller");
    late.release();
    notify.release();
  }

  @Test
  void v5_withoutAResponseTopic_answersOnTheControllerTopicOfTheDataModel() {
    EmbeddedChannel ch = up(true);
    ch.writeInbound(publish("/usp/agent/" + EID, new MqttProperties(), new byte[] {9}));
    MqttPublishMessage out = ch.readOutbound();
    assertThat(out.variableHeader().topicName()).isEqualTo("/usp/controller");
    out.release();
  }

  @Test
  void tp469_11_14_v311_readsAndWritesTheReplyToSuffix() {
    EmbeddedChannel ch = up(false);
    ch.writeInbound(
        publish(
            "/usp/agent/" + EID + "/reply-to=usp%2Fcontrollers%2Fctl-1",
            new MqttProperties(),
            new byte[] {9}));
    MqttPublishMessage out = ch.readOutbound();
    assertThat(out.variableHeader().topicName())
        .isEqualTo("usp/controllers/ctl-1/reply-to=%2Fusp%2Fagent%2F" + EID);
    out.release();
  }

  @Test
  void tp469_11_7_sendsAPingReqWithin45sOfAKeepAliveOf60() {
    EmbeddedChannel ch = up(true);
    ch.advanceTimeBy(45, TimeUnit.SECONDS);
    ch.runScheduledPendingTasks();
    MqttMessage ping = ch.readOutbound();
    assertThat(ping.fixedHeader().messageType()).isEqualTo(MqttMessageType.PINGREQ);
  }

  @Test
  void closingTheSession_sendsDisconnect() {
    EmbeddedChannel ch = up(true);
    session.close(1000, "stop");
    MqttMessage disconnect = ch.readOutbound();
    assertThat(disconnect.fixedHeader().messageType()).isEqualTo(MqttMessageType.DISCONNECT);
    assertThat(ch.isActive()).isFalse();
  }

  /** A channel past CONNACK and SUBACK with the CONNECT and SUBSCRIBE read off. */
  private EmbeddedChannel up(boolean v5) {
    EmbeddedChannel ch = channel(v5);
    ch.readOutbound();
    ch.writeInbound(connAck(MqttConnectReturnCode.CONNECTION_ACCEPTED, null));
    ch.readOutbound();
    ch.writeInbound(subAck(MqttQoS.AT_MOST_ONCE));
    return ch;
  }

  private static MqttConnAckMessage connAck(MqttConnectReturnCode code, String responseInfo) {
    MqttProperties props = new MqttProperties();
    if (responseInfo != null) {
      props.add(
          new MqttProperties.StringProperty(
              MqttPropertyType.RESPONSE_INFORMATION.value(), responseInfo));
    }
    return MqttMessageBuilders.connAck().returnCode(code).properties(props).build();
  }

  private static MqttMessage subAck(MqttQoS granted) {
    return MqttMessageBuilders.subAck().packetId(1).addGrantedQos(granted).build();
  }

  private static MqttPublishMessage publish(String topic, MqttProperties props, byte[] payload) {
    return MqttMessageBuilders.publish()
        .topicName(topic)
        .qos(MqttQoS.AT_MOST_ONCE)
        .retained(false)
        .payload(Unpooled.wrappedBuffer(payload))
        .properties(props)
        .build();
  }
}
