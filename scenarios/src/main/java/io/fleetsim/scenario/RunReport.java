package io.fleetsim.scenario;

import static io.fleetsim.usp.message.Json.quote;

import io.fleetsim.metrics.Latencies;
import io.fleetsim.metrics.LatencyTable;
import io.fleetsim.metrics.ProcessCost;
import io.fleetsim.mtp.connect.Redacted;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * The end of a run as values: what the fleet and the Controller measured, and each assertion with
 * its actual value and verdict. Renders {@code summary.json} and the console table.
 */
public record RunReport(
    Scenario scenario,
    double seconds,
    int spawned,
    long connectedAtEnd,
    long connects,
    Map<String, Histogram> latencies,
    Map<String, Long> drops,
    Map<String, Long> connectFailures,
    Map<String, Long> transportEvents,
    Map<String, Long> notifications,
    Map<String, Long> handled,
    Map<String, Long> unexpected,
    Map<String, Long> statesAtEnd,
    Map<String, Long> messagesToAgents,
    Map<String, Long> messagesFromAgents,
    List<FirmwareSeries.Sample> firmwareVersions,
    String timeSeriesJson,
    List<Verdict> verdicts,
    List<Milestones> milestones,
    List<OutageDetector.Observed> observedIncidents,
    List<Rollout> rollouts,
    long controllerDropped,
    long tickRounds,
    long ticksDeferred,
    long heapBytesPerAgent,
    ProcessCost cost,
    List<WorkerReport> workers,
    boolean interrupted,
    boolean complete) {

  /** How a firmware rollout ended: agents in it, upgraded, already there, failed by reason. */
  public record Rollout(
      int agents, long upgraded, long alreadyThere, Map<String, Long> failed, double seconds) {}

  /** One assertion's outcome. */
  public record Verdict(String assertion, String actual, boolean passed) {}

  /** Checks every assertion of the scenario against the measured values. */
  static List<Verdict> judge(
      Scenario s, Map<String, Histogram> latencies, long connectedAtEnd, Map<String, Long> drops) {
    List<Verdict> out = new ArrayList<>();
    for (Scenario.Assertion a : s.assertions()) {
      if (a instanceof Scenario.Assertion.LatencyBelow l) {
        Histogram h = latencies.get(l.metric());
        String what =
            String.format(
                Locale.ROOT,
                "p%s %s < %d ms",
                fmt(l.percentile()),
                l.metric(),
                l.limit().toMillis());
        if (h == null || h.getTotalCount() == 0) {
          out.add(new Verdict(what, "no values recorded", false));
        } else {
          double ms = h.getValueAtPercentile(l.percentile()) / 1000.0;
          out.add(
              new Verdict(
                  what, String.format(Locale.ROOT, "%.3f ms", ms), ms < l.limit().toMillis()));
        }
      } else if (a instanceof Scenario.Assertion.ConnectedAtLeast c) {
        double pct = s.agents() == 0 ? 0 : 100.0 * connectedAtEnd / s.agents();
        out.add(
            new Verdict(
                "connected >= " + fmt(c.percent()) + " %",
                String.format(Locale.ROOT, "%.2f %% (%d of %d)", pct, connectedAtEnd, s.agents()),
                pct >= c.percent()));
      } else if (a instanceof Scenario.Assertion.MaxDrops m) {
        long total = drops.values().stream().mapToLong(Long::longValue).sum();
        out.add(new Verdict("drops <= " + m.max(), total + " " + drops, total <= m.max()));
      }
    }
    return out;
  }

  /** Histograms of every name in {@code l} (totals), with {@code prefix} before each name. */
  static void collect(Latencies l, String prefix, Map<String, Histogram> into) {
    for (String name : l.names()) {
      into.put(prefix + name, l.total(name));
    }
  }

  public boolean passed() {
    return verdicts.stream().allMatch(Verdict::passed);
  }

  /** The console table: latencies, then counters, then the assertions. */
  public String table() {
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            Locale.ROOT,
            "%n%s: %d agents, %.1f s%s, %d connected at the end, %d connects%n%n",
            scenario.name(),
            spawned,
            seconds,
            interrupted ? " (interrupted)" : complete ? "" : " (incomplete: a snapshot)",
            connectedAtEnd,
            connects));
    b.append("agents by state at the end ").append(statesAtEnd).append('\n');
    b.append(
        String.format(
            Locale.ROOT,
            "fleet ticks: %d rounds, %d deferred while agents were still busy%n%n",
            tickRounds,
            ticksDeferred));
    b.append(WorkerReport.table(workers));
    if (heapBytesPerAgent >= 0) {
      b.append("heap after GC per agent: ").append(heapBytesPerAgent).append(" B\n\n");
    }
    b.append("simulator: ")
        .append(SimulatorCost.line(cost, spawned, SimulatorCost.messages(this)))
        .append("\n\n");
    b.append(LatencyTable.of(latencies));
    for (OutageDetector.Observed o : observedIncidents) {
      b.append(String.format(Locale.ROOT, "observed outage at %.1f s: %s%n", o.at(), o.what()));
    }
    if (!milestones.isEmpty()) {
      b.append('\n');
      for (Milestones m : milestones) {
        b.append(m.what()).append(": ").append(seconds(m.reached())).append('\n');
      }
    }
    for (Rollout r : rollouts) {
      b.append(
          String.format(
              Locale.ROOT,
              "firmware rollout: %d agents, %d upgraded, %d already there, failed %s, after %.1f s%n",
              r.agents(),
              r.upgraded(),
              r.alreadyThere(),
              r.failed(),
              r.seconds()));
    }
    if (!firmwareVersions.isEmpty()) {
      FirmwareSeries.Sample last = firmwareVersions.get(firmwareVersions.size() - 1);
      b.append(
          String.format(
              Locale.ROOT,
              "firmware versions: %s at the start, %s after %.1f s%n",
              new java.util.TreeMap<>(firmwareVersions.get(0).versions()),
              new java.util.TreeMap<>(last.versions()),
              last.seconds()));
    }
    b.append(messages());
    b.append("\nrequests handled ").append(handled).append('\n');
    b.append("notifications sent ").append(notifications).append('\n');
    b.append("drops ").append(drops).append('\n');
    b.append("connect failures ").append(connectFailures).append('\n');
    b.append("transport events ").append(transportEvents).append('\n');
    if (controllerDropped >= 0) {
      b.append("Records the embedded controller dropped ").append(controllerDropped).append('\n');
    }
    b.append("wrong-state messages ").append(unexpected).append('\n');
    if (!verdicts.isEmpty()) {
      b.append('\n');
      for (Verdict v : verdicts) {
        b.append(v.passed() ? "PASS " : "FAIL ")
            .append(v.assertion())
            .append(": ")
            .append(v.actual())
            .append('\n');
      }
    }
    return b.toString();
  }

  /** summary.json: everything above as JSON (latencies in milliseconds). */
  public String json() {
    StringBuilder b = new StringBuilder("{\n");
    field(b, "scenario", scenario.name()).append(",\n");
    field(b, "source", scenario.source()).append(",\n");
    b.append(String.format(Locale.ROOT, "  \"seconds\": %.3f,%n", seconds));
    b.append(
        String.format(
            Locale.ROOT, "  \"duration\": %.3f,%n", scenario.duration().toMillis() / 1000.0));
    Scenario.Target t = scenario.target();
    b.append("  \"target\": {\"kind\": ")
        .append(quote(t.kind().name().toLowerCase(Locale.ROOT)))
        .append(t.url() == null ? "" : ", \"url\": " + quote(Redacted.url(t.url())))
        .append(t.urls().size() < 2 ? "" : ", \"urls\": " + urls(t.urls()))
        .append("},\n");
    b.append("  \"mix\": [");
    String esep = "";
    for (io.fleetsim.profiles.FleetMix.Entry e : scenario.mix().entries()) {
      b.append(esep)
          .append("{\"profile\": ")
          .append(quote(e.profile()))
          .append(String.format(Locale.ROOT, ", \"share\": %.4f", e.share()))
          .append(e.firmware() == null ? "" : ", \"firmware\": " + quote(e.firmware()))
          .append(e.mtp() == null ? "" : ", \"mtp\": " + quote(e.mtp()))
          .append('}');
      esep = ", ";
    }
    b.append("],\n");
    b.append("  \"timeline\": ").append(RunTimeline.json(RunTimeline.of(scenario))).append(",\n");
    b.append("  \"interrupted\": ").append(interrupted).append(",\n");
    // false in the snapshots a run writes as it goes: what is left of a run that was killed
    b.append("  \"complete\": ").append(complete).append(",\n");
    b.append("  \"agents\": ").append(scenario.agents()).append(",\n");
    b.append("  \"spawned\": ").append(spawned).append(",\n");
    b.append("  \"connectedAtEnd\": ").append(connectedAtEnd).append(",\n");
    b.append("  \"connects\": ").append(connects).append(",\n");
    b.append("  \"heapBytesPerAgent\": ").append(heapBytesPerAgent).append(",\n");
    b.append("  \"simulatorCost\": {")
        .append(SimulatorCost.fields(cost, spawned, SimulatorCost.messages(this)))
        .append("},\n");
    b.append("  \"workers\": ").append(WorkerReport.json(workers)).append(",\n");
    b.append("  \"latenciesMs\": {");
    String sep = "\n";
    for (Map.Entry<String, Histogram> e : latencies.entrySet()) {
      Histogram h = e.getValue();
      b.append(sep)
          .append("    ")
          .append(quote(e.getKey()))
          .append(
              String.format(
                  Locale.ROOT,
                  ": {\"count\": %d, \"p50\": %.3f, \"p90\": %.3f, \"p99\": %.3f, \"p999\": %.3f,"
                      + " \"max\": %.3f}",
                  h.getTotalCount(),
                  h.getValueAtPercentile(50) / 1000.0,
                  h.getValueAtPercentile(90) / 1000.0,
                  h.getValueAtPercentile(99) / 1000.0,
                  h.getValueAtPercentile(99.9) / 1000.0,
                  h.getMaxValue() / 1000.0));
      sep = ",\n";
    }
    b.append("\n  },\n");
    b.append("  \"observedIncidents\": ")
        .append(OutageDetector.json(observedIncidents))
        .append(",\n");
    b.append("  \"milestonesSeconds\": {");
    String msep = "\n";
    for (Milestones m : milestones) {
      b.append(msep).append("    ").append(quote(m.what())).append(": {");
      String isep = "";
      for (Map.Entry<String, Double> e : m.reached().entrySet()) {
        b.append(isep)
            .append(quote(e.getKey()))
            .append(String.format(Locale.ROOT, ": %.1f", e.getValue()));
        isep = ", ";
      }
      b.append('}');
      msep = ",\n";
    }
    b.append(milestones.isEmpty() ? "},\n" : "\n  },\n");
    b.append("  \"firmwareRollouts\": [");
    String rsep = "\n";
    for (Rollout r : rollouts) {
      b.append(rsep)
          .append(
              String.format(
                  Locale.ROOT,
                  "    {\"agents\": %d, \"upgraded\": %d, \"alreadyThere\": %d, \"seconds\": %.1f,",
                  r.agents(),
                  r.upgraded(),
                  r.alreadyThere(),
                  r.seconds()));
      b.append(" \"failed\": ").append(object(r.failed())).append('}');
      rsep = ",\n";
    }
    b.append(rollouts.isEmpty() ? "],\n" : "\n  ],\n");
    b.append("  \"firmwareVersions\": [");
    String vsep = "\n";
    for (FirmwareSeries.Sample v : firmwareVersions) {
      b.append(vsep)
          .append(
              String.format(Locale.ROOT, "    {\"seconds\": %.1f, \"versions\": ", v.seconds()));
      b.append(object(new java.util.TreeMap<>(v.versions()))).append('}');
      vsep = ",\n";
    }
    b.append(firmwareVersions.isEmpty() ? "],\n" : "\n  ],\n");
    counters(b, "agentStatesAtEnd", statesAtEnd).append(",\n");
    b.append("  \"timeSeries\": ").append(timeSeriesJson).append(",\n");
    counters(b, "messagesToAgents", messagesToAgents).append(",\n");
    counters(b, "messagesFromAgents", messagesFromAgents).append(",\n");
    counters(b, "handled", handled).append(",\n");
    counters(b, "notifications", notifications).append(",\n");
    counters(b, "drops", drops).append(",\n");
    counters(b, "connectFailures", connectFailures).append(",\n");
    counters(b, "transportEvents", transportEvents).append(",\n");
    b.append("  \"controllerDropped\": ").append(controllerDropped).append(",\n");
    b.append("  \"fleetTickRounds\": ").append(tickRounds).append(",\n");
    b.append("  \"fleetTicksDeferred\": ").append(ticksDeferred).append(",\n");
    counters(b, "unexpected", unexpected).append(",\n");
    b.append("  \"assertions\": [");
    sep = "\n";
    for (Verdict v : verdicts) {
      b.append(sep)
          .append("    {\"assertion\": ")
          .append(quote(v.assertion()))
          .append(", \"actual\": ")
          .append(quote(v.actual()))
          .append(", \"passed\": ")
          .append(v.passed())
          .append('}');
      sep = ",\n";
    }
    b.append(verdicts.isEmpty() ? "],\n" : "\n  ],\n");
    b.append("  \"passed\": ").append(passed()).append("\n}\n");
    return b.toString();
  }

  private static String urls(List<java.net.URI> urls) {
    StringBuilder b = new StringBuilder("[");
    for (java.net.URI u : urls) {
      b.append(b.length() == 1 ? "" : ", ").append(quote(Redacted.url(u)));
    }
    return b.append(']').toString();
  }

  private static StringBuilder counters(StringBuilder b, String name, Map<String, Long> values) {
    return b.append("  ").append(quote(name)).append(": ").append(object(values));
  }

  private static String object(Map<String, Long> values) {
    StringBuilder b = new StringBuilder("{");
    String sep = "";
    for (Map.Entry<String, Long> e : values.entrySet()) {
      b.append(sep).append(quote(e.getKey())).append(": ").append(e.getValue());
      sep = ", ";
    }
    return b.append('}').toString();
  }

  /** USP messages by MsgType and direction, as the agents saw them on their MTP. */
  private String messages() {
    java.util.TreeSet<String> types = new java.util.TreeSet<>(messagesToAgents.keySet());
    types.addAll(messagesFromAgents.keySet());
    if (types.isEmpty()) {
      return "";
    }
    StringBuilder b =
        new StringBuilder(
            String.format(
                Locale.ROOT, "%nmessages %-22s %12s %12s%n", "", "to agents", "from agents"));
    for (String t : types) {
      b.append(
          String.format(
              Locale.ROOT,
              "  %-28s %12d %12d%n",
              t,
              messagesToAgents.getOrDefault(t, 0L),
              messagesFromAgents.getOrDefault(t, 0L)));
    }
    return b.toString();
  }

  private static StringBuilder field(StringBuilder b, String name, String value) {
    return b.append("  ").append(quote(name)).append(": ").append(quote(value));
  }

  private static String seconds(Map<String, Double> reached) {
    if (reached.isEmpty()) {
      return "50 % not reached";
    }
    StringBuilder b = new StringBuilder();
    reached.forEach(
        (pct, sec) ->
            b.append(b.length() == 0 ? "" : ", ")
                .append(pct)
                .append(String.format(Locale.ROOT, " after %.1f s", sec)));
    return b.toString();
  }

  private static String fmt(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }
}
