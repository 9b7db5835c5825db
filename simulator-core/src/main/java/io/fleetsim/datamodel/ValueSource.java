package io.fleetsim.datamodel;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/**
 * Where a parameter's value comes from while no agent wrote it. Shared by every agent of a profile:
 * values that differ per device (serial, MAC, counters, UpTime) are computed from (seed, agent
 * index, instance, clock) on read instead of being stored per agent.
 */
public sealed interface ValueSource {

  /** The value for this context, in TR-106 string form. */
  String value(ValueContext ctx);

  /** True when the value moves with the clock (so it never equals a stored baseline for long). */
  default boolean timeDependent() {
    return false;
  }

  /**
   * True when the value moves in rare discrete steps that ValueChange subscribers hear of (a new
   * Wi-Fi channel), unlike counters and noise, whose subscriptions the agent ignores.
   */
  default boolean notifiesChanges() {
    return false;
  }

  /**
   * The first instant after {@code afterMillis} at which a value that {@link #notifiesChanges()}
   * moves, or {@link Long#MAX_VALUE} when it never does by itself: the fleet ticks an agent then,
   * not every second.
   */
  default long nextChangeAfter(ValueContext ctx, long afterMillis) {
    return Long.MAX_VALUE;
  }

  /**
   * A value per agent from a device list ({@link io.fleetsim.identity.DeviceList}): agent {@code i}
   * has row {@code i}'s (the shared column, not a copy); "" past its end.
   */
  record Listed(String[] values) implements ValueSource {
    @Override
    public String value(ValueContext ctx) {
      int i = ctx.agentIndex();
      return i >= 0 && i < values.length ? values[i] : "";
    }
  }

  /** The same value on every agent. */
  record Constant(String value) implements ValueSource {
    @Override
    public String value(ValueContext ctx) {
      return value;
    }
  }

  /**
   * A per-device string: {@code {index}}, {@code {index:08}} (zero-padded), {@code {hex:6}} (index
   * in upper-case hex), {@code {i}} (innermost instance number) and {@code {i1}}..{@code {i4}}.
   */
  record Template(String pattern) implements ValueSource {
    @Override
    public String value(ValueContext ctx) {
      return Templates.expand(pattern, ctx);
    }
  }

