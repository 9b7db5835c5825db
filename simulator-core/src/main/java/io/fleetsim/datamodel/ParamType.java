package io.fleetsim.datamodel;

/** TR-106 primitive types of parameters and command/event arguments. */
public enum ParamType {
  STRING("string"),
  BOOLEAN("boolean"),
  INT("int"),
  UNSIGNED_INT("unsignedInt"),
  LONG("long"),
  UNSIGNED_LONG("unsignedLong"),
  DATE_TIME("dateTime"),
  HEX_BINARY("hexBinary"),
  BASE64("base64"),
  DECIMAL("decimal");

  private final String xmlName;

  ParamType(String xmlName) {
    this.xmlName = xmlName;
  }

  /** The name used in TR-181 XML and in profiles. */
  public String xmlName() {
    return xmlName;
  }

  /** The type for an XML or profile name, or null. */
  public static ParamType ofXmlName(String name) {
    for (ParamType t : values()) {
      if (t.xmlName.equals(name)) {
        return t;
      }
    }
    return null;
  }

  /** True for the types whose values compare as numbers. */
  public boolean numeric() {
    return this == INT
        || this == UNSIGNED_INT
        || this == LONG
        || this == UNSIGNED_LONG
        || this == DECIMAL;
  }
}
