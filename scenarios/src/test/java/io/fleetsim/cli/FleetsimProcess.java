package io.fleetsim.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import picocli.CommandLine;

/**
 * {@code fleetsim ARGS} as a real child process on the test classpath (signals reach it as they
 * reach a user's), with its output read line by line.
 */
final class FleetsimProcess {
  private FleetsimProcess() {}

  static Process start(String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Fleetsim.class.getName());
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectErrorStream(true).start();
  }

  /**
   * {@code fleetsim ARGS} in this JVM on another thread, its output and errors into {@code out}:
   * for tests that act on the run's target while it runs.
   */
  static CompletableFuture<Integer> inProcess(StringWriter out, String... args) {
    return CompletableFuture.supplyAsync(
        () -> {
          CommandLine cli = Fleetsim.commandLine();
          cli.setOut(new PrintWriter(out, true));
          cli.setErr(new PrintWriter(out, true));
          return cli.execute(args);
        });
  }

  /** Collects the process's output as it comes, on a daemon thread. */
  static StringBuffer collect(Process p) {
    StringBuffer seen = new StringBuffer();
    Thread reader =
        new Thread(
            () -> {
              try {
                readAll(p, (line, process) -> seen.append(line).append('\n'));
              } catch (IOException ended) {
                // the process is gone
              }
            });
    reader.setDaemon(true);
    reader.start();
    return seen;
  }

  /**
   * Reads the process's output until it ends, handing each line and the process to {@code onLine}
   * (which may signal it); returns the whole output.
   */
  static String readAll(Process process, BiConsumer<String, Process> onLine) throws IOException {
    StringBuilder seen = new StringBuilder();
    try (BufferedReader lines =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        seen.append(line).append('\n');
        onLine.accept(line, process);
      }
    }
    return seen.toString();
  }
}
