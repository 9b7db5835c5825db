package io.fleetsim.cluster;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.net.InetSocketAddress;

/**
 * The Pekko configuration of a fleetsim node: Artery TCP on its bind address, the coordinator as
 * the one seed node, its role, the split-brain resolver that ships with Pekko (keep-oldest: the
 * coordinator starts first, so it is the oldest, and the side that keeps it goes on), and {@link
 * ClusterSerializer} for every {@link ClusterMessage}. {@code down-if-alone} is off: with it on, a
 * coordinator cut off from every worker would down itself mid-run, and workers that lost their
 * coordinator would go on without one; off, the workers down themselves and join again, which is
 * what a worker without its coordinator should do. {@code stable-after} is 7 s rather than the
 * default 20 s, so that a lost worker is named (and its agents counted out) sooner. The failure
 * detector tolerates 10 s without a heartbeat rather than 3 s: a worker booting a million agents on
 * a saturated machine went 4.6 s without one (bench/cluster-memory.sh) and was marked unreachable,
 * 2.6 s short of being removed from a healthy run.
 */
public final class ClusterConfig {
  /** The ActorSystem name every node shares: part of each node's address. */
  public static final String SYSTEM = "fleetsim";

  public static final String COORDINATOR = "coordinator";
  public static final String WORKER = "worker";

  private ClusterConfig() {}

  /**
   * @param bind this node's host and port (the host is what the others reach it at)
   * @param seed the coordinator's host and port, or null on the coordinator itself (it joins itself
   *     once its port is known, which may be one picked for port 0)
   */
  public static Config node(InetSocketAddress bind, InetSocketAddress seed, String role) {
    String hocon =
        """
        pekko.actor.provider = cluster
        pekko.remote.artery.canonical.hostname = "%s"
        pekko.remote.artery.canonical.port = %d
        pekko.cluster.seed-nodes = [%s]
        pekko.cluster.roles = [%s]
        pekko.cluster.downing-provider-class = "org.apache.pekko.cluster.sbr.SplitBrainResolverProvider"
        pekko.cluster.split-brain-resolver.active-strategy = keep-oldest
        pekko.cluster.split-brain-resolver.keep-oldest.down-if-alone = off
        pekko.cluster.split-brain-resolver.stable-after = 7s
        pekko.cluster.failure-detector.acceptable-heartbeat-pause = 10s
        pekko.log-dead-letters-during-shutdown = off
        pekko.actor.serializers.fleetsim = "%s"
        pekko.actor.serialization-bindings { "%s" = fleetsim }
        """
            .formatted(
                bind.getHostString(),
                bind.getPort(),
                seed == null
                    ? ""
                    : "\"pekko://%s@%s:%d\""
                        .formatted(SYSTEM, seed.getHostString(), seed.getPort()),
                role,
                ClusterSerializer.class.getName(),
                ClusterMessage.class.getName());
    return ConfigFactory.parseString(hocon).withFallback(ConfigFactory.load());
  }
}
