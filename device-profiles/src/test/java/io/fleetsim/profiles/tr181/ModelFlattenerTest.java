package io.fleetsim.profiles.tr181;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The expansion rules on a small hand-made model in the shape of the Broadband Forum XML: imports
 * by label, components placed relative to their reference, base= modifications, virtual components,
 * named data types, command and event arguments, deleted items.
 */
class ModelFlattenerTest {
  static Path fixtures() throws URISyntaxException {
    return Path.of(ModelFlattenerTest.class.getResource("/bbf/types.xml").toURI()).getParent();
  }

  private static Map<String, Tr181Fact> main() throws URISyntaxException {
    List<Tr181Fact> facts = ModelFlattener.flatten(fixtures(), "tr-181-2-5-1-main.xml", "Main:1");
    return facts.stream().collect(Collectors.toMap(Tr181Fact::path, Function.identity()));
  }

  @Test
  void componentsArePlacedRelativeToTheirReference_andBaseItemsAreMerged() throws Exception {
    Map<String, Tr181Fact> m = main();
    assertThat(m.get("Device.").line())
        .isEqualTo("O\tDevice.\treadOnly\t-\t-\t-\t1..1\tcurrent\t2.0");
    // <parameter base="Name" access="readOnly"/> in the entry modifies the base model's readWrite
    assertThat(m.get("Device.Name").access()).isEqualTo("readOnly");
    assertThat(m.get("Device.Added").version()).isEqualTo("2.5");
    assertThat(m.get("Device.ThingNumberOfEntries").type()).isEqualTo("unsignedInt");
    Tr181Fact table = m.get("Device.Thing.{i}.");
    assertThat(table.access()).isEqualTo("readWrite");
    assertThat(table.entries()).isEqualTo("0..8");
    assertThat(table.version()).isEqualTo("2.2");
    assertThat(m.get("Device.Thing.{i}.Stats.").version()).isEqualTo("2.3");
    // an item without a version inherits its object's
    assertThat(m.get("Device.Thing.{i}.Address").version()).isEqualTo("2.2");
  }

  @Test
  void aVirtualComponentMeansTheOutermostFilesBinding() throws Exception {
    Tr181Fact alias = main().get("Device.Thing.{i}.Alias");
    assertThat(alias.access()).isEqualTo("writeOnceReadOnly");
  }

  @Test
  void namedDataTypesResolveToTheirPrimitive_withListness() throws Exception {
    Map<String, Tr181Fact> m = main();
    assertThat(m.get("Device.Thing.{i}.Address").line())
        .isEqualTo(
            "P\tDevice.Thing.{i}.Address\treadWrite\tstring\tV4Address\tlist\t-\tcurrent\t2.2");
    Tr181Fact bands = m.get("Device.Thing.{i}.Bands");
    assertThat(bands.list()).isTrue();
    assertThat(bands.dataType()).isEqualTo("Bands");
    Tr181Fact bytes = m.get("Device.Thing.{i}.Stats.BytesSent");
    assertThat(bytes.type()).isEqualTo("unsignedLong");
    assertThat(bytes.dataType()).isEqualTo("Counter");
    assertThat(m.get("Device.Thing.{i}.Stats.Errors").type()).isEqualTo("unsignedLong");
  }

  @Test
  void commandsAndEvents_carryTheirArguments() throws Exception {
    Map<String, Tr181Fact> m = main();
    assertThat(m.get("Device.Upgrade()").access()).isEqualTo("async");
    assertThat(m.get("Device.Thing.{i}.Reset()").access()).isEqualTo("sync");
    assertThat(m.get("Device.Upgrade().in.URL").kind()).isEqualTo('A');
    assertThat(m.get("Device.Upgrade().in.Window.{i}.Start").type()).isEqualTo("unsignedInt");
    assertThat(m.get("Device.Upgrade().out.Code").type()).isEqualTo("int");
    assertThat(m.get("Device.Boot!").kind()).isEqualTo('E');
    assertThat(m.get("Device.Boot!.Cause").kind()).isEqualTo('A');
    assertThat(m).doesNotContainKey("Device.Upgrade().in.Window.{i}.");
  }

  @Test
  void deletedItemsAndEverythingUnderADeletedObjectAreLeftOut_obsoletedKept() throws Exception {
    Map<String, Tr181Fact> m = main();
    assertThat(m)
        .doesNotContainKeys(
            "Device.Thing.{i}.Old", "Device.Gone.{i}.", "Device.Gone.{i}.X", "Device.Gone.{i}.Sub.")
        .doesNotContainKey("Device.Gone.{i}.Sub.Y");
    assertThat(m.get("Device.Thing.{i}.Legacy").obsoleted()).isTrue();
  }

  @Test
  void factLines_roundTrip() throws Exception {
    for (Tr181Fact f : main().values()) {
      assertThat(Tr181Fact.parse(f.line(), "x")).isEqualTo(f);
    }
    assertThatThrownBy(() -> Tr181Fact.parse("P\tDevice.X", "facts.tsv:7"))
        .hasMessageContaining("facts.tsv:7");
  }

  @Test
  void anImportThatMatchesNoFile_failsNamingIt() {
    assertThatThrownBy(
            () -> ModelFlattener.flatten(fixtures(), "tr-181-2-5-1-broken.xml", "Broken:1"))
        .hasMessageContaining("tr-181-2-missing.xml");
  }

  @Test
  void toolWritesAHeaderWithCountsThenOneLinePerFact() throws Exception {
    List<Tr181Fact> facts = ModelFlattener.flatten(fixtures(), "tr-181-2-5-1-main.xml", "Main:1");
    List<String> lines = Tr181FactsTool.lines("tr-181-2-5-1-main.xml", "Main:1", facts);
    assertThat(lines.get(1)).contains("3 objects, 9 parameters, 2 commands, 1 events, 4 arguments");
    assertThat(lines).hasSize(facts.size() + 3);
    assertThat(lines.get(2)).isEqualTo("# " + Tr181Fact.COLUMNS);
  }
}
