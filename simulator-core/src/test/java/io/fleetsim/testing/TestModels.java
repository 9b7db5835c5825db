package io.fleetsim.testing;

import io.fleetsim.datamodel.DeviceModel;
import io.fleetsim.datamodel.ProfileLoader;
import java.time.InstantSource;

/** The device models the integration tests run fleets of. */
public final class TestModels {
  private TestModels() {}

  /** The small test-gateway profile on the system clock, fleet seed {@code seed}. */
  public static DeviceModel gateway(long seed) {
    return new DeviceModel(
        ProfileLoader.loadResource("profiles/test-gateway.conf"), seed, InstantSource.system());
  }
}
