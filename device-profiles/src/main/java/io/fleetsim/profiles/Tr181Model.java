package io.fleetsim.profiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The TR-181 Device:2 model as flattened in {@code tr-181-2-19-1-usp-flat.tsv} (../shared/tr-181):
 * one line per object, parameter, command, event and argument. Read from the shared folder, never
 * copied into the project.
 */
public final class Tr181Model {

  /**
   * One model item. {@code type} is the base type (named data types resolved), or "" for objects.
   */
  public record Item(
      char kind, String path, String access, String baseType, boolean list, String status) {}

  private final Map<String, Item> items;

  private Tr181Model(Map<String, Item> items) {
    this.items = items;
  }

  /** Loads the flattened TSV. */
  public static Tr181Model load(Path tsv) {
    List<String> lines;
    try {
      lines = Files.readAllLines(tsv);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the TR-181 model " + tsv, e);
    }
    Map<String, Item> items = new HashMap<>(lines.size() * 2);
    for (String line : lines) {
      String[] f = line.split("\t");
      if (f.length < 2 || f[0].length() != 1) {
        continue;
      }
      char kind = f[0].charAt(0);
      Item item =
          switch (kind) {
            case 'O' -> new Item(kind, f[1], f[2], "", false, f.length > 5 ? f[5] : "current");
            case 'P' -> typed(kind, f[1], f[2], f[3], f.length > 4 ? f[4] : "current");
            case 'C' ->
                new Item(kind, f[1], "true".equals(f[2]) ? "async" : "sync", "", false, "current");
            case 'E' -> new Item(kind, f[1], "", "", false, "current");
            case 'A' -> typed(kind, f[1], "", f[2], "current");
            default -> null;
          };
      if (item != null) {
        items.put(item.path(), item);
      }
    }
    return new Tr181Model(items);
  }

  /** {@code list<dataType:MACAddress(string)>} → list of string. */
  private static Item typed(char kind, String path, String access, String type, String status) {
    boolean list = type.startsWith("list<") && type.endsWith(">");
    String t = list ? type.substring(5, type.length() - 1) : type;
    if (t.startsWith("dataType:")) {
      int open = t.indexOf('(');
      t = open < 0 ? t : t.substring(open + 1, t.length() - 1);
    }
    return new Item(kind, path, access, t, list, status);
  }

  /**
   * The item at a flattened path ({@code Device.WiFi.SSID.{i}.SSID}, {@code
   * Device.Reboot().in.Cause}).
   */
  public Item item(String path) {
    return items.get(path);
  }

  public int size() {
    return items.size();
  }
}
