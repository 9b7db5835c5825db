package io.fleetsim.cluster;

/**
 * A message that crosses from one node to another: bound to {@link ClusterSerializer} in the nodes'
 * configuration, so none of them goes through Java serialization (which Pekko refuses).
 */
public interface ClusterMessage {}
