package io.fleetsim.profiles.record;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a recorded value's shape says about the devices it stands for: which values differ per
 * device or move with time, and the generator that reproduces them (docs/PROFILES.md). The rest
 * stays the recorded constant. Each inference says why, for the recorder's report.
 */
final class ValueShapes {
  private static final Pattern MAC =
      Pattern.compile("(?i)([0-9a-f]{2}):([0-9a-f]{2}):([0-9a-f]{2})(:[0-9a-f]{2}){3}");
  private static final Pattern IPV4 =
      Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
  private static final Pattern TRAILING_DIGITS = Pattern.compile("^(.*?)(\\d+)$");

  /** The device's own address (a DNS server or a gateway is the operator's, the same for all). */
  private static final Pattern OWN_ADDRESS =
      Pattern.compile("IPAddress|ExternalIPAddress|LocalIPAddress|IPv4Address");

  private static final Pattern SIGNAL =
      Pattern.compile("SignalStrength|SNR|Noise|RSSI|RxPower|TxPower|SignalLevel");

  private ValueShapes() {}

  /**
   * A generator block and why, or null when the value stays a constant.
   *
   * @param param the parameter's name
   * @param type its TR-106 type
   * @param value the recorded value
   * @param serial the device's recorded serial number ("" when none)
   * @param later the same value {@code seconds} later, or null when recorded once
   */
  static Inference infer(
      String param, String type, String value, String serial, String later, double seconds) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    boolean number = type.startsWith("unsigned") || type.equals("int") || type.equals("long");
    if (param.equals("UpTime") && number) {
      return new Inference("{ uptime = on }", "seconds since boot");
    }
    if (type.equals("dateTime")
        && (param.equals("CurrentLocalTime") || param.endsWith("Time"))
        && later != null
        && !later.equals(value)) {
      return new Inference("{ clock = on }", "moved with the clock between the two Gets");
    }
    if (param.equals("SerialNumber")) {
      return new Inference(
          "{ template = " + quote(serialTemplate(value)) + " }", "a serial number: one per device");
    }
    if (!serial.isEmpty() && value.contains(serial) && !value.equals(serial)) {
      return new Inference(
          "{ template = " + quote(value.replace(serial, serialTemplate(serial))) + " }",
          "holds the serial number " + serial);
    }
    Matcher mac = MAC.matcher(value);
    if (mac.matches()) {
      String oui =
          (mac.group(1) + ":" + mac.group(2) + ":" + mac.group(3)).toUpperCase(Locale.ROOT);
      return new Inference(
          "{ mac = " + quote(oui) + ", per-agent = 32 }", "a MAC address: OUI " + oui + " kept");
    }
    Matcher ip = IPV4.matcher(value);
    if (ip.matches() && OWN_ADDRESS.matcher(param).matches() && publicAddress(ip)) {
      String net = ip.group(1) + "." + ip.group(2) + "." + ip.group(3) + ".0/24";
      return new Inference(
          "{ ipv4 = " + quote(net) + " }", "a public address: one per device in " + net);
    }
    if (number && (param.contains("Bytes") || param.contains("Packets"))) {
      if (later != null && seconds > 0) {
        try {
          long rate =
              Math.max(0, Math.round((Long.parseLong(later) - Long.parseLong(value)) / seconds));
          return new Inference(
              "{ counter { rate = " + rate + ", jitter = 0.5 } }",
              "a counter growing " + rate + "/s between the two Gets");
        } catch (NumberFormatException e) {
          return null;
        }
      }
      return null; // one Get says nothing of the rate: the recorded value, constant
    }
    if (SIGNAL.matcher(param).find() && (number || type.equals("decimal"))) {
      try {
        double v = Double.parseDouble(value);
        String mean = number ? Long.toString(Math.round(v)) : Double.toString(v);
        return new Inference(
            "{ wander { mean = ["
                + mean
                + ", "
                + mean
                + "], amplitude = 3, period = 30s"
                + (type.startsWith("unsigned") ? ", min = 0" : "")
                + ", decimals = "
                + (number ? 0 : 1)
                + " } }",
            "a signal level: wanders around " + mean);
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  /** {@code HGW00000042} → {@code HGW{index:08}}; without trailing digits the index is added. */
  static String serialTemplate(String serial) {
    Matcher m = TRAILING_DIGITS.matcher(serial);
    return m.matches()
        ? escape(m.group(1)) + "{index:0" + Math.max(6, m.group(2).length()) + "}"
        : escape(serial) + "-{index:08}";
  }

  /** Not RFC 1918, loopback, link-local or CGNAT: an address each device has its own of. */
  private static boolean publicAddress(Matcher ip) {
    int a = Integer.parseInt(ip.group(1));
    int b = Integer.parseInt(ip.group(2));
    return !(a == 10
        || a == 127
        || a == 0
        || (a == 172 && b >= 16 && b <= 31)
        || (a == 192 && b == 168)
        || (a == 169 && b == 254)
        || a >= 224);
  }

  private static String escape(String literal) {
    return literal.replace("{", "").replace("}", "");
  }

  static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }

  /** A generator block and the reason it was inferred. */
  record Inference(String generator, String why) {}
}
