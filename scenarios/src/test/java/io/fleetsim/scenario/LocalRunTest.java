package io.fleetsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How a run in this JVM ends its agents: in memory they end with the run, unless the process exits
 * after the report, which then ends them itself (the report is whole either way).
 */
class LocalRunTest {
  @TempDir Path dir;

  private Scenario inMemory() throws Exception {
    Path file = dir.resolve("memory.conf");
    Files.writeString(
        file,
        "scenario { duration = 2s, target { controller = embedded, mtp = memory },"
            + " fleet.agents = 30, output = \""
            + dir.resolve("out")
            + "\" }\n");
    return ScenarioLoader.load(file, Map.of());
  }

  private static RunReport run(Scenario s, boolean processExitsAfter, LocalRun[] opened)
      throws Exception {
    return new ScenarioRunner(
            s,
            new PrintWriter(new StringWriter()),
            null,
            scenario ->
                opened[0] =
                    new LocalRun(
                        scenario,
                        0,
                        scenario.agents(),
                        scenario.agents(),
                        false,
                        processExitsAfter))
        .run();
  }

  @Test
  void inMemory_theAgentsEndWithTheRun() throws Exception {
    LocalRun[] opened = new LocalRun[1];
    RunReport report = run(inMemory(), false, opened);

    assertThat(report.json()).contains("\"connectedAtEnd\": 30");
    assertThat(opened[0].fleet().ended()).isTrue();
  }

  @Test
  void inMemory_aProcessThatExitsAfterTheReport_leavesItsAgentsToTheExit() throws Exception {
    LocalRun[] opened = new LocalRun[1];
    try {
      RunReport report = run(inMemory(), true, opened);

      assertThat(report.json()).contains("\"connectedAtEnd\": 30");
      assertThat(dir.resolve("out").resolve("summary.json")).exists();
      assertThat(opened[0].fleet().ended()).isFalse();
    } finally {
      opened[0].fleet().close(); // this test's JVM does not exit: end them here
    }
    assertThat(opened[0].fleet().ended()).isTrue();
  }
}
