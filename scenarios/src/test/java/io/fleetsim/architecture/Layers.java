package io.fleetsim.architecture;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * fleetsim's packages in ranked layers, across the four modules: a package may reference only
 * packages of a lower rank, plus the few third-party edges and restrictions named below. So the
 * arrows point one way (record, message and path at the bottom; datamodel; agent; fleet and the
 * Controller; scenarios; the command line on top), the MTP knows Records and bytes but never the
 * agent, the Controller never the agent, and dashboards read metrics only.
 */
final class Layers {
  /** Package → rank. Packages of one rank never reference each other. */
  static final Map<String, Integer> RANK =
      Map.ofEntries(
          Map.entry("usp.record", 0),
          Map.entry("usp.path", 0),
          Map.entry("usp.retry", 0),
          Map.entry("metrics", 0),
          Map.entry("profiles.tr181", 0),
          Map.entry("config", 0),
          Map.entry("identity", 0), // per-device certificates and logins: JDK and BouncyCastle
          Map.entry("usp.message", 1),
          Map.entry("mtp", 1), // counts its events with metrics.ReasonCounts
          Map.entry("datamodel", 2),
          Map.entry("mtp.http", 2),
          Map.entry("mtp.memory", 2),
          Map.entry("mtp.mqtt", 2),
          Map.entry("mtp.stomp", 2),
          Map.entry("mtp.websocket", 2),
          Map.entry("report", 2),
          Map.entry("agent", 3),
          Map.entry("mtp.connect", 3),
          Map.entry("profiles", 3),
          Map.entry("dashboard", 3),
          Map.entry("fleet", 4),
          Map.entry("profiles.record", 4), // a profile from a real agent's answers
          Map.entry("controller", 4),
          Map.entry("scenario", 5),
          Map.entry("cluster", 6),
          Map.entry("cli", 7));

  /** Pekko and Netty only where actors and sockets live: nowhere below the fleet and the MTPs. */
  static final Map<String, Set<String>> THIRD_PARTY =
      Map.of(
          "pekko", Set.of("fleet", "scenario", "cluster", "cli"),
          "netty",
              Set.of(
                  "mtp",
                  "mtp.http",
                  "mtp.memory",
                  "mtp.mqtt",
                  "mtp.stomp",
                  "mtp.websocket",
                  "mtp.connect",
                  "fleet",
                  "controller",
                  "dashboard",
                  "scenario",
                  "cli"));

  /** Edges the ranks allow but the design does not. */
  static final Map<String, Set<String>> FORBIDDEN =
      Map.of(
          "controller", Set.of("agent", "datamodel", "profiles"),
          "dashboard",
              Set.of(
                  "datamodel", "usp.path", "mtp.memory", "mtp.mqtt", "mtp.stomp", "mtp.websocket"),
          "report",
              Set.of("datamodel", "usp.path", "mtp.http", "mtp.memory", "mtp.mqtt", "mtp.stomp"));

  private Layers() {}

  /** Every reference the layers do not allow, as {@code from -> to: why}. */
  static List<String> violations(Map<String, Set<String>> graph) {
    List<String> out = new ArrayList<>();
    graph.forEach(
        (from, targets) -> {
          Integer rank = RANK.get(from);
          if (rank == null) {
            out.add(from + ": not ranked in Layers.RANK");
            return;
          }
          for (String to : targets) {
            if (THIRD_PARTY.containsKey(to)) {
              if (!THIRD_PARTY.get(to).contains(from)) {
                out.add(from + " -> " + to + ": not allowed below the fleet and the MTPs");
              }
            } else if (!RANK.containsKey(to)) {
              out.add(from + " -> " + to + ": not ranked in Layers.RANK");
            } else if (RANK.get(to) >= rank) {
              out.add(
                  from
                      + " -> "
                      + to
                      + ": rank "
                      + rank
                      + " may not reference rank "
                      + RANK.get(to));
            } else if (FORBIDDEN.getOrDefault(from, Set.of()).contains(to)) {
              out.add(from + " -> " + to + ": forbidden");
            }
          }
        });
    return out;
  }

  /** The package cycles of {@code graph}, each as a list of packages; empty when there is none. */
  static List<List<String>> cycles(Map<String, Set<String>> graph) {
    List<List<String>> out = new ArrayList<>();
    Map<String, Integer> state = new HashMap<>(); // 1 on the path, 2 done
    for (String start : graph.keySet()) {
      walk(start, graph, state, new ArrayList<>(), out, new HashSet<>());
    }
    return out;
  }

  private static void walk(
      String node,
      Map<String, Set<String>> graph,
      Map<String, Integer> state,
      List<String> path,
      List<List<String>> cycles,
      Set<String> reported) {
    Integer s = state.get(node);
    if (s != null && s == 2) {
      return;
    }
    if (s != null) {
      List<String> cycle = new ArrayList<>(path.subList(path.indexOf(node), path.size()));
      cycle.add(node);
      if (reported.add(String.join(">", cycle))) {
        cycles.add(cycle);
      }
      return;
    }
    state.put(node, 1);
    path.add(node);
    for (String next : graph.getOrDefault(node, Set.of())) {
      if (graph.containsKey(next)) {
        walk(next, graph, state, path, cycles, reported);
      }
    }
    path.remove(path.size() - 1);
    state.put(node, 2);
  }
}
