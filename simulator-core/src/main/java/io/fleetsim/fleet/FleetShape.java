package io.fleetsim.fleet;

import io.fleetsim.datamodel.DeviceModel;
import java.util.List;
import java.util.function.IntUnaryOperator;

/**
 * Which agents a fleet holds: {@code total} agents whose indices (and so EndpointIDs, serial
 * numbers, seeds) run from {@code firstIndex}, and the model each runs. Two fleets with disjoint
 * index ranges never share an EndpointID, which is how processes (or cluster workers) split one
 * fleet between them.
 *
 * @param models the device models of the fleet (one per profile of its mix)
 * @param modelOf which model the agent of index {@code i} runs (an index into {@code models})
 * @param firstIndex the index of the fleet's first agent
 * @param total agents in the fleet
 */
public record FleetShape(
    List<DeviceModel> models, IntUnaryOperator modelOf, int firstIndex, int total) {
  public FleetShape {
    models = List.copyOf(models);
    if (models.isEmpty()) {
      throw new IllegalArgumentException("a fleet needs a model");
    }
    if (firstIndex < 0 || total < 0 || (long) firstIndex + total > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          "agent indices " + firstIndex + " + " + total + " out of range");
    }
  }

  /** {@code total} agents of one model, from index 0. */
  public static FleetShape of(DeviceModel model, int total) {
    return new FleetShape(List.of(model), i -> 0, 0, total);
  }

  /** The model of the agent of index {@code index}. */
  public DeviceModel modelOf(int index) {
    return models.get(modelOf.applyAsInt(index));
  }
}
