package io.fleetsim.datamodel;

import java.util.Arrays;
import java.util.List;
import java.util.function.IntUnaryOperator;

/**
 * The meshes of a fleet: agents are ordered by index, and an extender belongs to the nearest
 * controller before it, at most {@link #WINDOW} indices back (a fleet mix spreads its profiles over
 * every stretch of indices, so a 70 % gateway, 20 % extender fleet gives meshes of a gateway and
 * zero to a few extenders). An extender with no controller that near, or a profile with no role, is
 * alone. Pure functions of the fleet's composition; one instance per fleet, shared.
 */
public final class FleetMesh implements Mesh {
  /** The farthest an extender is from its controller, in agent indices (so at most 8 extenders). */
  static final int WINDOW = 8;

  private final List<Schema> schemas;
  private final IntUnaryOperator schemaOf;
  private final Role[] roles;
  private final long seed;
  private final int fleetAgents;

  /**
   * @param schemas the fleet's profiles
   * @param schemaOf which of them agent {@code i} runs
   * @param fleetAgents agents {@code 0..fleetAgents-1} form meshes; later ones (joiners) are alone
   */
  public FleetMesh(List<Schema> schemas, IntUnaryOperator schemaOf, long seed, int fleetAgents) {
    this.schemas = List.copyOf(schemas);
    this.schemaOf = schemaOf;
    this.roles = this.schemas.stream().map(s -> s.settings().meshRole()).toArray(Role[]::new);
    this.seed = seed;
    this.fleetAgents = fleetAgents;
  }

  /** Every agent of one profile on its own: a controller with no extenders, or alone. */
  static FleetMesh alone(Schema schema, long seed) {
    return new FleetMesh(List.of(schema), i -> 0, seed, 0);
  }

  private Role role(int agent) {
    return agent < 0 || agent >= fleetAgents ? Role.NONE : roles[schemaOf.applyAsInt(agent)];
  }

  private Role ownRole(int agent) {
    return agent >= fleetAgents ? roles[schemaOf.applyAsInt(agent)] : role(agent);
  }

  @Override
  public int controllerOf(int agent) {
    Role own = ownRole(agent);
    if (own == Role.CONTROLLER) {
      return agent;
    }
    if (own != Role.EXTENDER || agent >= fleetAgents) {
      return -1;
    }
    for (int j = agent - 1; j >= Math.max(0, agent - WINDOW); j--) {
      if (role(j) == Role.CONTROLLER) {
        return j;
      }
    }
    return -1;
  }

  @Override
  public int[] membersOf(int agent) {
    int controller = controllerOf(agent);
    if (controller < 0 || controller >= fleetAgents) {
      return new int[] {agent};
    }
    int[] members = new int[WINDOW + 1];
    int n = 0;
    members[n++] = controller;
    for (int j = controller + 1; j <= controller + WINDOW && j < fleetAgents; j++) {
      Role r = role(j);
      if (r == Role.CONTROLLER) {
        break;
      }
      if (r == Role.EXTENDER) {
        members[n++] = j;
      }
    }
    return Arrays.copyOf(members, n);
  }

  @Override
  public String value(int agent, String paramPath, long nowMillis) {
    ParamNode p = schemas.get(schemaOf.applyAsInt(agent)).param(paramPath);
    if (p == null || p.owner().depth() != 0) {
      return "";
    }
    ValueSource source = p.source();
    if (source instanceof ValueSource.MeshValue m) {
      source = m.alone(); // one step only: a mesh value naming a mesh value ends here
    }
    return source.value(new Member(seed, agent, nowMillis));
  }

  /** The context of another agent's single parameter: no instances, booted now. */
  private record Member(long seed, int agentIndex, long nowMillis) implements ValueContext {
    private static final int[] NONE = new int[0];

    @Override
    public int[] instances() {
      return NONE;
    }

    @Override
    public long bootMillis() {
      return nowMillis;
    }
  }
}
