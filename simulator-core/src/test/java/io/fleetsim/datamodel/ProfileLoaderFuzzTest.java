package io.fleetsim.datamodel;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;

/**
 * Any profile text: the HOCON reader and the profile compiler either compile it or fail with a
 * {@link ProfileException} (file:line: key: problem), never with another exception.
 */
class ProfileLoaderFuzzTest {
  @FuzzTest(maxDuration = "2h") // bench/fuzz.sh sets the time; CI only replays the inputs
  void anyText(@NotNull String text) {
    com.typesafe.config.Config parsed;
    try {
      parsed = ConfigFactory.parseString(text).resolve();
    } catch (ConfigException notHocon) {
      return; // the loader reports HOCON syntax errors as ProfileException with their line
    }
    try {
      ProfileLoader.compile(parsed, "fuzz.conf");
    } catch (ProfileException expected) {
      // a bad profile names file, line and key
    }
  }
}
