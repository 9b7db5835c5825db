package io.fleetsim.scenario;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigParseOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * A recorded incident to replay: lines of {@code seconds,agents,event} in a CSV file, for example
 * exported from a real fleet's logs. {@code seconds} is the time since the replay starts; {@code
 * agents} is one agent index ({@code 42}), a range ({@code 0-99}), a share of the fleet ({@code
 * 10%}, seeded) or {@code all}; {@code event} is {@code drop} (the link breaks without a
 * DisconnectRecord), {@code reboot} (the embedded controller reboots them) or {@code garbage} (they
 * send undecodable Records). Blank lines and {@code #} comments are skipped. A {@code .json} file
 * holds the same as {@code {"events": [{"seconds": 5, "agents": "0-99", "event": "drop"}, …]}}.
 * Errors name the file and line.
 */
public record Timeline(Path file, List<Entry> entries) {
  public Timeline {
    entries = List.copyOf(entries);
  }

  /** What happens. */
  public enum Event {
    DROP,
    REBOOT,
    GARBAGE
  }

  /** One line: when, to whom, what. */
  public record Entry(Duration offset, String agents, Event event) {

    /**
     * Whether the line names agents by index ({@code 42}, {@code 0-19}): fleet-wide indexes, which
     * a fleet holding only some agents (a cluster worker's) maps to its own.
     */
    public boolean byIndex() {
      return !agents.equals("all") && !agents.endsWith("%");
    }

    /** The agent indexes this line selects in a fleet of {@code size}, seeded for shares. */
    public int[] select(int size, long seed) {
      if (agents.equals("all")) {
        return IntStream.range(0, size).toArray();
      }
      if (agents.endsWith("%")) {
        double pct = Double.parseDouble(agents.substring(0, agents.length() - 1));
        int n = (int) Math.round(size * pct / 100.0);
        SplittableRandom r = new SplittableRandom(seed ^ offset.toMillis());
        return r.ints(0, Math.max(1, size)).distinct().limit(Math.min(n, size)).toArray();
      }
      int dash = agents.indexOf('-');
      if (dash > 0) {
        int from = Integer.parseInt(agents.substring(0, dash));
        int to = Math.min(size - 1, Integer.parseInt(agents.substring(dash + 1)));
        return from > to ? new int[0] : IntStream.rangeClosed(from, to).toArray();
      }
      int i = Integer.parseInt(agents);
      return i < size ? new int[] {i} : new int[0];
    }
  }

  /** Reads and checks {@code file} (CSV, or JSON by its extension); problems name file:line. */
  public static Timeline load(Path file) {
    if (file.toString().endsWith(".json")) {
      return loadJson(file);
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (IOException e) {
      throw new ScenarioException(file + ": cannot read the timeline: " + e.getMessage());
    }
    List<Entry> out = new ArrayList<>();
    for (int n = 0; n < lines.size(); n++) {
      String line = lines.get(n).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String where = file + ":" + (n + 1) + ": ";
      String[] cells = line.split(",", -1);
      if (cells.length != 3) {
        throw new ScenarioException(where + "expected seconds,agents,event, got " + line);
      }
      out.add(entry(where, cells[0].strip(), cells[1].strip(), cells[2].strip()));
    }
    return checked(file, out);
  }

  private static Timeline loadJson(Path file) {
    List<Entry> out = new ArrayList<>();
    try {
      Config root =
          ConfigFactory.parseFile(
              file.toFile(), ConfigParseOptions.defaults().setAllowMissing(false));
      for (ConfigObject o : root.getObjectList("events")) {
        Config e = o.toConfig();
        String where = file + ":" + o.origin().lineNumber() + ": ";
        for (String key : List.of("seconds", "agents", "event")) {
          if (!e.hasPath(key)) {
            throw new ScenarioException(where + key + ": missing");
          }
        }
        out.add(
            entry(
                where,
                String.valueOf(e.getValue("seconds").unwrapped()),
                String.valueOf(e.getValue("agents").unwrapped()),
                String.valueOf(e.getValue("event").unwrapped())));
      }
    } catch (ConfigException e) {
      throw new ScenarioException(file + ": " + e.getMessage());
    }
    return checked(file, out);
  }

  private static Timeline checked(Path file, List<Entry> out) {
    if (out.isEmpty()) {
      throw new ScenarioException(file + ": the timeline has no events");
    }
    return new Timeline(file, out);
  }

  /** One event from its three texts; {@code where} (file:line: ) starts every error. */
  private static Entry entry(String where, String secondsText, String agents, String eventText) {
    double seconds;
    try {
      seconds = Double.parseDouble(secondsText);
    } catch (NumberFormatException e) {
      throw new ScenarioException(where + "seconds: not a number: " + secondsText);
    }
    if (seconds < 0) {
      throw new ScenarioException(where + "seconds: must be >= 0");
    }
    if (!agents.matches("all|\\d+|\\d+-\\d+|\\d+(\\.\\d+)?%")) {
      throw new ScenarioException(
          where + "agents: an index, a range a-b, a share such as 10% or all, not " + agents);
    }
    Event event;
    try {
      event = Event.valueOf(eventText.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ScenarioException(where + "event: drop, reboot or garbage, not " + eventText);
    }
    return new Entry(Duration.ofMillis(Math.round(seconds * 1000)), agents, event);
  }
}
