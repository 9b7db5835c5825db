package io.fleetsim.identity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * A lab's own device list ({@code fleet.identities = "devices.csv"}): agent {@code i} is row {@code
 * i}, with the EndpointID, serial number, MAC address and login the Controller already knows for
 * that device. A header names the columns: {@code eid} (required), {@code serial}, {@code mac},
 * {@code username}, {@code password}. Checked when read, each problem as {@code file:line: what}: a
 * bad EndpointID (TR-369 {@code scheme:authority:instance}, R-ARC.5 characters), a bad MAC, a
 * duplicate EndpointID, serial or MAC (naming the first line), a short row. Loaded once per file
 * and JVM and shared by every profile: the rows are the user's data, the only per-agent state.
 */
public final class DeviceList {
  /** The columns a header may name. */
  public static final List<String> COLUMNS =
      List.of("eid", "serial", "mac", "username", "password");

  private static final Pattern EID =
      Pattern.compile(
          "(oui|cid|pen|self|user|os|ops|uuid|imei|proto|doc|fqdn):[^:]*:[A-Za-z0-9._%-]+");
  private static final Pattern MAC = Pattern.compile("([0-9A-Fa-f]{2}:){5}[0-9A-Fa-f]{2}");
  private static final Map<Path, DeviceList> LOADED = new ConcurrentHashMap<>();

  private final Path file;
  private final Map<String, String[]> columns;
  private final int rows;

  private DeviceList(Path file, Map<String, String[]> columns, int rows) {
    this.file = file;
    this.columns = columns;
    this.rows = rows;
  }

  /**
   * The list in {@code file}, read once per JVM.
   *
   * @throws IllegalArgumentException {@code file:line: problem}
   */
  public static DeviceList load(Path file) {
    Path key = file.toAbsolutePath().normalize();
    DeviceList loaded = LOADED.get(key);
    if (loaded == null) {
      loaded = read(key);
      LOADED.putIfAbsent(key, loaded);
    }
    return loaded;
  }

  private static DeviceList read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read the device list " + file + ": " + e, e);
    }
    if (lines.isEmpty() || lines.get(0).isBlank()) {
      throw new IllegalArgumentException(
          file + ":1: a header naming the columns (eid,serial,mac,username,password) comes first");
    }
    List<String> header = List.of(lines.get(0).trim().split("\\s*,\\s*", -1));
    for (String h : header) {
      if (!COLUMNS.contains(h)) {
        throw new IllegalArgumentException(
            file + ":1: unknown column '" + h + "': the columns are " + String.join(", ", COLUMNS));
      }
    }
    if (!header.contains("eid") || header.size() != distinct(header)) {
      throw new IllegalArgumentException(file + ":1: the header needs eid, each column once");
    }
    List<String[]> values = new ArrayList<>();
    for (int i = 0; i < header.size(); i++) {
      values.add(new String[lines.size() - 1]);
    }
    List<Map<String, Integer>> seen = new ArrayList<>();
    for (int c = 0; c < header.size(); c++) {
      seen.add(new HashMap<>());
    }
    int rows = 0;
    for (int n = 1; n < lines.size(); n++) {
      String line = lines.get(n);
      if (line.isBlank()) {
        continue;
      }
      String[] cells = line.split(",", -1);
      String where = file + ":" + (n + 1) + ": ";
      if (cells.length != header.size()) {
        throw new IllegalArgumentException(
            where + cells.length + " values where the header names " + header.size());
      }
      for (int c = 0; c < cells.length; c++) {
        String name = header.get(c);
        String v = cells[c].trim();
        check(name, v, where);
        if (!name.equals("username") && !name.equals("password")) {
          Integer first = seen.get(c).putIfAbsent(v, n + 1);
          if (first != null) {
            throw new IllegalArgumentException(
                where + "duplicate " + name + " " + v + " (first on line " + first + ")");
          }
        }
        values.get(c)[rows] = v;
      }
      rows++;
    }
    Map<String, String[]> columns = new HashMap<>();
    for (int c = 0; c < header.size(); c++) {
      columns.put(header.get(c), java.util.Arrays.copyOf(values.get(c), rows));
    }
    return new DeviceList(file, columns, rows);
  }

  private static int distinct(List<String> header) {
    return new java.util.HashSet<>(header).size();
  }

  private static void check(String column, String v, String where) {
    switch (column) {
      case "eid" -> {
        if (!EID.matcher(v).matches() || v.length() > 255) {
          throw new IllegalArgumentException(
              where
                  + "'"
                  + v
                  + "' is no EndpointID: scheme:authority:instance with a TR-369 scheme and"
                  + " A-Z a-z 0-9 - . _ % in the instance (R-ARC.5)");
        }
      }
      case "mac" -> {
        if (!MAC.matcher(v).matches()) {
          throw new IllegalArgumentException(
              where + "'" + v + "' is no MAC such as 00:D0:9E:00:00:01");
        }
      }
      case "serial", "username" -> {
        if (v.isEmpty()) {
          throw new IllegalArgumentException(where + "empty " + column);
        }
      }
      default -> {}
    }
  }

  /** The file the list came from. */
  public Path file() {
    return file;
  }

  public int rows() {
    return rows;
  }

  /** Whether the list has {@code column}. */
  public boolean has(String column) {
    return columns.containsKey(column);
  }

  /** The values of {@code column} by row (shared, not copied: do not change them). */
  public String[] column(String column) {
    String[] values = columns.get(column);
    if (values == null) {
      throw new IllegalArgumentException(file + " has no column " + column);
    }
    return values;
  }

  /** Row {@code index}'s value of {@code column}, or null when the list has no such column. */
  public String value(String column, int index) {
    String[] values = columns.get(column);
    return values == null || index < 0 || index >= rows ? null : values[index];
  }

  @Override
  public String toString() {
    return "device list " + file + " (" + rows + " devices)";
  }
}
