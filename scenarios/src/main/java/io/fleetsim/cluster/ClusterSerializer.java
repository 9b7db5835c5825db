package io.fleetsim.cluster;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.UncheckedIOException;
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
    if (o instanceof WorkerProtocol.Describe) {
      return DESCRIBE;
    }
    if (o instanceof WorkerProtocol.WorkerInfo) {
      return WORKER_INFO;
    }
    throw new IllegalArgumentException("not a cluster message: " + o.getClass());
  }

  @Override
  public byte[] toBinary(Object o) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      if (o instanceof WorkerProtocol.Describe d) {
        out.writeUTF(refs.toSerializationFormat(d.replyTo()));
      } else if (o instanceof WorkerProtocol.WorkerInfo i) {
        out.writeUTF(i.name());
        out.writeUTF(i.host());
        out.writeLong(i.pid());
        out.writeInt(i.maxAgents());
      } else {
        throw new IllegalArgumentException("not a cluster message: " + o.getClass());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  @Override
  public Object fromBinary(byte[] bytes, String manifest) throws NotSerializableException {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      return switch (manifest) {
        case DESCRIBE -> {
          ActorRef<WorkerProtocol.WorkerInfo> replyTo = refs.resolveActorRef(in.readUTF());
          yield new WorkerProtocol.Describe(replyTo);
        }
        case WORKER_INFO ->
            new WorkerProtocol.WorkerInfo(in.readUTF(), in.readUTF(), in.readLong(), in.readInt());
        default -> throw new NotSerializableException("unknown cluster manifest " + manifest);
      };
    } catch (IOException e) {
      throw new NotSerializableException("undecodable " + manifest + ": " + e.getMessage());
    }
  }
}
