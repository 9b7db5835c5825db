package io.fleetsim.scenario;

import com.typesafe.config.Config;
import io.fleetsim.config.HoconReader;
import java.time.Duration;
import java.util.Set;

/**
 * The scenario's optional {@code cluster { }} block: how a run spreads over worker JVMs when the
 * command line does not say ({@code run --cluster-bind/--workers/--local-workers} win over it).
 */
final class ClusterReader {
  private static final String KEY = ScenarioLoader.ROOT + ".cluster";

  private ClusterReader() {}

  static Scenario.Cluster cluster(HoconReader in, Config c) {
    if (!c.hasPath("cluster")) {
      return Scenario.Cluster.NONE;
    }
    in.keys(
        c.getObject("cluster"),
        KEY,
        Set.of("bind", "workers", "local-workers", "workers-timeout", "on-worker-loss"));
    Config b = c.getConfig("cluster");
    String bind = b.hasPath("bind") ? in.string(b, "bind") : null;
    int workers =
        b.hasPath("workers") ? (int) in.whole(b, "workers", KEY, 1, 10_000, "1..10000") : 0;
    int local =
        b.hasPath("local-workers")
            ? (int) in.whole(b, "local-workers", KEY, 1, 1_000, "1..1000")
            : 0;
    Duration timeout =
        b.hasPath("workers-timeout")
            ? ScenarioLoader.atLeastOneSecond(in, b, "workers-timeout", KEY)
            : Scenario.Cluster.NONE.workersTimeout();
    boolean fail = false;
    if (b.hasPath("on-worker-loss")) {
      String loss = in.string(b, "on-worker-loss");
      if (!loss.equals("continue") && !loss.equals("fail")) {
        throw in.error(b.getValue("on-worker-loss"), KEY + ".on-worker-loss", "continue or fail");
      }
      fail = loss.equals("fail");
    }
    if (local > 0 && workers > 0 && local != workers) {
      throw in.error(
          b.getValue("workers"),
          KEY + ".workers",
          "local-workers = " + local + " starts " + local + " workers; workers says " + workers);
    }
    return new Scenario.Cluster(bind, workers, local, timeout, fail);
  }
}
