package io.fleetsim.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code run --local-workers N}: N worker JVMs on this machine, children of the coordinator, each
 * its own process (so each has its own open-file limit) joining the coordinator on loopback. Each
 * writes its output to {@code workers/NAME.log} in the run's folder and exits when the coordinator
 * does ({@code --parent-pid}), also after a SIGKILL of the coordinator; {@link #close()} stops them
 * at the end of the run, on Ctrl-C and on failure.
 */
final class LocalWorkers implements AutoCloseable {
  /** The JVM options of each worker: {@code FLEETSIM_WORKER_JAVA_OPTS}, else the coordinator's. */
  static final String JAVA_OPTS = "FLEETSIM_WORKER_JAVA_OPTS";

  private final List<Process> processes = new ArrayList<>();
  private final List<String> names = new ArrayList<>();

  /** Starts {@code n} workers that join {@code coordinator}; their logs go under {@code dir}. */
  LocalWorkers(int n, InetSocketAddress coordinator, Path dir) throws IOException {
    Files.createDirectories(dir);
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> options = javaOptions();
    long self = ProcessHandle.current().pid();
    try {
      for (int i = 1; i <= n; i++) {
        String name = "local-" + i;
        List<String> cmd = new ArrayList<>();
        cmd.add(java);
        cmd.addAll(options);
        cmd.addAll(
            List.of(
                "-cp",
                System.getProperty("java.class.path"),
                Fleetsim.class.getName(),
                "worker",
                "--join",
                coordinator.getHostString() + ":" + coordinator.getPort(),
                "--bind",
                coordinator.getHostString() + ":0",
                "--name",
                name,
                "--parent-pid",
                Long.toString(self)));
        Path log = dir.resolve(name + ".log");
        processes.add(
            new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start());
        names.add(name);
      }
    } catch (IOException | RuntimeException e) {
      close();
      throw e;
    }
  }

  private static List<String> javaOptions() {
    String env = System.getenv(JAVA_OPTS);
    if (env != null && !env.isBlank()) {
      return List.of(env.trim().split("\\s+"));
    }
    List<String> inherited = new ArrayList<>();
    for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (!a.startsWith("-agentlib") && !a.startsWith("-javaagent")) {
        inherited.add(a); // a debugger or agent port of the coordinator cannot be shared
      }
    }
    return inherited;
  }

  List<String> names() {
    return List.copyOf(names);
  }

  /** The workers that exited already, with their exit codes: what to say when some never came. */
  String exited() {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < processes.size(); i++) {
      Process p = processes.get(i);
      if (!p.isAlive()) {
        b.append(b.length() == 0 ? "" : ", ")
            .append(names.get(i))
            .append(" exited with ")
            .append(p.exitValue());
      }
    }
    return b.toString();
  }

  /** SIGTERM to each worker (they stop their agents), SIGKILL to any still there after 15 s. */
  @Override
  public void close() {
    processes.forEach(p -> p.toHandle().destroy());
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    for (Process p : processes) {
      try {
        long left = deadline - System.nanoTime();
        if (left <= 0 || !p.waitFor(left, TimeUnit.NANOSECONDS)) {
          p.toHandle().destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        p.toHandle().destroyForcibly();
      }
    }
  }
}
