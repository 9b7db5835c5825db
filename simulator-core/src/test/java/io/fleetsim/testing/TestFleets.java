package io.fleetsim.testing;

import io.fleetsim.controller.ReferenceController;
import io.fleetsim.datamodel.DeviceModel;
import io.fleetsim.mtp.Transports;
import java.net.InetSocketAddress;
import java.net.URI;

/** The embedded Controller and WebSocket fleets the integration tests start on loopback. */
public final class TestFleets {
  /** The Controller endpoint ID the test fleets trust. */
  public static final String CONTROLLER = "self::fleetsim-controller";

  private TestFleets() {}

  /** A ws:// Controller on a free loopback port at /usp, provisioning agents on first contact. */
  public static ReferenceController controller(Transports t, boolean rebootAfterProvisioning) {
    return ReferenceController.start(
        t, new InetSocketAddress("127.0.0.1", 0), "/usp", CONTROLLER, rebootAfterProvisioning);
  }

  /** {@code count} agents of {@code model} over WebSocket to {@code controller} (not started). */
  public static TestFleet webSocket(
      DeviceModel model,
      Transports t,
      ReferenceController controller,
      int count,
      int sourceAddresses) {
    return TestFleet.of(
        model,
        t,
        URI.create("ws://127.0.0.1:" + controller.address().getPort() + "/usp"),
        controller.endpointId(),
        count,
        sourceAddresses);
  }
}
