package io.fleetsim.datamodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** TR-106 validation of every type: 7011 for a value of the wrong type, 7012 out of range. */
class ValueSpecTest {

  @ParameterizedTest(name = "{0} ''{1}'' -> {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "boolean|true|OK",
        "boolean|0|OK",
        "boolean|TRUE|BAD_TYPE",
        "boolean|yes|BAD_TYPE",
        "int|-2147483648|OK",
        "int|2147483647|OK",
        "int|2147483648|BAD_VALUE",
        "int|1.5|BAD_TYPE",
        "unsignedInt|4294967295|OK",
        "unsignedInt|4294967296|BAD_VALUE",
        "unsignedInt|-1|BAD_VALUE",
        "unsignedInt|x|BAD_TYPE",
        "long|-9223372036854775808|OK",
        "long|9223372036854775808|BAD_VALUE",
        "long|ten|BAD_TYPE",
        "unsignedLong|18446744073709551615|OK",
        "unsignedLong|18446744073709551616|BAD_VALUE",
        "unsignedLong|-1|BAD_VALUE",
        "unsignedLong|1e3|BAD_TYPE",
        "decimal|3.25|OK",
        "decimal|-0.5|OK",
        "decimal|three|BAD_TYPE",
        "dateTime|2024-01-01T00:00:00Z|OK",
        "dateTime|0001-01-01T00:00:00Z|OK",
        "dateTime|2024-01-01|BAD_TYPE",
        "hexBinary|00FFab|OK",
        "hexBinary|0F0|BAD_TYPE",
        "hexBinary|GG|BAD_TYPE",
        "base64|aGVsbG8=|OK",
        "base64|not base64!|BAD_TYPE",
        "string|anything|OK"
      })
  void types(String type, String value, ValueSpec.Check expected) {
    ValueSpec spec = ValueSpec.of(ParamType.ofXmlName(type), Access.READ_WRITE);
    assertThat(spec.check(value)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"Up,OK", "Down,OK", "up,BAD_VALUE", "'',BAD_VALUE"})
  void enumeration(String value, ValueSpec.Check expected) {
    ValueSpec spec =
        new ValueSpec(
            ParamType.STRING, Access.READ_WRITE, List.of("Up", "Down"), null, null, -1, false);
    assertThat(spec.check(value)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"1,OK", "165,OK", "0,BAD_VALUE", "166,BAD_VALUE"})
  void numericRange(String value, ValueSpec.Check expected) {
    ValueSpec spec =
        new ValueSpec(
            ParamType.UNSIGNED_INT,
            Access.READ_WRITE,
            List.of(),
            BigDecimal.ONE,
            BigDecimal.valueOf(165),
            -1,
            false);
    assertThat(spec.check(value)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "''{0}'' -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {"a|OK", "abcd|OK", "abcde|BAD_VALUE", "''|BAD_VALUE"})
  void stringSize(String value, ValueSpec.Check expected) {
    ValueSpec spec =
        new ValueSpec(
            ParamType.STRING, Access.READ_WRITE, List.of(), BigDecimal.ONE, null, 4, false);
    assertThat(spec.check(value)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "''{0}'' -> {1}")
  @CsvSource({"00,OK", "00FF,BAD_VALUE"})
  void hexBinarySize_countsBytes(String value, ValueSpec.Check expected) {
    ValueSpec spec =
        new ValueSpec(ParamType.HEX_BINARY, Access.READ_ONLY, List.of(), null, null, 1, false);
    assertThat(spec.check(value)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "''{0}'' -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {"1,2,3|OK", "''|OK", "1,x|BAD_TYPE", "1,70000|BAD_VALUE"})
  void lists_checkEveryItem(String value, ValueSpec.Check expected) {
    ValueSpec spec =
        new ValueSpec(
            ParamType.UNSIGNED_INT,
            Access.READ_WRITE,
            List.of(),
            null,
            BigDecimal.valueOf(65535),
            -1,
            true);
    assertThat(spec.check(value)).isEqualTo(expected);
  }
}
