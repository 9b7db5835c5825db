package io.fleetsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A run killed with SIGKILL (no shutdown hook runs) still leaves a usable output folder: the last
 * summary.json snapshot, marked incomplete, and the .hlog up to its last second, from which {@code
 * fleetsim report} builds the HTML report.
 */
class RunKilledTest {
  @TempDir Path dir;

  @Test
  void aKilledRun_leavesASnapshotThatReportBuildsFrom() throws Exception {
    Path scenario = dir.resolve("long.conf");
    Files.writeString(scenario, "scenario { duration = 10m, fleet.agents = 50 }\n");
    Path output = dir.resolve("out");
    Process run = FleetsimProcess.start("run", scenario.toString(), "--output", output.toString());
    String seen =
        FleetsimProcess.readAll(
            run,
            (line, p) -> {
              if (line.startsWith("t=  7.")) { // past the first snapshot (every 5 s)
                p.toHandle().destroyForcibly(); // SIGKILL: no hook, no final report
              }
            });
    assertThat(run.waitFor(60, TimeUnit.SECONDS)).as(seen).isTrue();
    assertThat(output.resolve("report.txt")).as("no final report").doesNotExist();

    String summary = Files.readString(output.resolve("summary.json"));
    assertThat(summary).contains("\"complete\": false").contains("\"spawned\": 50");
    StringWriter err = new StringWriter();
    CommandLine cli = Fleetsim.commandLine();
    cli.setOut(new PrintWriter(new StringWriter()));
    cli.setErr(new PrintWriter(err));
    assertThat(cli.execute("report", output.toString())).as(err.toString()).isZero();
    assertThat(Files.readString(output.resolve("report.html"))).contains("\"complete\": false");
  }
}
