package io.fleetsim.datamodel;

import java.math.BigDecimal;
import java.util.Base64;
import java.util.List;

/**
 * Type, access and constraints of a parameter or command argument, with the TR-106 validation a
 * Set, Add or Operate applies (TR-369 Set: bad type 7011, bad value 7012).
 */
public record ValueSpec(
    ParamType type,
    Access access,
    List<String> enumeration,
    BigDecimal min,
    BigDecimal max,
    int maxLength,
    boolean list) {

  /** No length limit. */
  public static final int UNBOUNDED = -1;

  public ValueSpec {
    enumeration = List.copyOf(enumeration);
  }

  /** A plain value of {@code type} with no constraints. */
  public static ValueSpec of(ParamType type, Access access) {
    return new ValueSpec(type, access, List.of(), null, null, UNBOUNDED, false);
  }

  /** The outcome of checking a value. */
  public enum Check {
    OK,
    /** Not a value of the type at all: 7011. */
    BAD_TYPE,
    /** A value of the type outside range, size or enumeration: 7012. */
    BAD_VALUE
  }

  /** Validates a value given in TR-106 string form. */
  public Check check(String value) {
    // TR-106 sizes of hexBinary count bytes, two hex digits each
    int length = type == ParamType.HEX_BINARY && !list ? value.length() / 2 : value.length();
    if (maxLength != UNBOUNDED && length > maxLength) {
      return Check.BAD_VALUE;
    }
    if (list) {
      if (value.isEmpty()) {
        return Check.OK;
      }
      for (String item : value.split(",", -1)) {
        Check c = checkItem(item.trim());
        if (c != Check.OK) {
          return c;
        }
      }
      return Check.OK;
    }
    return checkItem(value);
  }

  private Check checkItem(String value) {
    Check typeCheck = checkType(value);
    if (typeCheck != Check.OK) {
      return typeCheck;
    }
    if (!enumeration.isEmpty() && !enumeration.contains(value)) {
      return Check.BAD_VALUE;
    }
    if ((min != null || max != null) && type.numeric()) {
      BigDecimal v = new BigDecimal(value.trim());
      if ((min != null && v.compareTo(min) < 0) || (max != null && v.compareTo(max) > 0)) {
        return Check.BAD_VALUE;
      }
    }
    if ((min != null || max != null) && !type.numeric() && type != ParamType.BOOLEAN) {
      // size ranges on strings, hexBinary and base64 (TR-106 <size minLength maxLength>)
      int len = type == ParamType.HEX_BINARY ? value.length() / 2 : value.length();
      if ((min != null && len < min.intValue()) || (max != null && len > max.intValue())) {
        return Check.BAD_VALUE;
      }
    }
    return Check.OK;
  }

  private Check checkType(String value) {
    return switch (type) {
      case STRING -> Check.OK;
      case BOOLEAN -> TypedValues.parseBoolean(value) != null ? Check.OK : Check.BAD_TYPE;
      case INT -> TypedValues.inRange(value, Integer.MIN_VALUE, Integer.MAX_VALUE);
      case UNSIGNED_INT -> TypedValues.inRange(value, 0, 0xFFFF_FFFFL);
      case LONG -> TypedValues.isLong(value) ? Check.OK : TypedValues.bigIntegerCheck(value);
      case UNSIGNED_LONG -> TypedValues.isUnsignedLong(value);
      case DECIMAL -> TypedValues.isDecimal(value) ? Check.OK : Check.BAD_TYPE;
      case DATE_TIME -> TypedValues.parseDateTime(value) != null ? Check.OK : Check.BAD_TYPE;
      case HEX_BINARY -> TypedValues.isHex(value) ? Check.OK : Check.BAD_TYPE;
      case BASE64 -> isBase64(value) ? Check.OK : Check.BAD_TYPE;
    };
  }

  private static boolean isBase64(String value) {
    try {
      Base64.getDecoder().decode(value);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
