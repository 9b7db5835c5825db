package io.fleetsim.fleet;

import io.fleetsim.datamodel.DeviceModel;
import java.util.List;
import java.util.function.IntUnaryOperator;

/**
 * Which agents a fleet holds: {@code total} agents whose indices (and so EndpointIDs, serial
 * numbers, seeds) run from {@code firstIndex}, and the model each runs. Two fleets with disjoint
 * index ranges never share an EndpointID, which is how processes (or cluster workers) split one
 * fleet between them. A fleet that grows by churn past its first {@code initial} agents takes the
 * joiners' indices from {@code joinersFirst} on: a cluster worker's joiners come after the whole
 * fleet's initial agents, so they collide with no other worker's agents.
 *
 * @param models the device models of the fleet (one per profile of its mix)
 * @param modelOf which model the agent of index {@code i} runs (an index into {@code models})
 * @param firstIndex the index of the fleet's first agent
 * @param total agents in the fleet, joiners included
 * @param initial how many of them are indexed from {@code firstIndex}
 * @param joinersFirst the index of the first agent past {@code initial}
 */
public record FleetShape(
    List<DeviceModel> models,
    IntUnaryOperator modelOf,
    int firstIndex,
    int total,
    int initial,
    int joinersFirst) {
  /** {@code total} agents indexed from {@code firstIndex} on, joiners included. */
  public FleetShape(List<DeviceModel> models, IntUnaryOperator modelOf, int firstIndex, int total) {
    this(models, modelOf, firstIndex, total, total, firstIndex + total);
  }

  public FleetShape {
    models = List.copyOf(models);
    if (models.isEmpty()) {
      throw new IllegalArgumentException("a fleet needs a model");
    }
    if (firstIndex < 0 || total < 0 || (long) firstIndex + total > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          "agent indices " + firstIndex + " + " + total + " out of range");
    }
    if (initial < 0
        || initial > total
        || joinersFirst < 0
        || (long) joinersFirst + total - initial > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          "joiner indices " + joinersFirst + " + " + (total - initial) + " out of range");
    }
  }

  /**
   * The index (what EndpointID, serial number and seed follow from) of the fleet's agent {@code i}.
   */
  public int index(int i) {
    return i < initial ? firstIndex + i : joinersFirst + (i - initial);
  }

  /** {@code total} agents of one model, from index 0. */
  public static FleetShape of(DeviceModel model, int total) {
    return new FleetShape(List.of(model), i -> 0, 0, total);
  }

  /**
   * The fleet's own number (0 to total - 1) of the agent of index {@code index}, or -1 when the
   * agent is not in this fleet: agents name themselves by index, the fleet keeps them by number.
   */
  public int local(int index) {
    if (index >= firstIndex && index - firstIndex < initial) {
      return index - firstIndex;
    }
    if (index >= joinersFirst && index - joinersFirst < total - initial) {
      return initial + index - joinersFirst;
    }
    return -1;
  }

  /** The model of the agent of index {@code index}. */
  public DeviceModel modelOf(int index) {
    return models.get(modelOf.applyAsInt(index));
  }
}
