package io.fleetsim.fuzz;

import com.google.protobuf.TextFormat;
import io.fleetsim.usp.message.UspMessages;
import io.fleetsim.usp.proto.UspMsg.Header.MsgType;
import io.fleetsim.usp.proto.UspMsg.Msg;
import io.fleetsim.usp.proto.UspMsg.Request;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes the seed inputs of the fuzz tests (the committed corpus under src/test/resources, in the
 * {@code <Test>Inputs/<method>/} folders Jazzer replays in regression mode): real Records, Msgs of
 * every request type, WebSocket frames, MQTT packets, paths. {@code bench/fuzz.sh seeds} runs it
 * from the repository root after a build.
 */
public final class FuzzSeeds {
  private static final String AGENT = "os::00D09E-FSIM00000007";
  private static final String CONTROLLER = "self::fleetsim-controller";
  private static final Path ROOT = Path.of("simulator-core/src/test/resources/io/fleetsim");

  private FuzzSeeds() {}

  public static void main(String[] args) throws IOException {
    Map<String, Msg> requests = new LinkedHashMap<>();
    requests.put("get", request(MsgType.GET, "get { param_paths: 'Device.DeviceInfo.' }"));
    requests.put(
        "get-search",
        request(
            MsgType.GET,
            "get { param_paths: 'Device.LocalAgent.Subscription.[Enable==true].ID' max_depth: 2 }"));
    requests.put(
        "set",
        request(
            MsgType.SET,
            "set { allow_partial: true update_objs { obj_path: 'Device.LocalAgent.Controller.1.'"
                + " param_settings { param: 'PeriodicNotifInterval' value: '60' required: true } } }"));
    requests.put(
        "add",
        request(
            MsgType.ADD,
            "add { create_objs { obj_path: 'Device.LocalAgent.Subscription.'"
                + " param_settings { param: 'ID' value: 'x' required: true }"
                + " param_settings { param: 'NotifType' value: 'Event' }"
                + " param_settings { param: 'ReferenceList' value: 'Device.Boot!' } } }"));
    requests.put(
        "delete",
        request(MsgType.DELETE, "delete { obj_paths: 'Device.LocalAgent.Subscription.1.' }"));
    requests.put(
        "operate",
        request(
            MsgType.OPERATE,
            "operate { command: 'Device.Reboot()' command_key: 'k' send_resp: true }"));
    requests.put(
        "get-instances",
        request(
            MsgType.GET_INSTANCES,
            "get_instances { obj_paths: 'Device.LocalAgent.' first_level_only: false }"));
    requests.put(
        "get-supported-dm",
        request(
            MsgType.GET_SUPPORTED_DM,
            "get_supported_dm { obj_paths: 'Device.' return_commands: true return_events: true"
                + " return_params: true }"));
    requests.put(
        "get-supported-protocol",
        request(
            MsgType.GET_SUPPORTED_PROTO,
            "get_supported_protocol { controller_supported_protocol_versions: '1.3,1.4' }"));

    for (Map.Entry<String, Msg> e : requests.entrySet()) {
      write("agent/AgentCoreFuzzTestInputs/anyPayload", e.getKey(), e.getValue().toByteArray());
      byte[] record = UspMessages.encodeRecord("1.4", AGENT, CONTROLLER, e.getValue());
      write("agent/AgentCoreFuzzTestInputs/anyRecord", e.getKey(), record);
      write("usp/record/RecordFuzzTestInputs/decode", e.getKey(), record);
      write("mtp/websocket/WsFramesFuzzTestInputs/anyBytes", e.getKey(), binaryFrame(record));
      write(
          "mtp/mqtt/MqttPacketsFuzzTestInputs/anyBytes", e.getKey(), connackSubackPublish(record));
      write("mtp/stomp/StompFramesFuzzTestInputs/anyBytes", e.getKey(), stompSession(record));
    }
    write(
        "usp/record/RecordFuzzTestInputs/decode",
        "websocket-connect",
        UspMessages.encodeWebSocketConnect(CONTROLLER, AGENT));
    write(
        "usp/record/RecordFuzzTestInputs/decode",
        "disconnect",
        UspMessages.encodeDisconnect(CONTROLLER, AGENT, 7105, "shutdown"));
    write(
        "controller/ControllerRecordFuzzTestInputs/anyRecord",
        "websocket-connect",
        UspMessages.encodeWebSocketConnect(CONTROLLER, AGENT));
    Msg boot =
        request(
            MsgType.NOTIFY,
            "notify { subscription_id: 'boot' send_resp: true event { obj_path: 'Device.'"
                + " event_name: 'Boot!' params { key: 'Cause' value: 'LocalReboot' } } }");
    write(
        "controller/ControllerRecordFuzzTestInputs/anyRecord",
        "notify-boot",
        UspMessages.encodeRecord("1.4", CONTROLLER, AGENT, boot));
    String[] paths = {
      "Device.WiFi.SSID.*.SSID",
      "Device.LocalAgent.Subscription.[ID==\"boot\"&&Enable==true].Recipient",
      "Device.IP.Interface.1.IPv4Address.[Status==\"Enabled\"].IPAddress",
      "Device.Hosts.Host.*.",
      "Device.Reboot()",
      "Device.LocalAgent.Periodic!",
      "Device.DeviceInfo.FirmwareImage.{i}.",
      "Device.WiFi.Radio.#1+.Channel",
      "Device.IP.Interface.+.Name",
    };
    for (int i = 0; i < paths.length; i++) {
      write(
          "usp/path/PathParserFuzzTestInputs/parse",
          "path-" + i,
          paths[i].getBytes(StandardCharsets.UTF_8));
    }
    try (var in = FuzzSeeds.class.getResourceAsStream("/profiles/test-gateway.conf")) {
      write("datamodel/ProfileLoaderFuzzTestInputs/anyText", "test-gateway", in.readAllBytes());
    }
  }

