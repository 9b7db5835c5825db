package io.fleetsim.scenario;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;

/**
 * Any scenario text: the HOCON reader and the scenario reader either load it or fail with a {@link
 * ScenarioException} (file:line: key: problem), never with another exception. Seeds: copies of the
 * shipped examples.
 */
class ScenarioLoaderFuzzTest {
  @FuzzTest(maxDuration = "2h") // bench/fuzz.sh sets the time; CI only replays the inputs
  void anyText(@NotNull String text) {
    com.typesafe.config.Config parsed;
    try {
      parsed = ConfigFactory.parseString(text).resolve();
    } catch (ConfigException notHocon) {
      return; // load() reports HOCON syntax errors as a ScenarioException with their line
    }
    try {
      ScenarioLoader.parse(parsed, "fuzz.conf");
    } catch (ScenarioException expected) {
      // a bad scenario names file, line and key
    }
  }
}
