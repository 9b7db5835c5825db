package io.fleetsim.agent;

import java.util.Arrays;

/** Small helpers for instance-number arrays. */
final class Instances {
  private Instances() {}

  /** The instance numbers of an object outside any table ({@code Device.}). */
  static final int[] ROOT = new int[0];

  static int[] append(int[] instances, int number) {
    int[] out = Arrays.copyOf(instances, instances.length + 1);
    out[instances.length] = number;
    return out;
  }

  static int[] parent(int[] instances) {
    return Arrays.copyOf(instances, instances.length - 1);
  }

  static int last(int[] instances) {
    return instances[instances.length - 1];
  }
}
