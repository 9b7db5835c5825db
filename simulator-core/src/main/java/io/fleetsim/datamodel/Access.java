package io.fleetsim.datamodel;

/** Parameter access of TR-106: who may write a value. */
public enum Access {
  READ_ONLY("readOnly"),
  READ_WRITE("readWrite"),
  /** Settable once (at creation in Add, or the first Set); e.g. every Alias in USP 2.19. */
  WRITE_ONCE_READ_ONLY("writeOnceReadOnly");

  private final String xmlName;

  Access(String xmlName) {
    this.xmlName = xmlName;
  }

  /** The name used in TR-181 XML and in profiles. */
  public String xmlName() {
    return xmlName;
  }

  /** The access for an XML or profile name, or null. */
  public static Access ofXmlName(String name) {
    for (Access a : values()) {
      if (a.xmlName.equals(name)) {
        return a;
      }
    }
    return null;
  }
}
