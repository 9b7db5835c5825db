package io.fleetsim.mtp.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsim.identity.DeviceId;
import io.fleetsim.identity.LoginTemplate;
import io.fleetsim.identity.Logins;
import io.fleetsim.identity.Secret;
import io.fleetsim.mtp.MtpListener;
import io.fleetsim.mtp.Transports;
import io.fleetsim.testing.Listener;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * A device's login on the WebSocket MTP is HTTP Basic authorization on the upgrade (RFC 7617): the
 * request a server receives carries the device's own user name and password.
 */
class WsAuthorizationTest {
  private static final MtpListener IGNORE = Listener.IGNORE;

  @Test
  void theUpgradeCarriesTheDevicesBasicAuthorization() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Transports t = Transports.create(1)) {
      server.setSoTimeout(10_000);
      Logins logins =
          new Logins(LoginTemplate.parse("dev-{serial}"), Secret.of("pw-{index}", "test"));
      WsClient client =
          new WsClient(
              t,
              URI.create("ws://127.0.0.1:" + server.getLocalPort() + "/usp"),
              1 << 16,
              0,
              null,
              logins);
      client.connect(
          new DeviceId(7, "os::x-7", "S7", ""), "self::c", IGNORE, t.group().next(), null);
      try (Socket s = server.accept()) {
        String request = head(s.getInputStream());
        String expected =
            Base64.getEncoder().encodeToString("dev-S7:pw-7".getBytes(StandardCharsets.UTF_8));
        assertThat(request).containsIgnoringCase("authorization: Basic " + expected);
      }
    }
  }

  private static String head(InputStream in) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    while (!out.toString(StandardCharsets.US_ASCII).contains("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        break;
      }
      out.write(b);
    }
    return out.toString(StandardCharsets.US_ASCII);
  }
}
