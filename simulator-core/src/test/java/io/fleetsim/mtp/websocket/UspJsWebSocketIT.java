package io.fleetsim.mtp.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsim.interop.UspJs;
import io.fleetsim.mtp.Transports;
import io.fleetsim.testing.TestFleet;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import org.junit.jupiter.api.Test;

/**
 * usp-js drives one fleetsim agent over the USP WebSocket MTP: the agent connects (eid query,
 * v1.usp subprotocol) to a Node listener that hands the connection to usp-js, which runs the same
 * steps as over MQTT, including the reconnect after Device.Reboot() and the Boot! that follows
 * (interop/ws-controller.js, interop/steps.js).
 */
class UspJsWebSocketIT {

  @Test
  void uspJs_drivesAnAgent_overWebSocket() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    try (Transports t = Transports.create(2)) {
      String eid = "os::00D09E-FSIM00000000";
      try (UspJs usp =
          UspJs.start("ws-controller.js", String.valueOf(port), eid, UspJs.CONTROLLER)) {
        usp.awaitLine("listening " + port);
        try (TestFleet fleet =
            TestFleet.of(
                UspJs.agentModel(),
                t,
                URI.create("ws://127.0.0.1:" + port + "/usp"),
                UspJs.CONTROLLER,
                1,
                1)) {
          assertThat(fleet.endpointId(0)).isEqualTo(eid);
          fleet.start();
          UspJs.assertAllStepsAnswered(usp.result());
        }
      }
    }
  }
}
