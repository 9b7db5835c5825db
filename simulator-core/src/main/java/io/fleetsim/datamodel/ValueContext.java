package io.fleetsim.datamodel;

/**
 * What a computed value may depend on: the fleet seed, the agent's index, the instance numbers of
 * the object, and the clock. Same inputs, same value: a fleet is reproducible from its seed.
 */
public interface ValueContext {
  long seed();

  int agentIndex();

  /** Instance numbers of the object holding the parameter, outermost first. */
  int[] instances();

  long nowMillis();

  /** When the agent last booted; UpTime and counters start there. */
  long bootMillis();

  /** The fleet's meshes, or null where no other agent can be seen (mesh values are then alone). */
  default Mesh mesh() {
    return null;
  }
}
