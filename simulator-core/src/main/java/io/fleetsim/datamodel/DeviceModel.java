package io.fleetsim.datamodel;

import java.time.InstantSource;

/**
 * What all agents of one profile in one fleet share: the schema, the fleet seed, the clock, the
 * fleet's epoch (when churn schedules start) and its Wi-Fi meshes. One instance per (profile,
 * fleet); an agent's own state is an {@link AgentDataModel}.
 */
public record DeviceModel(
    Schema schema, long seed, InstantSource clock, long epochMillis, Mesh mesh) {

  /** A fleet starting now, whose agents form no mesh with agents of other profiles. */
  public DeviceModel(Schema schema, long seed, InstantSource clock) {
    this(schema, seed, clock, clock.millis());
  }

  /** A fleet starting at {@code epochMillis}, no mesh with agents of other profiles. */
  public DeviceModel(Schema schema, long seed, InstantSource clock, long epochMillis) {
    this(schema, seed, clock, epochMillis, FleetMesh.alone(schema, seed));
  }

  /** The same fleet whose agents form the meshes {@code fleetMesh} says. */
  public DeviceModel withMesh(Mesh fleetMesh) {
    return new DeviceModel(schema, seed, clock, epochMillis, fleetMesh);
  }

  /** Creates the data model of agent {@code index}, booted now. */
  public AgentDataModel newAgent(int index) {
    return new AgentDataModel(this, index, clock.millis());
  }
}
