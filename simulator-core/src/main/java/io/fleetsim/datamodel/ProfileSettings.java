package io.fleetsim.datamodel;

/**
 * Agent behaviour settings of a profile that are not parameters.
 *
 * @param supportedProtocolVersions answered to GetSupportedProtocol
 * @param rebootMillis how long a reboot keeps the agent offline
 * @param downloadMillis simulated firmware download time when no transfer model is attached
 * @param meshRole the device's part in a Wi-Fi mesh ({@code agent.mesh-role})
 */
public record ProfileSettings(
    String supportedProtocolVersions, long rebootMillis, long downloadMillis, Mesh.Role meshRole) {

  /** The versions fleetsim speaks: USP 1.0 to 1.4 (the TR-369 releases 1.0 to 1.4). */
  public static final String USP_VERSIONS = "1.0,1.1,1.2,1.3,1.4";
}
