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

  /**
   * Profile overrides that put the first Controller MTP on STOMP with a Device.STOMP.Connection.1
   * whose retry starts at {@code initialSeconds} (multiplier 2000) and is capped at {@code
   * maxSeconds}: the STOMP retry wait then applies.
   */
  public static Map<String, String> onStomp(int initialSeconds, int maxSeconds) {
    String conn = "profile.objects.\"Device.STOMP.Connection.{i}.\".";
    Map<String, String> stomp = new java.util.HashMap<>();
    stomp.put(
        "profile.objects.\"Device.LocalAgent.Controller.{i}.MTP.{i}.\".params.Protocol.default",
        "STOMP");
    stomp.put(
        "profile.objects.\"Device.STOMP.\".params.ConnectionNumberOfEntries.type", "unsignedInt");
    stomp.put(conn + "instances", "1");
    stomp.put(conn + "num-entries", "ConnectionNumberOfEntries");
    String[][] params = {
      {"ServerRetryInitialInterval", Integer.toString(initialSeconds)},
      {"ServerRetryIntervalMultiplier", "2000"},
      {"ServerRetryMaxInterval", Integer.toString(maxSeconds)}
    };
    for (String[] p : params) {
      stomp.put(conn + "params." + p[0] + ".type", "unsignedInt");
      stomp.put(conn + "params." + p[0] + ".default", p[1]);
    }
    return stomp;
  }

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
