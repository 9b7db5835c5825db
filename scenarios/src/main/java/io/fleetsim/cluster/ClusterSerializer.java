package io.fleetsim.cluster;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorRefResolver;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.serialization.SerializerWithStringManifest;

/**
 * The wire form of every {@link ClusterMessage}: a one-letter manifest and the fields in order
 * ({@link DataOutputStream}), actor references in Pekko's own string form. Small, explicit and
 * versioned by its manifests; bound in {@link ClusterConfig}.
 */
public final class ClusterSerializer extends SerializerWithStringManifest {
  private static final String DESCRIBE = "D";
  private static final String WORKER_INFO = "I";
  private static final String ASSIGN = "A";
  private static final String START = "S";
  private static final String FINISH = "F";
  private static final String ABORT = "X";
  private static final String READY = "R";
  private static final String FAILED = "E";
  private static final String TICK = "T";

  private final ActorRefResolver refs;

  public ClusterSerializer(ExtendedActorSystem system) {
    this.refs = ActorRefResolver.get(Adapter.toTyped(system));
  }

  @Override
  public int identifier() {
    return 417_369; // unique among the node's serializers; TR-369 in it
  }

  @Override
  public String manifest(Object o) {
    String m = MANIFESTS.get(o.getClass());
    if (m == null) {
      throw new IllegalArgumentException("not a cluster message: " + o.getClass());
    }
    return m;
  }

  private static final Map<Class<?>, String> MANIFESTS =
      Map.of(
          WorkerProtocol.Describe.class, DESCRIBE,
          WorkerProtocol.WorkerInfo.class, WORKER_INFO,
          WorkerProtocol.Assign.class, ASSIGN,
          WorkerProtocol.Start.class, START,
          WorkerProtocol.Finish.class, FINISH,
          WorkerProtocol.Abort.class, ABORT,
          WorkerProtocol.Ready.class, READY,
          WorkerProtocol.Failed.class, FAILED,
          WorkerProtocol.Tick.class, TICK);

  @Override
  public byte[] toBinary(Object o) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      write(out, o);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private void write(DataOutputStream out, Object o) throws IOException {
    if (o instanceof WorkerProtocol.Describe d) {
      out.writeUTF(refs.toSerializationFormat(d.replyTo()));
    } else if (o instanceof WorkerProtocol.WorkerInfo i) {
      out.writeUTF(i.name());
      out.writeUTF(i.host());
      out.writeLong(i.pid());
      out.writeInt(i.maxAgents());
    } else if (o instanceof WorkerProtocol.Assign a) {
      out.writeLong(a.runId());
      writeLongUtf(out, a.scenarioHocon());
      out.writeUTF(a.source());
      out.writeInt(a.totalAgents());
      out.writeInt(a.range().first());
      out.writeInt(a.range().count());
      out.writeInt(a.joinersFirst());
      out.writeBoolean(a.measureHeap());
      out.writeUTF(refs.toSerializationFormat(a.coordinator()));
    } else if (o instanceof WorkerProtocol.Start st) {
      out.writeLong(st.runId());
      out.writeLong(st.atEpochMillis());
    } else if (o instanceof WorkerProtocol.Finish f) {
      out.writeLong(f.runId());
    } else if (o instanceof WorkerProtocol.Abort x) {
      out.writeLong(x.runId());
      out.writeUTF(x.why());
    } else if (o instanceof WorkerProtocol.Ready r) {
      out.writeLong(r.runId());
      out.writeUTF(r.worker());
    } else if (o instanceof WorkerProtocol.Failed f) {
      out.writeLong(f.runId());
      out.writeUTF(f.worker());
      writeLongUtf(out, f.reason());
    } else if (o instanceof WorkerProtocol.Tick t) {
      writeTick(out, t);
    } else {
      throw new IllegalArgumentException("not a cluster message: " + o.getClass());
    }
  }

