package io.fleetsim.agent;

import io.fleetsim.datamodel.AgentDataModel;
import io.fleetsim.datamodel.ObjectNode;
import io.fleetsim.datamodel.ParamNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * {@code Device.DeviceInfo.Reboots} as a device keeps it (TR-181): each restart adds one to {@code
 * BootCount} and leaves a {@code Reboot.{i}} row with its Cause, Reason, FirmwareUpdated and
 * TimeStamp, the oldest rows dropped beyond the table's {@code max-entries} (or {@link
 * #DEFAULT_ROWS}). Written into the agent's overlay, like a Controller's writes: an agent that
 * never rebooted stores nothing.
 */
final class RebootHistory {
  /** Rows kept when the profile bounds none. */
  static final int DEFAULT_ROWS = 10;

  private static final String REBOOTS = "Device.DeviceInfo.Reboots.";
  private static final String REBOOT = "Device.DeviceInfo.Reboots.Reboot.{i}.";

  private RebootHistory() {}

  /** The agent restarted after {@code boot}. */
  static void record(AgentDataModel dm, BootInfo boot) {
    ObjectNode reboots = dm.schema().object(REBOOTS);
    if (reboots == null) {
      return; // the profile keeps no reboot history
    }
    ParamNode count = reboots.param("BootCount");
    if (count != null) {
      long n;
      try {
        n = Long.parseLong(dm.value(count, Instances.ROOT));
      } catch (NumberFormatException e) {
        n = 0;
      }
      dm.set(count, Instances.ROOT, Long.toString(n + 1));
    }
    ObjectNode table = dm.schema().object(REBOOT);
    if (table == null) {
      return;
    }
    int row = dm.addInstance(table, Instances.ROOT);
    int[] at = {row};
    set(dm, table, at, "Cause", boot.cause());
    set(dm, table, at, "Reason", reason(boot));
    set(dm, table, at, "FirmwareUpdated", Boolean.toString(boot.firmwareUpdated()));
    set(
        dm,
        table,
        at,
        "TimeStamp",
        Instant.ofEpochMilli(dm.nowMillis()).truncatedTo(ChronoUnit.SECONDS).toString());
    int keep = table.maxEntries() < Integer.MAX_VALUE ? table.maxEntries() : DEFAULT_ROWS;
    int[] rows = dm.instances(table, Instances.ROOT);
    for (int i = 0; i < rows.length - keep; i++) {
      dm.deleteInstance(table, new int[] {rows[i]});
    }
  }

  /** Why, in words a support engineer reads in a device's history. */
  private static String reason(BootInfo boot) {
    if (boot.firmwareUpdated()) {
      return "firmware activated";
    }
    return switch (boot.cause()) {
      case "RemoteReboot" -> "Reboot() by the Controller";
      case "RemoteFactoryReset", "FactoryReset" -> "FactoryReset()";
      default -> "power cycle";
    };
  }

  private static void set(AgentDataModel dm, ObjectNode table, int[] at, String name, String v) {
    ParamNode p = table.param(name);
    if (p != null) {
      dm.set(p, at, v);
    }
  }
}
