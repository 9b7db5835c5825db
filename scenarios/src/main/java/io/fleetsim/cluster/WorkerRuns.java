package io.fleetsim.cluster;

import io.fleetsim.scenario.OneThread;
import java.io.PrintWriter;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A worker's runs, one at a time, on the worker's one run thread (building a fleet of thousands of
 * agents takes seconds; the node's actor only hands commands over). A command for another run than
 * the current one is answered (Failed: busy) or ignored (Start, Finish, Abort of a run gone).
 */
final class WorkerRuns implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WorkerRuns.class);

  private final String name;
  private final PrintWriter out;
  private final ScheduledExecutorService thread = OneThread.scheduler("fleetsim-worker-run");
  private WorkerRun current; // only touched on the run thread

  WorkerRuns(String name, PrintWriter out) {
    this.name = name;
    this.out = out;
  }

  void assign(WorkerProtocol.Assign a) {
    thread.execute(
        () -> {
          if (current != null) {
            a.coordinator()
                .tell(
                    new WorkerProtocol.Failed(
                        a.runId(),
                        name,
                        "busy with run " + current.runId() + " of another coordinator"));
            return;
          }
          try {
            current = WorkerRun.prepare(a, name, out, thread);
            say(
                "run %d: agents %d-%d of %d ready",
                a.runId(), a.range().first(), a.range().end() - 1, a.totalAgents());
            a.coordinator().tell(new WorkerProtocol.Ready(a.runId(), name));
          } catch (RuntimeException e) {
            LOG.warn("run {}: cannot take agents {}: {}", a.runId(), a.range(), e.toString());
            a.coordinator().tell(new WorkerProtocol.Failed(a.runId(), name, e.getMessage()));
          }
        });
  }

  void start(WorkerProtocol.Start s) {
    thread.execute(
        () -> {
          if (current != null && current.runId() == s.runId()) {
            current.start(s.atEpochMillis());
          }
        });
  }

  void finish(WorkerProtocol.Finish f) {
    thread.execute(
        () -> {
          if (current != null && current.runId() == f.runId()) {
            current.finish();
            say("run %d: finished; waiting for the next run", f.runId());
            current = null;
          }
        });
  }

  void abort(long runId, String why) {
    thread.execute(
        () -> {
          if (current != null && (runId < 0 || current.runId() == runId)) {
            say("run %d stopped: %s; waiting for the next run", current.runId(), why);
            current.abort();
            current = null;
          }
        });
  }

  /** The coordinator of the current run (if it is {@code ref}'s) is gone: the run stops. */
  void coordinatorGone(ActorRef<?> ref) {
    thread.execute(
        () -> {
          if (current != null && current.coordinator().equals(ref)) {
            say(
                "run %d stopped: its coordinator is gone; waiting for the next run",
                current.runId());
            current.abort();
            current = null;
          }
        });
  }

  private void say(String format, Object... args) {
    out.printf("%s: %s%n", name, String.format(java.util.Locale.ROOT, format, args));
    out.flush();
  }

  /** Stops the current run, if any, and the run thread. */
  @Override
  public void close() {
    abort(-1, "the worker stops");
    thread.shutdown();
    try {
      thread.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
