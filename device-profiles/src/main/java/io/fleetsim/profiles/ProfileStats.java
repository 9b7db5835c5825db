package io.fleetsim.profiles;

import io.fleetsim.datamodel.AgentDataModel;
import io.fleetsim.datamodel.DeviceModel;
import io.fleetsim.datamodel.ObjectNode;
import io.fleetsim.datamodel.Schema;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Arrays;

/** Sizes of a profile as a controller sees it: what a Get of Device. returns on a fresh agent. */
public final class ProfileStats {
  private ProfileStats() {}

  /** Counts of a realized agent: object instances and parameter values of {@code Get Device.}. */
  public record Realized(int objectInstances, int parameters) {}

  /** Walks agent 0 of a fleet with seed 1, one hour after the fleet started. */
  public static Realized realize(Schema schema) {
    return realize(schema, 1, 0);
  }

  /**
   * Walks one agent one hour after its fleet started (a fixed time: churning tables make the count
   * depend on the clock).
   */
  public static Realized realize(Schema schema, long seed, int agent) {
    long epoch = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();
    InstantSource oneHourIn = InstantSource.fixed(Instant.ofEpochMilli(epoch + 3_600_000));
    AgentDataModel dm = new DeviceModel(schema, seed, oneHourIn, epoch).newAgent(agent);
    int[] counts = new int[2];
    walk(schema.root(), new int[0], dm, counts);
    return new Realized(counts[0], counts[1]);
  }

  private static void walk(ObjectNode node, int[] inst, AgentDataModel dm, int[] counts) {
    counts[0]++;
    counts[1] += node.params().size();
    for (ObjectNode child : node.children().values()) {
      if (child.multiInstance()) {
        for (int n : dm.instances(child, inst)) {
          int[] next = Arrays.copyOf(inst, inst.length + 1);
          next[inst.length] = n;
          walk(child, next, dm, counts);
        }
      } else if (child.presentFor(inst)) {
        walk(child, inst, dm, counts);
      }
    }
  }
}