  private static Msg request(MsgType type, String text) throws TextFormat.ParseException {
    return UspMessages.request(
        "seed-" + type.name().toLowerCase(), type, TextFormat.parse(text, Request.class));
  }

  /** One unmasked binary WebSocket frame (as a server sends it). */
  private static byte[] binaryFrame(byte[] payload) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0x82);
    if (payload.length < 126) {
      out.write(payload.length);
    } else {
      out.write(126);
      out.write(payload.length >> 8);
      out.write(payload.length & 0xff);
    }
    out.writeBytes(payload);
    return out.toByteArray();
  }

  /** CONNACK accepted, SUBACK granted QoS 0, then a PUBLISH of {@code record} (MQTT 3.1.1). */
  private static byte[] connackSubackPublish(byte[] record) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {0x20, 0x02, 0x00, 0x00});
    out.writeBytes(new byte[] {(byte) 0x90, 0x03, 0x00, 0x01, 0x00});
    byte[] topic = "/usp/agent".getBytes(StandardCharsets.UTF_8);
    int remaining = 2 + topic.length + record.length;
    out.write(0x30);
    do {
      int digit = remaining % 128;
      remaining /= 128;
      out.write(remaining > 0 ? digit | 0x80 : digit);
    } while (remaining > 0);
    out.write(topic.length >> 8);
    out.write(topic.length & 0xff);
    out.writeBytes(topic);
    out.writeBytes(record);
    return out.toByteArray();
  }

  /** What a STOMP broker sends an agent: CONNECTED, the SUBSCRIBE's RECEIPT, a MESSAGE. */
  private static byte[] stompSession(byte[] record) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    String head =
        "CONNECTED\nversion:1.2\nheart-beat:0,0\n\n\0"
            + "RECEIPT\nreceipt-id:usp-subscribed\n\n\0\n"
            + "MESSAGE\nsubscription:usp-0\nmessage-id:1\ndestination:/queue/usp.agent.x\n"
            + "content-type:application/vnd.bbf.usp.msg\nreply-to-dest:/queue/usp.controller\n"
            + "content-length:"
            + record.length
            + "\n\n";
    out.writeBytes(head.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    out.writeBytes(record);
    out.write(0);
    return out.toByteArray();
  }

  private static void write(String dir, String name, byte[] bytes) throws IOException {
    Path d = ROOT.resolve(dir);
    Files.createDirectories(d);
    Files.write(d.resolve(name), bytes);
  }
}
