package io.fleetsim.profiles.tr181;

/**
 * One item of the flattened TR-181 model: facts only, no description text.
 *
 * @param kind {@code O} object, {@code P} parameter, {@code C} command, {@code E} event, {@code A}
 *     command or event argument
 * @param path the {@code {i}} path; arguments are {@code <command>.in.<name>}, {@code
 *     <command>.out.<name>} or {@code <event>.<name>}
 * @param access objects: the table access ({@code readWrite}: the controller may Add and Delete);
 *     parameters: {@code readOnly}, {@code readWrite} or {@code writeOnceReadOnly}; commands:
 *     {@code sync} or {@code async}; "-" otherwise
 * @param type parameters and arguments: the primitive base type; "-" otherwise
 * @param dataType the named data type the value is declared with ({@code MACAddress}), or "-"
 * @param list whether the value is a comma-separated list
 * @param entries objects: {@code minEntries..maxEntries}; "-" otherwise
 * @param status {@code current}, {@code deprecated} or {@code obsoleted} (deleted items are left
 *     out)
 * @param version the amendment that added the item ({@code 2.12}), or "-" when the XML gives none
 */
public record Tr181Fact(
    char kind,
    String path,
    String access,
    String type,
    String dataType,
    boolean list,
    String entries,
    String status,
    String version) {

  /** The columns of the facts file, in order. */
  public static final String COLUMNS =
      "kind\tpath\taccess\ttype\tdataType\tlist\tentries\tstatus\tversion";

  /** One tab-separated line of the facts file. */
  public String line() {
    return String.join(
        "\t",
        String.valueOf(kind),
        path,
        access,
        type,
        dataType,
        list ? "list" : "-",
        entries,
        status,
        version);
  }

  /** Parses {@link #line()}; {@code where} names the line in the error of a malformed one. */
  public static Tr181Fact parse(String line, String where) {
    String[] f = line.split("\t", -1);
    if (f.length != 9 || f[0].length() != 1 || "OPCEA".indexOf(f[0].charAt(0)) < 0) {
      throw new IllegalArgumentException(where + ": not a TR-181 fact line: " + line);
    }
    return new Tr181Fact(
        f[0].charAt(0), f[1], f[2], f[3], f[4], "list".equals(f[5]), f[6], f[7], f[8]);
  }

  public boolean obsoleted() {
    return "obsoleted".equals(status);
  }
}
