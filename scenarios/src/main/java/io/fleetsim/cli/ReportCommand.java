package io.fleetsim.cli;

import io.fleetsim.report.HtmlReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code fleetsim report OUTPUT-DIR}: the HTML report again, from a run's files alone. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description =
        "Writes report.html into a run's output folder from its summary.json and latencies.hlog"
            + " alone (a run writes it too). Exit 2 when the folder lacks them.")
final class ReportCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "OUTPUT-DIR", description = "A run's output folder.")
  Path dir;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    try {
      Path file = HtmlReport.write(dir);
      spec.commandLine().getOut().println("wrote " + file.toAbsolutePath());
      return 0;
    } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
      err.println("fleetsim: " + e.getMessage());
      return 2;
    }
  }
}
