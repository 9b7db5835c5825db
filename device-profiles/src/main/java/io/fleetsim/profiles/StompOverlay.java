package io.fleetsim.profiles;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigResolveOptions;
import io.fleetsim.datamodel.ProfileException;
import io.fleetsim.mtp.stomp.StompConfig;
import io.fleetsim.mtp.stomp.StompFrames;
import java.util.HashMap;
import java.util.Map;

/**
 * What a profile becomes on the STOMP MTP: {@code profiles/mtp/stomp.conf}
 * (Device.STOMP.Connection.1 and the STOMP parts of LocalAgent.MTP.1 and Controller.1.MTP.1) filled
 * with the run's connection, so that the data model says what the agent does (TR-181 2.19.1; TP-469
 * 6.1, 6.6). Each agent's Destination is a template over its EndpointID template, computed per
 * agent, stored nowhere.
 */
public final class StompOverlay {
  private static final String RESOURCE = "profiles/mtp/stomp.conf";
  private static final String EID = "profile.objects.\"Device.LocalAgent.\".params.EndpointID";

  private StompOverlay() {}

  /**
   * The overlay for agents connected with {@code c}; {@code profile} is the profile with its
   * overrides (unresolved is fine), whose EndpointID template the agents' destinations follow.
   *
   * @param secure stomps:// (EnableEncryption)
   */
  public static Config of(StompConfig c, boolean secure, Config profile) {
    Map<String, Object> v = new HashMap<>();
    v.put("host", c.host());
    v.put("port", Integer.toString(c.port()));
    v.put("username", c.login() == null ? "" : c.login());
    v.put("virtual-host", c.virtualHost());
    boolean beats = c.outgoingHeartbeatMillis() > 0 || c.incomingHeartbeatMillis() > 0;
    v.put("enable-heartbeats", Boolean.toString(beats));
    v.put("outgoing-heartbeat", Integer.toString(c.outgoingHeartbeatMillis()));
    v.put("incoming-heartbeat", Integer.toString(c.incomingHeartbeatMillis()));
    v.put("enable-encryption", Boolean.toString(secure));
    v.put("controller-destination", c.peerDestination());
    v.put("agent-destination", agentDestination(c.ownDestinationPattern(), eidTemplate(profile)));
    Config values = ConfigFactory.parseMap(Map.of("stomp", v), "the run's STOMP connection");
    try {
      return ConfigFactory.parseResources(
              RESOURCE, ConfigParseOptions.defaults().setAllowMissing(false))
          .resolveWith(values, ConfigResolveOptions.defaults());
    } catch (ConfigException e) {
      throw new ProfileException(RESOURCE + ": " + e.getMessage());
    }
  }

  /** The EndpointID's template, else its fixed default, else null. */
  private static String eidTemplate(Config profile) {
    for (String path : new String[] {EID + ".gen.template", EID + ".default"}) {
      try {
        if (profile.hasPath(path)) {
          return profile.getString(path);
        }
      } catch (ConfigException e) {
        // not a string: the profile's own checks name it
      }
    }
    return null;
  }

  /**
   * The destination template of an agent whose EndpointID is {@code eidTemplate}: the pattern's
   * {@code {eid}} becomes the EID template percent-encoded as {@link StompFrames#destination} does
   * at connect time, placeholders such as {@code {index:08}} left for each agent to expand. An EID
   * that is no template (a fixed default) is encoded as it is.
   */
  static String agentDestination(String pattern, String eidTemplate) {
    if (eidTemplate == null || !pattern.contains("{eid}")) {
      return pattern.replace("{eid}", "");
    }
    StringBuilder b = new StringBuilder();
    int i = 0;
    while (i < eidTemplate.length()) {
      int open = eidTemplate.indexOf('{', i);
      int close = open < 0 ? -1 : eidTemplate.indexOf('}', open);
      int end = close < 0 ? eidTemplate.length() : open;
      String literal = StompFrames.destination("{eid}", eidTemplate.substring(i, end));
      b.append(literal);
      if (close < 0) {
        break;
      }
      b.append(eidTemplate, open, close + 1);
      i = close + 1;
    }
    return pattern.replace("{eid}", b);
  }
}
