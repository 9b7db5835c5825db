package io.fleetsim.identity;

/**
 * How the endpoints of a run prove who they are beyond their EndpointID: a client certificate per
 * device (minted or stored) and a login per device. Either may be absent.
 *
 * @param certificates each device's TLS client certificate, or null for none
 * @param logins each device's MQTT/STOMP login or WebSocket Basic authorization, or null for none
 * @param devices the lab's device list the agents take their EndpointIDs, serials and MACs from, or
 *     null
 */
public record Identities(ClientCertificates certificates, Logins logins, DeviceList devices) {
  /** Anonymous endpoints: no client certificate, no login. */
  public static final Identities NONE = new Identities(null, null, null);

  public Identities(ClientCertificates certificates, Logins logins) {
    this(certificates, logins, null);
  }
}
