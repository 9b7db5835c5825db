package io.fleetsim.profiles;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import io.fleetsim.datamodel.ProfileException;
import io.fleetsim.datamodel.Schema;
import java.util.ArrayList;
import java.util.List;

/**
 * A fleet's composition, e.g. 70% gateways on firmware 3.2.14, 20% extenders, 10% IoT hubs:
 *
 * <pre>
 * fleet.mix = [
 *   { profile = home-gateway, share = 70, firmware = "3.2.14" }
 *   { profile = wifi-extender, share = 20 }
 *   { profile = iot-hub, share = 10 }
 * ]
 * </pre>
 *
 * Shares are percentages summing to 100. Agents are assigned by index with a golden-ratio sequence,
 * so any prefix of the fleet (a ramp that has started 1,000 of 100,000 agents) already has the mix.
 */
public record FleetMix(List<Entry> entries) {
  private static final double GOLDEN = 0.6180339887498949;

  /**
   * One kind of device in the fleet.
   *
   * @param firmware the SoftwareVersion these devices run, or null for the profile's
   * @param mtp {@code websocket}, {@code mqtt} or {@code stomp}, or null for the MTP of the run's
   *     target
   */
  public record Entry(String profile, double share, String firmware, String mtp) {
    public Entry(String profile, double share, String firmware) {
      this(profile, share, firmware, null);
    }
  }

  /** The MTPs an entry may name. */
  public static final List<String> MTPS = List.of("websocket", "mqtt", "stomp");

  public FleetMix {
    entries = List.copyOf(entries);
  }

  /** Parses and checks {@code path} (a list of entries); errors name file, line and key. */
  public static FleetMix parse(Config config, String path) {
    List<Entry> out = new ArrayList<>();
    double total = 0;
    try {
      List<? extends ConfigObject> list = config.getObjectList(path);
      for (int i = 0; i < list.size(); i++) {
        ConfigObject o = list.get(i);
        String key = path + "[" + i + "]";
        for (String k : o.keySet()) {
          if (!List.of("profile", "share", "firmware", "mtp").contains(k)) {
            throw error(
                o.get(k), key + "." + k, "unknown key; expected profile, share, firmware, mtp");
          }
        }
        Config c = o.toConfig();
        if (!c.hasPath("profile") || !c.hasPath("share")) {
          throw error(o, key, "needs profile and share");
        }
        double share = c.getDouble("share");
        if (share <= 0 || share > 100) {
          throw error(o.get("share"), key + ".share", "a percentage in (0, 100]");
        }
        total += share;
        String mtp = c.hasPath("mtp") ? c.getString("mtp") : null;
        if (mtp != null && !MTPS.contains(mtp)) {
          throw error(o.get("mtp"), key + ".mtp", "websocket, mqtt or stomp, not " + mtp);
        }
        out.add(
            new Entry(
                c.getString("profile"),
                share,
                c.hasPath("firmware") ? c.getString("firmware") : null,
                mtp));
      }
      if (out.isEmpty() || Math.abs(total - 100) > 1e-9) {
        throw error(config.getValue(path), path, "shares must add up to 100, not " + total);
      }
    } catch (ConfigException e) {
      throw new ProfileException(e.getMessage());
    }
    return new FleetMix(out);
  }

  /** Which entry agent {@code index} is. Deterministic, and well mixed in every prefix. */
  public int entryOf(int index) {
    double position = (index * GOLDEN) % 1.0 * 100;
    double cumulative = 0;
    for (int i = 0; i < entries.size(); i++) {
      cumulative += entries.get(i).share();
      if (position < cumulative) {
        return i;
      }
    }
    return entries.size() - 1;
  }

  /** Compiles each entry's schema once (profile plus firmware pin); index as {@link #entryOf}. */
  public List<Schema> schemas() {
    return schemas(java.util.Map.of());
  }

  /**
   * As {@link #schemas()} with profile overrides applied to every entry (paths below {@code
   * profile.}, e.g. {@code agent.reboot-time}).
   */
  public List<Schema> schemas(java.util.Map<String, String> overrides) {
    return schemas(overrides, e -> null);
  }

  /**
   * As {@link #schemas(java.util.Map)} with each entry's MTP overlay ({@code overlay} gives it for
   * an entry, or null for none; see {@link BuiltinProfiles#load(String, String, java.util.Map,
   * java.util.function.UnaryOperator)}).
   */
  public List<Schema> schemas(
      java.util.Map<String, String> overrides,
      java.util.function.Function<Entry, java.util.function.UnaryOperator<Config>> overlay) {
    List<Schema> out = new ArrayList<>(entries.size());
    for (Entry e : entries) {
      out.add(BuiltinProfiles.load(e.profile(), e.firmware(), overrides, overlay.apply(e)));
    }
    return out;
  }

  private static ProfileException error(ConfigValue at, String key, String problem) {
    String where =
        at == null || at.origin() == null
            ? "fleet"
            : (at.origin().filename() != null ? at.origin().filename() : at.origin().description())
                + (at.origin().lineNumber() > 0 ? ":" + at.origin().lineNumber() : "");
    return new ProfileException(where + ": " + key + ": " + problem);
  }
}
