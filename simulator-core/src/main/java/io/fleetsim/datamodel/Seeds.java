package io.fleetsim.datamodel;

/** Stateless seeded randomness: a SplitMix64 mix of (seed, agent, instances, salt). */
final class Seeds {
  private Seeds() {}

  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** A uniform double in [0, 1) fixed for the context's device and instance and the salt. */
  static double unit(ValueContext ctx, long salt) {
    long h = mix(ctx.seed() ^ salt);
    h = mix(h + ctx.agentIndex());
    for (int i : ctx.instances()) {
      h = mix(h + i);
    }
    return (h >>> 11) * 0x1.0p-53;
  }
}
