package io.fleetsim.datamodel;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Parsing and canonical forms of TR-106 values (R-ENC.6: booleans, numbers, dateTime, hex). */
public final class TypedValues {
  /** The TR-106 "unknown time". */
  public static final String UNKNOWN_TIME = "0001-01-01T00:00:00Z";

  private TypedValues() {}

  /** The value a parameter has when a profile gives no default: false, 0, unknown time or empty. */
  public static String emptyValue(ParamType type) {
    if (type == ParamType.BOOLEAN) {
      return "false";
    }
    if (type == ParamType.DATE_TIME) {
      return UNKNOWN_TIME;
    }
    return type.numeric() ? "0" : "";
  }

  /** TR-106 booleans are {@code true}, {@code false}, {@code 1} and {@code 0}; null otherwise. */
  public static Boolean parseBoolean(String v) {
    return switch (v) {
      case "true", "1" -> Boolean.TRUE;
      case "false", "0" -> Boolean.FALSE;
      default -> null;
    };
  }

  /** The canonical form a value is stored and read back in (booleans become true/false). */
  public static String canonical(ParamType type, String v) {
    if (type == ParamType.BOOLEAN) {
      Boolean b = parseBoolean(v);
      return b == null ? v : b.toString();
    }
    if (type.numeric() && type != ParamType.DECIMAL) {
      try {
        return new BigInteger(v.trim()).toString();
      } catch (NumberFormatException e) {
        return v;
      }
    }
    return v;
  }

  static ValueSpec.Check inRange(String v, long min, long max) {
    try {
      long x = Long.parseLong(v.trim());
      return x >= min && x <= max ? ValueSpec.Check.OK : ValueSpec.Check.BAD_VALUE;
    } catch (NumberFormatException e) {
      return bigIntegerCheck(v);
    }
  }

  /** A number too large for its type is a bad value (7012); anything else is a bad type (7011). */
  static ValueSpec.Check bigIntegerCheck(String v) {
    try {
      new BigInteger(v.trim());
      return ValueSpec.Check.BAD_VALUE;
    } catch (NumberFormatException e) {
      return ValueSpec.Check.BAD_TYPE;
    }
  }

  static boolean isLong(String v) {
    try {
      Long.parseLong(v.trim());
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  static ValueSpec.Check isUnsignedLong(String v) {
    String t = v.trim();
    if (t.startsWith("-")) {
      return bigIntegerCheck(t) == ValueSpec.Check.BAD_VALUE
          ? ValueSpec.Check.BAD_VALUE
          : ValueSpec.Check.BAD_TYPE;
    }
    try {
      Long.parseUnsignedLong(t);
      return ValueSpec.Check.OK;
    } catch (NumberFormatException e) {
      return bigIntegerCheck(t);
    }
  }

  static boolean isDecimal(String v) {
    try {
      new BigDecimal(v.trim());
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  static boolean isHex(String v) {
    if (v.length() % 2 != 0) {
      return false;
    }
    for (int i = 0; i < v.length(); i++) {
      if (Character.digit(v.charAt(i), 16) < 0) {
        return false;
      }
    }
    return true;
  }

  /** ISO 8601 UTC dateTime; null when not one. */
  public static Instant parseDateTime(String v) {
    try {
      return Instant.parse(v);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** Formats epoch milliseconds as a TR-106 dateTime with second precision. */
  public static String dateTime(long epochMillis) {
    return Instant.ofEpochSecond(Math.floorDiv(epochMillis, 1000)).toString();
  }
}
