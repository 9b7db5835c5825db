package io.fleetsim.testing;

import com.typesafe.config.ConfigFactory;
import io.fleetsim.datamodel.DeviceModel;
import io.fleetsim.datamodel.ProfileLoader;
import java.time.InstantSource;
import java.util.Map;

/** The device models the integration tests run fleets of. */
public final class TestModels {
  /**
   * Profile override path prefix of the first Controller MTP's WebSocket parameters, e.g. {@code
   * WEBSOCKET_PARAMS + "SessionRetryMinimumWaitInterval.default"}.
   */
  public static final String WEBSOCKET_PARAMS =
      "profile.objects.\"Device.LocalAgent.Controller.{i}.MTP.{i}.WebSocket.\".params.";

  private TestModels() {}

  /** The small test-gateway profile on the system clock, fleet seed {@code seed}. */
  public static DeviceModel gateway(long seed) {
    return gateway(seed, Map.of());
  }

  /**
   * As {@link #gateway(long)} with profile overrides (HOCON path → value, as the CLI sets them).
   */
  public static DeviceModel gateway(long seed, Map<String, String> overrides) {
    return new DeviceModel(
        ProfileLoader.loadResource("profiles/test-gateway.conf", ConfigFactory.parseMap(overrides)),
        seed,
        InstantSource.system());
  }
}
