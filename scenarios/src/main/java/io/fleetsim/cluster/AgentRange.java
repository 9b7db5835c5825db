package io.fleetsim.cluster;

/**
 * The agents one worker runs: indexes {@code [first, first + count)} of the scenario's fleet. An
 * agent's EndpointID, serial number, seed and retry spread follow from its index alone, so the same
 * scenario and seed give the same agents however the fleet is split.
 */
public record AgentRange(int first, int count) {
  public AgentRange {
    if (first < 0 || count < 0) {
      throw new IllegalArgumentException("an agent range needs first >= 0 and count >= 0");
    }
  }

  /** One past the last index. */
  public int end() {
    return first + count;
  }

  /** This range's share of the fleet: what its phases' rates and incidents' shares scale by. */
  public double share(int total) {
    return total == 0 ? 0 : (double) count / total;
  }
}
