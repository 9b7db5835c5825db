package io.fleetsim.cluster;

import io.fleetsim.metrics.AgentState;
import io.fleetsim.metrics.FleetCounters;
import io.fleetsim.scenario.RunReport;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;

/**
 * The field encodings of the cluster messages: counter maps, {@link FleetCounters}, compressed
 * HdrHistograms (the format HdrHistogram itself defines, so a histogram arrives exactly as sent)
 * and rollouts. Sizes read from the wire are bounded, so a corrupt message fails to decode instead
 * of allocating without limit.
 */
final class WireCodec {
  /** The most entries a map or list of a message may hold. */
  static final int MAX_ENTRIES = 100_000;

  /** The largest compressed histogram a message may hold (one is a few KiB at most). */
  static final int MAX_HISTOGRAM_BYTES = 1 << 20;

  private WireCodec() {}

  static void writeCounts(DataOutputStream out, Map<String, Long> counts) throws IOException {
    out.writeInt(counts.size());
    for (Map.Entry<String, Long> e : counts.entrySet()) {
      out.writeUTF(e.getKey());
      out.writeLong(e.getValue());
    }
  }

  static Map<String, Long> readCounts(DataInputStream in) throws IOException {
    int n = size(in);
    Map<String, Long> out = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      out.put(in.readUTF(), in.readLong());
    }
    return out;
  }

  static void writeCounters(DataOutputStream out, FleetCounters c) throws IOException {
    out.writeLong(c.connectedNow());
    out.writeLong(c.connects());
    out.writeLong(c.sessionsLost());
    Map<String, Long> states = new TreeMap<>();
    c.states().forEach((s, n) -> states.put(s.name(), n));
    writeCounts(out, states);
    for (Map<String, Long> m : maps(c)) {
      writeCounts(out, m);
    }
  }

  private static List<Map<String, Long>> maps(FleetCounters c) {
    return List.of(
        c.connectFailures(),
        c.drops(),
        c.handled(),
        c.notifications(),
        c.unexpected(),
        c.acknowledged(),
        c.toAgents(),
        c.fromAgents(),
        c.firmware());
  }

  static FleetCounters readCounters(DataInputStream in) throws IOException {
    long connected = in.readLong();
    long connects = in.readLong();
    long lost = in.readLong();
    Map<AgentState, Long> states = new EnumMap<>(AgentState.class);
    for (Map.Entry<String, Long> e : readCounts(in).entrySet()) {
      try {
        states.put(AgentState.valueOf(e.getKey()), e.getValue());
      } catch (IllegalArgumentException unknown) {
        throw new IOException("unknown agent state " + e.getKey());
      }
    }
    List<Map<String, Long>> m = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      m.add(readCounts(in));
    }
    return new FleetCounters(
        connected, connects, lost, states, m.get(0), m.get(1), m.get(2), m.get(3), m.get(4),
        m.get(5), m.get(6), m.get(7), m.get(8));
  }

  static void writeHistograms(DataOutputStream out, Map<String, Histogram> histograms)
      throws IOException {
    out.writeInt(histograms.size());
    for (Map.Entry<String, Histogram> e : histograms.entrySet()) {
      out.writeUTF(e.getKey());
      Histogram h = e.getValue();
      ByteBuffer buffer = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
      int length = h.encodeIntoCompressedByteBuffer(buffer);
      out.writeInt(length);
      out.write(buffer.array(), 0, length);
    }
  }

  static Map<String, Histogram> readHistograms(DataInputStream in) throws IOException {
    int n = size(in);
    Map<String, Histogram> out = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      String name = in.readUTF();
      int length = in.readInt();
      if (length < 0 || length > MAX_HISTOGRAM_BYTES) {
        throw new IOException("histogram of " + length + " bytes");
      }
      byte[] bytes = new byte[length];
      in.readFully(bytes);
      try {
        out.put(name, Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(bytes), 0));
      } catch (DataFormatException | RuntimeException e) {
        throw new IOException("undecodable histogram " + name + ": " + e.getMessage());
      }
    }
    return out;
  }

  static void writeRollouts(DataOutputStream out, List<RunReport.Rollout> rollouts)
      throws IOException {
    out.writeInt(rollouts.size());
    for (RunReport.Rollout r : rollouts) {
      out.writeInt(r.agents());
      out.writeLong(r.upgraded());
      out.writeLong(r.alreadyThere());
      writeCounts(out, r.failed());
      out.writeDouble(r.seconds());
    }
  }

  static List<RunReport.Rollout> readRollouts(DataInputStream in) throws IOException {
    int n = size(in);
    List<RunReport.Rollout> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(
          new RunReport.Rollout(
              in.readInt(), in.readLong(), in.readLong(), readCounts(in), in.readDouble()));
    }
    return out;
  }

  private static int size(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > MAX_ENTRIES) {
      throw new IOException("a list of " + n + " entries");
    }
    return n;
  }
}
