package io.fleetsim.mtp.connect;

import io.fleetsim.identity.DeviceId;
import io.fleetsim.mtp.Connector;
import io.fleetsim.mtp.MtpListener;
import io.netty.channel.EventLoop;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * Agents spread over several targets (Controllers behind separate ports or hosts, brokers of one
 * cluster): each EndpointID always goes to the same one, chosen by a hash of the ID, so an agent
 * that reconnects returns to the Controller it had, and a fleet split over processes or cluster
 * workers spreads the same way whatever the split.
 */
public final class SpreadConnector implements Connector {
  private final List<Connector> targets;

  public SpreadConnector(List<Connector> targets) {
    if (targets.isEmpty()) {
      throw new IllegalArgumentException("no targets to spread over");
    }
    this.targets = List.copyOf(targets);
  }

  /** Which target (an index into the list) agent {@code eid} connects to. */
  public int targetOf(String eid) {
    int h = eid.hashCode();
    // a finaliser (MurmurHash3's fmix32): String hashes of similar IDs differ in the low bits only
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    h ^= h >>> 16;
    return Math.floorMod(h, targets.size());
  }

  @Override
  public void connect(
      DeviceId device,
      String controllerId,
      MtpListener listener,
      EventLoop loop,
      InetSocketAddress localAddress) {
    targets.get(targetOf(device.eid())).connect(device, controllerId, listener, loop, localAddress);
  }
}