  private static void writeTick(DataOutputStream out, WorkerProtocol.Tick t) throws IOException {
    out.writeLong(t.runId());
    out.writeUTF(t.worker());
    out.writeLong(t.seq());
    out.writeBoolean(t.last());
    WireCodec.writeCounters(out, t.counters());
    WireCodec.writeHistograms(out, t.agentIntervals());
    WireCodec.writeHistograms(out, t.controllerIntervals());
    WorkerProtocol.Sizes z = t.sizes();
    out.writeInt(z.spawned());
    out.writeInt(z.total());
    out.writeLong(z.tickRounds());
    out.writeLong(z.ticksDeferred());
    out.writeLong(z.controllerBoots());
    out.writeLong(z.controllerDropped());
    out.writeLong(z.heapBytesPerAgent());
    out.writeLong(z.cpuMillis());
    out.writeLong(z.gcMillis());
    out.writeLong(z.jitMillis());
    WireCodec.writeCounts(out, t.transportEvents());
    WireCodec.writeRollouts(out, t.rollouts());
  }

  private static WorkerProtocol.Tick readTick(DataInputStream in) throws IOException {
    return new WorkerProtocol.Tick(
        in.readLong(),
        in.readUTF(),
        in.readLong(),
        in.readBoolean(),
        WireCodec.readCounters(in),
        WireCodec.readHistograms(in),
        WireCodec.readHistograms(in),
        new WorkerProtocol.Sizes(
            in.readInt(),
            in.readInt(),
            in.readLong(),
            in.readLong(),
            in.readLong(),
            in.readLong(),
            in.readLong(),
            in.readLong(),
            in.readLong(),
            in.readLong()),
        WireCodec.readCounts(in),
        WireCodec.readRollouts(in));
  }

  /** A string past writeUTF's 64 KiB: a scenario's HOCON may be longer. */
  private static void writeLongUtf(DataOutputStream out, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  private static String readLongUtf(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > MAX_TEXT_BYTES) {
      throw new IOException("a text of " + n + " bytes");
    }
    byte[] b = new byte[n];
    in.readFully(b);
    return new String(b, StandardCharsets.UTF_8);
  }

  /** The largest scenario text a message may carry. */
  private static final int MAX_TEXT_BYTES = 16 << 20;

  /** Bytes of Ticks decoded in this JVM: what the workers' metrics cost on the wire. */
  static final java.util.concurrent.atomic.LongAdder TICK_BYTES =
      new java.util.concurrent.atomic.LongAdder();

  @Override
  public Object fromBinary(byte[] bytes, String manifest) throws NotSerializableException {
    if (TICK.equals(manifest)) {
      TICK_BYTES.add(bytes.length);
    }
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      return switch (manifest) {
        case DESCRIBE -> {
          ActorRef<WorkerProtocol.WorkerInfo> replyTo = refs.resolveActorRef(in.readUTF());
          yield new WorkerProtocol.Describe(replyTo);
        }
        case WORKER_INFO ->
            new WorkerProtocol.WorkerInfo(in.readUTF(), in.readUTF(), in.readLong(), in.readInt());
        case ASSIGN -> {
          long runId = in.readLong();
          String hocon = readLongUtf(in);
          String source = in.readUTF();
          int total = in.readInt();
          AgentRange range = new AgentRange(in.readInt(), in.readInt());
          int joinersFirst = in.readInt();
          boolean heap = in.readBoolean();
          ActorRef<WorkerProtocol.Event> coordinator = refs.resolveActorRef(in.readUTF());
          yield new WorkerProtocol.Assign(
              runId, hocon, source, total, range, joinersFirst, heap, coordinator);
        }
        case START -> new WorkerProtocol.Start(in.readLong(), in.readLong());
        case FINISH -> new WorkerProtocol.Finish(in.readLong());
        case ABORT -> new WorkerProtocol.Abort(in.readLong(), in.readUTF());
        case READY -> new WorkerProtocol.Ready(in.readLong(), in.readUTF());
        case FAILED -> new WorkerProtocol.Failed(in.readLong(), in.readUTF(), readLongUtf(in));
        case TICK -> readTick(in);
        default -> throw new NotSerializableException("unknown cluster manifest " + manifest);
      };
    } catch (IOException | IllegalArgumentException e) {
      throw new NotSerializableException("undecodable " + manifest + ": " + e.getMessage());
    }
  }
}