  /**
   * A MAC address: the OUI's 3 bytes, then 3 bytes from agent index and instance (unique per
   * fleet). Instance numbers past {@code perAgent} fold back into the agent's block (a churning
   * table's numbers grow without end); with {@code perAgent} a multiple of the churn slots, rows
   * present together never share an address.
   */
  record Mac(int oui, int perAgent) implements ValueSource {
    @Override
    public String value(ValueContext ctx) {
      int[] inst = ctx.instances();
      int n = inst.length == 0 ? 0 : inst[inst.length - 1];
      int local = n <= perAgent ? n : 1 + (n - 1) % perAgent;
      long nic = ((long) ctx.agentIndex() * perAgent + local) & 0xFFFFFFL;
      long mac = ((long) oui << 24) | nic;
      StringBuilder sb = new StringBuilder(17);
      for (int shift = 40; shift >= 0; shift -= 8) {
        int b = (int) (mac >>> shift) & 0xFF;
        sb.append(Character.toUpperCase(Character.forDigit(b >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
        if (shift > 0) {
          sb.append(':');
        }
      }
      return sb.toString();
    }
  }

  /** An IPv4 address: base + agent index * stride + instance offset, wrapping inside the subnet. */
  record Ipv4(int base, int prefixLength, int stride) implements ValueSource {
    @Override
    public String value(ValueContext ctx) {
      int[] inst = ctx.instances();
      int local = inst.length == 0 ? 0 : inst[inst.length - 1];
      long hosts = prefixLength >= 31 ? 1 : (1L << (32 - prefixLength)) - 2;
      long host = 1 + Math.floorMod((long) ctx.agentIndex() * stride + local, hosts);
      int addr = (int) ((base & 0xFFFFFFFFL) + host);
      return ((addr >>> 24) & 0xFF)
          + "."
          + ((addr >>> 16) & 0xFF)
          + "."
          + ((addr >>> 8) & 0xFF)
          + "."
          + (addr & 0xFF);
    }
  }

  /** Seconds since boot (DeviceInfo.UpTime, LocalAgent.UpTime). */
  record UpTime() implements ValueSource {
    @Override
    public String value(ValueContext ctx) {
      return Long.toString(Math.max(0, (ctx.nowMillis() - ctx.bootMillis()) / 1000));
    }

    @Override
    public boolean timeDependent() {
      return true;
    }
  }

  /** The current time as a dateTime (Time.CurrentLocalTime). */
  record Clock() implements ValueSource {
    @Override
    public String value(ValueContext ctx) {
      return TypedValues.dateTime(ctx.nowMillis());
    }

    @Override
    public boolean timeDependent() {
      return true;
    }
  }

  /**
   * A counter growing since boot at {@code ratePerSecond}, each device at its own seeded rate
   * within ±{@code jitter} (0..1) of it (Stats.BytesSent and friends).
   */
  record Counter(long start, double ratePerSecond, double jitter) implements ValueSource {
    @Override
    public String value(ValueContext ctx) {
      double u = Seeds.unit(ctx, 0x5EED_C0DEL);
      double rate = ratePerSecond * (1 + jitter * (2 * u - 1));
      double elapsed = Math.max(0, ctx.nowMillis() - ctx.bootMillis()) / 1000.0;
      return Long.toUnsignedString(start + (long) (rate * elapsed));
    }

    @Override
    public boolean timeDependent() {
      return true;
    }
  }

  /** A seeded integer uniformly in [min, max], fixed per device and instance. */
  record RandomRange(long min, long max) implements ValueSource {
    @Override
    public String value(ValueContext ctx) {
      return Long.toString(
          min + (long) Math.floor(Seeds.unit(ctx, 0x7A4D_0001L) * (max - min + 1)));
    }
  }

  /**
   * A value that wanders around a per-device mean: the mean is drawn once per device and instance
   * in [meanMin, meanMax]; the value moves within ±amplitude as smooth seeded noise with knots
   * every {@code periodMillis} (RSSI that drifts a few dB per 30 s, temperatures, CPU load),
   * clamped to [min, max] and rounded to {@code decimals} places.
   */
  record Wander(
      double meanMin,
      double meanMax,
      double amplitude,
      long periodMillis,
      double min,
      double max,
      int decimals)
      implements ValueSource {
    @Override
    public String value(ValueContext ctx) {
      double mean = meanMin + (meanMax - meanMin) * Seeds.unit(ctx, 0x3EA_0001L);
      double t = (double) ctx.nowMillis() / periodMillis;
      long knot = (long) Math.floor(t);
      double f = t - knot;
      double smooth = f * f * (3 - 2 * f);
      double a = 2 * Seeds.unit(ctx, 0x3EA_1000L + knot) - 1;
      double b = 2 * Seeds.unit(ctx, 0x3EA_1000L + knot + 1) - 1;
      double v = Math.max(min, Math.min(max, mean + amplitude * (a + (b - a) * smooth)));
      if (decimals <= 0) {
        return Long.toString(Math.round(v));
      }
      return BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
    }

    @Override
    public boolean timeDependent() {
      return true;
    }
  }

  /**
   * A setting the device changes by itself now and then, like a Wi-Fi radio's auto channel (auto
   * channel selection: 0-3 changes a day): in each {@code everyMillis} window of the clock there is
   * one change, at a seeded moment per device and instance, to the next of {@code values} from a
   * seeded start. Two readings differ exactly when a change fell between them, so the fleet tick
   * finds changes without storing anything per agent.
   */
  record Hop(List<String> values, long everyMillis) implements ValueSource {
    public Hop {
      values = List.copyOf(values);
      if (values.size() < 2 || everyMillis <= 0) {
        throw new IllegalArgumentException("hop needs two values or more and every > 0");
      }
    }

    @Override
    public String value(ValueContext ctx) {
      long window = Math.floorDiv(ctx.nowMillis(), everyMillis);
      long into = ctx.nowMillis() - window * everyMillis;
      long changes = window + (into >= changeInto(ctx, window) ? 1 : 0);
      int start = (int) (Seeds.unit(ctx, 0x40B_FFFFL) * values.size());
      return values.get((int) Math.floorMod(start + changes, (long) values.size()));
    }

    @Override
    public boolean timeDependent() {
      return true;
    }

    @Override
    public boolean notifiesChanges() {
      return true;
    }

    /** The seeded moment of this window's change, or of the next window's once it has passed. */
    @Override
    public long nextChangeAfter(ValueContext ctx, long afterMillis) {
      for (long w = Math.floorDiv(afterMillis, everyMillis); ; w++) {
        long at = w * everyMillis + (long) Math.ceil(changeInto(ctx, w));
        if (at > afterMillis) {
          return at;
        }
      }
    }

    /** How far into window {@code w} its one change falls, seeded per device and instance. */
    private double changeInto(ValueContext ctx, long w) {
      return Seeds.unit(ctx, 0x40B_0000L + w) * everyMillis;
    }
  }

  /**
   * One of several sources, picked per row by a seeded draw over their cumulative shares (a table's
   * {@code variants}): every parameter of a row draws with the same salt, so a host on Wi-Fi has
   * its Wi-Fi interface, type and AssociatedDevice together.
   *
   * @param upTo cumulative shares in (0, 1], the last one 1
   */
  record Pick(List<ValueSource> choices, double[] upTo, long salt) implements ValueSource {
    public Pick {
      choices = List.copyOf(choices);
      upTo = upTo.clone();
    }

    /** Which variant the row of this context has. */
    static int variant(ValueContext ctx, double[] upTo, long salt) {
      double u = Seeds.unit(ctx, salt);
      int i = 0;
      while (i < upTo.length - 1 && u >= upTo[i]) {
        i++;
      }
      return i;
    }

    @Override
    public String value(ValueContext ctx) {
      return choices.get(variant(ctx, upTo, salt)).value(ctx);
    }

    @Override
    public boolean timeDependent() {
      return choices.stream().anyMatch(ValueSource::timeDependent);
    }

    @Override
    public boolean notifiesChanges() {
      return choices.stream().anyMatch(ValueSource::notifiesChanges);
    }

    @Override
    public long nextChangeAfter(ValueContext ctx, long afterMillis) {
      return choices.get(variant(ctx, upTo, salt)).nextChangeAfter(ctx, afterMillis);
    }
  }

  /**
   * A value of another member of the agent's Wi-Fi mesh ({@code gen { mesh { … } }}): its
   * controller's parameter {@code path} (Network.ControllerID, the network's ID), or, in a row of a
   * {@code mesh = members} table, the row's member's (row 1 the controller, then the extenders).
   * {@code alone} when the agent has no controller in the fleet; "" past the members.
   */
  record MeshValue(boolean controller, String path, ValueSource alone) implements ValueSource {
    @Override
    public String value(ValueContext ctx) {
      Mesh mesh = ctx.mesh();
      if (controller) {
        int c = mesh == null ? -1 : mesh.controllerOf(ctx.agentIndex());
        return c < 0 ? alone.value(ctx) : mesh.value(c, path, ctx.nowMillis());
      }
      int[] inst = ctx.instances();
      int row = inst.length == 0 ? 1 : inst[0];
      if (mesh == null) {
        return row == 1 ? alone.value(ctx) : "";
      }
      int[] members = mesh.membersOf(ctx.agentIndex());
      return row >= 1 && row <= members.length
          ? mesh.value(members[row - 1], path, ctx.nowMillis())
          : "";
    }
  }

  /**
   * Different sources per instance number (FirmwareImage.1 Active, .2 Available), else a fallback.
   */
  record PerInstance(Map<Integer, ValueSource> byInstance, ValueSource fallback)
      implements ValueSource {
    public PerInstance {
      byInstance = Map.copyOf(byInstance);
    }

    @Override
    public String value(ValueContext ctx) {
      return sourceOf(ctx).value(ctx);
    }

    /** The source of the context's instance number (the last one), else the fallback. */
    private ValueSource sourceOf(ValueContext ctx) {
      int[] inst = ctx.instances();
      ValueSource s = inst.length == 0 ? null : byInstance.get(inst[inst.length - 1]);
      return s == null ? fallback : s;
    }

    @Override
    public boolean timeDependent() {
      return fallback.timeDependent()
          || byInstance.values().stream().anyMatch(ValueSource::timeDependent);
    }

    @Override
    public boolean notifiesChanges() {
      return fallback.notifiesChanges()
          || byInstance.values().stream().anyMatch(ValueSource::notifiesChanges);
    }

    @Override
    public long nextChangeAfter(ValueContext ctx, long afterMillis) {
      return sourceOf(ctx).nextChangeAfter(ctx, afterMillis);
    }
  }
}
