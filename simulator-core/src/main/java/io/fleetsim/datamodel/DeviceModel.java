package io.fleetsim.datamodel;

import java.time.InstantSource;

/**
 * What all agents of one profile in one fleet share: the schema, the fleet seed, the clock and the
 * fleet's epoch (when churn schedules start). One instance per (profile, fleet); an agent's own
 * state is an {@link AgentDataModel}.
 */
public record DeviceModel(Schema schema, long seed, InstantSource clock, long epochMillis) {

  /** A fleet starting now. */
  public DeviceModel(Schema schema, long seed, InstantSource clock) {
    this(schema, seed, clock, clock.millis());
  }

  /** Creates the data model of agent {@code index}, booted now. */
  public AgentDataModel newAgent(int index) {
    return new AgentDataModel(this, index, clock.millis());
  }
}
