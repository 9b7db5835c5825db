package io.fleetsim.identity;

/**
 * Who an agent is to the outside at one connect: the fleet index and the EndpointID, and on demand
 * the serial number and MAC address its data model reports. Built when the agent connects and
 * dropped after, never stored per agent; login templates and client certificates are made from it.
 * The serial and MAC are read through {@link Details} only when a template or certificate asks for
 * them, so a run without identities computes neither at its connects.
 *
 * @param index the agent's index in the fleet, -1 when unknown (a Controller's own connection)
 * @param details where the serial and MAC come from
 */
public record DeviceId(int index, String eid, Details details) {

  /** A device's serial number and MAC, read when asked for. */
  public interface Details {
    /** {@code Device.DeviceInfo.SerialNumber}, "" when the profile has none. */
    String serial();

    /** The device's MAC address, "" when the profile has none. */
    String mac();
  }

  /** A device whose serial and MAC are known values. */
  public DeviceId(int index, String eid, String serial, String mac) {
    this(index, eid, new Known(serial, mac));
  }

  /** Only an EndpointID: what the embedded Controller's own broker connection is. */
  public static DeviceId of(String eid) {
    return new DeviceId(-1, eid, "", "");
  }

  public String serial() {
    return details.serial();
  }

  public String mac() {
    return details.mac();
  }

  private record Known(String serial, String mac) implements Details {}
}
