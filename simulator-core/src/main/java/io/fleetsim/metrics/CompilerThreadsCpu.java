package io.fleetsim.metrics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time of this JVM's JIT compiler threads, read from Linux's {@code /proc/self/task}. The JVM's
 * own figure ({@code CompilationMXBean.getTotalCompilationTime}) is the compilers' elapsed time,
 * which on a busy box counts the time they wait for a core: in a 100,000-agent boot storm on 2
 * cores it said 12.2 s while the compiler threads used 7.5 s of CPU.
 */
final class CompilerThreadsCpu {
  /** USER_HZ: the unit of {@code /proc} CPU times, 100 per second on every Linux ABI. */
  private static final long MILLIS_PER_TICK = 10;

  private static final Path TASKS = Path.of("/proc/self/task");

  private CompilerThreadsCpu() {}

  /**
   * Milliseconds of CPU (user + system) the live compiler threads have used, or -1 where there is
   * no {@code /proc} or no thread named as HotSpot names its compilers. A compiler thread the JVM
   * retired takes its time with it (HotSpot adds and removes them on hosts with many cores), so
   * there this is a lower bound.
   */
  static long millis() {
    long ticks = 0;
    boolean found = false;
    try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
      for (Path task : tasks) {
        String stat;
        try {
          stat = Files.readString(task.resolve("stat"));
        } catch (IOException ended) {
          continue; // the thread ended between the listing and the read
        }
        long t = compilerTicks(stat);
        if (t >= 0) {
          ticks += t;
          found = true;
        }
      }
    } catch (IOException | UncheckedIOException | SecurityException e) {
      return -1;
    }
    return found ? ticks * MILLIS_PER_TICK : -1;
  }

  /**
   * utime + stime of a {@code /proc/PID/task/TID/stat} line (fields 14 and 15, proc(5)) when the
   * thread is one of HotSpot's compilers ({@code C1 CompilerThread0}, shown cut to 15 characters),
   * else -1. The name sits in parentheses and may hold spaces and parentheses, so the fields are
   * counted from the last ')'.
   */
  static long compilerTicks(String stat) {
    int open = stat.indexOf('(');
    int close = stat.lastIndexOf(')');
    if (open < 0 || close < open) {
      return -1;
    }
    String name = stat.substring(open + 1, close);
    if (!name.startsWith("C1 Compiler") && !name.startsWith("C2 Compiler")) {
      return -1;
    }
    String[] fields = stat.substring(close + 1).trim().split(" ");
    if (fields.length < 13) {
      return -1;
    }
    try {
      return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
