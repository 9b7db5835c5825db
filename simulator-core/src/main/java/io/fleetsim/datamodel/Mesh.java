package io.fleetsim.datamodel;

/**
 * Which agents of a fleet form one Wi-Fi mesh (EasyMesh: a Multi-AP controller, usually the
 * gateway, and the extenders it onboarded) and what a member's identity values are, so that every
 * member reports the same network, controller and siblings. Computed from the fleet's composition
 * and seed: nothing is stored per agent.
 */
public interface Mesh {

  /** A profile's part in a mesh ({@code agent.mesh-role}). */
  enum Role {
    NONE,
    CONTROLLER,
    EXTENDER
  }

  /** The index of the agent's mesh controller (itself for a controller), or -1 when it has none. */
  int controllerOf(int agent);

  /** The agent's mesh: its controller first, then the extenders ascending; just itself if alone. */
  int[] membersOf(int agent);

  /**
   * The value another agent's profile gives one of its single (not in a table) parameters at {@code
   * nowMillis}, or "" when its profile has none. Profile values only: what a Controller wrote into
   * that agent is not seen here (identity values are never written).
   */
  String value(int agent, String paramPath, long nowMillis);
}
