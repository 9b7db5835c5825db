package io.fleetsim.scenario;

import io.fleetsim.datamodel.Templates;
import java.util.regex.Pattern;

/**
 * Checks a fleet's endpoint ID pattern such as {@code proto::acme-{index:06}} before any agent
 * exists: a TR-369 authority scheme, {@code scheme:authority:instance} (TR-369 Endpoint
 * Identifier), only the characters an instance-id may hold (R-ARC.5), and a per-agent placeholder
 * so that no two agents share an ID.
 */
final class EndpointIdPattern {
  private static final Pattern SHAPE =
      Pattern.compile("(oui|cid|pen|self|user|os|ops|uuid|imei|proto|doc|fqdn):[^:]{0,9}:.+");
  private static final Pattern INSTANCE_LITERAL = Pattern.compile("[A-Za-z0-9._%-]*");
  private static final Pattern PER_AGENT = Pattern.compile("\\{(index|hex)(:\\d+)?}");

  private EndpointIdPattern() {}

  /** Null when {@code pattern} is usable, else what is wrong with it. */
  static String problem(String pattern) {
    if (!SHAPE.matcher(pattern).matches()) {
      return "scheme:authority:instance with a TR-369 scheme (os, oui, proto, self, ...), not "
          + pattern;
    }
    String bad = Templates.invalidPlaceholder(pattern);
    if (bad != null) {
      return "unknown placeholder " + bad;
    }
    if (!PER_AGENT.matcher(pattern).find()) {
      return "needs {index} or {hex} so each agent gets its own ID";
    }
    String instance = pattern.substring(pattern.indexOf(':', pattern.indexOf(':') + 1) + 1);
    String literal = instance.replaceAll("\\{[^}]*}", "");
    if (!INSTANCE_LITERAL.matcher(literal).matches()) {
      return "an instance-id holds only A-Z a-z 0-9 - . _ % (R-ARC.5)";
    }
    if (literal.length() > 40) {
      return "an instance-id is at most 50 characters (R-ARC.6); leave room for the index";
    }
    return null;
  }
}
