package io.fleetsim.cluster;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.net.InetSocketAddress;

/**
 * The Pekko configuration of a fleetsim node: Artery TCP on its bind address, the coordinator as
 * the one seed node, its role, the split-brain resolver that ships with Pekko (keep-oldest: the
 * coordinator starts first, so it is the oldest, and the side that keeps it goes on), and {@link
 * ClusterSerializer} for every {@link ClusterMessage}.
 */
public final class ClusterConfig {
  /** The ActorSystem name every node shares: part of each node's address. */
  public static final String SYSTEM = "fleetsim";

  public static final String COORDINATOR = "coordinator";
  public static final String WORKER = "worker";

  private ClusterConfig() {}

  /**
   * @param bind this node's host and port (the host is what the others reach it at)
   * @param seed the coordinator's host and port (the coordinator passes its own bind)
   */
  public static Config node(InetSocketAddress bind, InetSocketAddress seed, String role) {
    String hocon =
        """
        pekko.actor.provider = cluster
        pekko.remote.artery.canonical.hostname = "%s"
        pekko.remote.artery.canonical.port = %d
        pekko.cluster.seed-nodes = ["pekko://%s@%s:%d"]
        pekko.cluster.roles = [%s]
        pekko.cluster.downing-provider-class = "org.apache.pekko.cluster.sbr.SplitBrainResolverProvider"
        pekko.cluster.split-brain-resolver.active-strategy = keep-oldest
        pekko.actor.serializers.fleetsim = "%s"
        pekko.actor.serialization-bindings { "%s" = fleetsim }
        """
            .formatted(
                bind.getHostString(),
                bind.getPort(),
                SYSTEM,
                seed.getHostString(),
                seed.getPort(),
                role,
                ClusterSerializer.class.getName(),
                ClusterMessage.class.getName());
    return ConfigFactory.parseString(hocon).withFallback(ConfigFactory.load());
  }
}
