package io.fleetsim.agent;

import io.fleetsim.datamodel.DeviceModel;
import io.fleetsim.metrics.AgentStats;
import io.fleetsim.usp.record.UspRecordCodec;

/**
 * What every agent of one profile in one fleet shares: the device model (schema, seed, clock), the
 * fleet's timer service, stats and file transfers, and the record size limit. Agents hold one
 * reference to it.
 */
public record AgentEnvironment(
    DeviceModel device,
    AgentTimers timers,
    AgentStats stats,
    FileTransfers transfers,
    int maxRecordBytes) {

  /** With no network file transfers and the default record size limit (obuspa's 5 MiB). */
  public static AgentEnvironment of(DeviceModel device, AgentTimers timers, AgentStats stats) {
    return of(device, timers, stats, FileTransfers.NONE);
  }

  /** With {@code transfers} for http(s) downloads and the default record size limit. */
  public static AgentEnvironment of(
      DeviceModel device, AgentTimers timers, AgentStats stats, FileTransfers transfers) {
    return new AgentEnvironment(
        device, timers, stats, transfers, UspRecordCodec.DEFAULT_MAX_RECORD_BYTES);
  }
}
