package io.fleetsim.identity;

/**
 * Who an agent is to the outside at one connect: the fleet index and the EndpointID, serial number
 * and MAC address its data model reports. Built when the agent connects and dropped after, never
 * stored per agent; login templates and client certificates are made from it.
 *
 * @param index the agent's index in the fleet, -1 when unknown (a Controller's own connection)
 * @param serial {@code Device.DeviceInfo.SerialNumber}, "" when the profile has none
 * @param mac the device's MAC address, "" when the profile has none
 */
public record DeviceId(int index, String eid, String serial, String mac) {

  /** Only an EndpointID: what the embedded Controller's own broker connection is. */
  public static DeviceId of(String eid) {
    return new DeviceId(-1, eid, "", "");
  }
}
