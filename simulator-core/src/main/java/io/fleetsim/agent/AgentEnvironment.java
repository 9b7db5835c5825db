package io.fleetsim.agent;

import io.fleetsim.datamodel.DeviceModel;
import io.fleetsim.metrics.AgentStats;
import io.fleetsim.usp.record.UspRecordCodec;

/**
 * What every agent of one profile in one fleet shares: the device model (schema, seed, clock), the
 * fleet's timer service and stats, and the record size limit. Agents hold one reference to it.
 */
public record AgentEnvironment(
    DeviceModel device, AgentTimers timers, AgentStats stats, int maxRecordBytes) {

  /** With the default record size limit (obuspa's 5 MiB). */
  public static AgentEnvironment of(DeviceModel device, AgentTimers timers, AgentStats stats) {
    return new AgentEnvironment(device, timers, stats, UspRecordCodec.DEFAULT_MAX_RECORD_BYTES);
  }
}
