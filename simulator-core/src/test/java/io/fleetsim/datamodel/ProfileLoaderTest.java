package io.fleetsim.datamodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The profile format compiles into a schema, and every mistake names file, line and key. */
class ProfileLoaderTest {
  @TempDir Path dir;

  private File write(String body) throws IOException {
    Path f = dir.resolve("custom.conf");
    Files.writeString(f, body);
    return f.toFile();
  }

  private static final String HEAD =
      """
      profile {
        name = custom
        objects {
          "Device." { }
          "Device.LocalAgent." { params { EndpointID { type = string, gen { template = "x::{index}" } } } }
      """;

  @Test
  void testProfile_compiles_withSharedIdsAndTables() {
    Schema s = ProfileLoader.loadResource("profiles/test-gateway.conf");
    assertThat(s.name()).isEqualTo("test-gateway");
    assertThat(s.object("Device.DeviceInfo.FirmwareImage.{i}.").defaultInstances()).isEqualTo(2);
    assertThat(s.object("Device.LocalAgent.Subscription.{i}.").writable()).isTrue();
    assertThat(s.object("Device.LocalAgent.Subscription.{i}.").uniqueKeys())
        .containsExactly(java.util.List.of("Alias"), java.util.List.of("Recipient", "ID"));
    for (int i = 0; i < s.params().size(); i++) {
      assertThat(s.param(i).id()).isEqualTo(i);
    }
    ParamNode counter = s.param("Device.LocalAgent.SubscriptionNumberOfEntries");
    assertThat(counter.countedTable()).isSameAs(s.object("Device.LocalAgent.Subscription.{i}."));
    assertThat(s.param("Device.WiFi.SSID.{i}.Stats.BytesSent").valueChangeIgnored()).isTrue();
    assertThat(s.param("Device.DeviceInfo.FriendlyName").valueChangeIgnored()).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "unknown type|\"Device.X.\" { params { A { type = strin } } }|:6: profile.objects.\"Device.X.\".params.A.type: unknown type 'strin'",
        "unknown access|\"Device.X.\" { params { A { type = string, access = rw } } }|:6: profile.objects.\"Device.X.\".params.A.access",
        "missing parent|\"Device.X.Y.\" { }|:6: profile.objects.\"Device.X.Y.\": parent object \"Device.X.\" is not defined",
        "bad default|\"Device.X.\" { params { A { type = unsignedInt, default = \"-1\" } } }|:6: profile.objects.\"Device.X.\".params.A.default: '-1' is not valid",
        "unknown key|\"Device.X.\" { params { A { type = string, colour = red } } }|:6: profile.objects.\"Device.X.\".params.A.colour: unknown key",
        "bad generator|\"Device.X.\" { params { A { type = string, gen { dice = 6 } } } }|:6: profile.objects.\"Device.X.\".params.A.gen: unknown generator",
        "hop of one value|\"Device.X.\" { params { A { type = string, gen { hop { values = [a], every = 1h } } } } }|:6: profile.objects.\"Device.X.\".params.A.gen.hop.values: two values or more",
        "hop without every|\"Device.X.\" { params { A { type = string, gen { hop { values = [a, b] } } } } }|:6: profile.objects.\"Device.X.\".params.A.gen.hop.every: a duration > 0",
        "hop value of wrong type|\"Device.X.\" { params { A { type = unsignedInt, gen { hop { values = [1, x], every = 1h } } } } }|:6: profile.objects.\"Device.X.\".params.A.gen: 'x' is not valid",
        "follows an unknown table|\"Device.T.{i}.\" { follows { table = \"Device.H.{i}.\" } }|:6: profile.objects.\"Device.T.{i}.\".follows.table: \"Device.H.{i}.\" is not a table in no other table that follows none",
        "follows with instances|\"Device.T.{i}.\" { instances = 2, follows { table = \"Device.T.{i}.\" } }|:6: profile.objects.\"Device.T.{i}.\".follows: a table that follows has no churn or instances",
        "writable table follows|\"Device.T.{i}.\" { access = readWrite, follows { table = \"Device.T.{i}.\" } }|:6: profile.objects.\"Device.T.{i}.\".follows: only read-only tables have follows",
        "follows matching a missing parameter|\"Device.H.{i}.\" { params { L = string } }, \"Device.T.{i}.\" { follows { table = \"Device.H.{i}.\", match { L = Nope } } }|:6: profile.objects.\"Device.T.{i}.\".follows.match.L: no such parameter in Device.",
        "one variant|\"Device.T.{i}.\" { params { A = string }, variants = [{ share = 1, params { A = x } }] }|:6: profile.objects.\"Device.T.{i}.\".variants: two variants or more",
        "variant without share|\"Device.T.{i}.\" { params { A = string }, variants = [{ params { A = x } }, { share = 1, params { A = y } }] }|profile.objects.\"Device.T.{i}.\".variants[0].share: a share > 0",
        "variant of a missing parameter|\"Device.T.{i}.\" { params { A = string }, variants = [{ share = 1, params { B = x } }, { share = 1, params { A = y } }] }|profile.objects.\"Device.T.{i}.\".variants[0].params.B: no such parameter",
        "invalid variant value|\"Device.T.{i}.\" { params { A = unsignedInt }, variants = [{ share = 1, params { A = x } }, { share = 1, params { A = 2 } }] }|profile.objects.\"Device.T.{i}.\".variants[0].params.A: 'x' is not valid",
        "variants on a single object|\"Device.X.\" { params { A = string }, variants = [{ share = 1, params { A = x } }, { share = 1, params { A = y } }] }|:6: profile.objects.\"Device.X.\".variants: only table rows have variants",
        "bad folded placeholder|\"Device.X.\" { params { A { type = string, gen { template = \"{i%0}\" } } } }|:6: profile.objects.\"Device.X.\".params.A.gen.template: unknown placeholder {i%0}",
        "bad template|\"Device.X.\" { params { A { type = string, gen { template = \"{nope}\" } } } }|:6: profile.objects.\"Device.X.\".params.A.gen.template: unknown placeholder {nope}",
        "negative instances|\"Device.T.{i}.\" { instances = -3 }|:6: profile.objects.\"Device.T.{i}.\".instances: must lie within min-entries..max-entries (0..2147483647), not -3",
        "instances on non-table|\"Device.X.\" { instances = 3 }|:6: profile.objects.\"Device.X.\".instances: only tables ({i}) have it",
        "unknown key param|\"Device.T.{i}.\" { unique-keys = [[Nope]] }|:6: profile.objects.\"Device.T.{i}.\".unique-keys: unknown key parameter 'Nope'",
        "bad command name|\"Device.X.\" { commands { Go { } } }|:6: profile.objects.\"Device.X.\".commands.\"Go\": command names end with ()",
        "bad behavior|\"Device.X.\" { commands { \"Go()\" { behavior = explode } } }|:6: profile.objects.\"Device.X.\".commands.\"Go()\".behavior: unknown behavior",
        "bad path|\"Devices.X.\" { }|:6: profile.objects.\"Devices.X.\": object paths start with 'Device.' and end with '.'"
      })
  void invalidProfile_failsFast_namingFileLineAndKey(String what, String object, String message)
      throws IOException {
    File f = write(HEAD + "    " + object + "\n  }\n}\n");
    assertThatThrownBy(() -> ProfileLoader.load(f))
        .as(what)
        .isInstanceOf(ProfileException.class)
        .hasMessageContaining("custom.conf")
        .hasMessageContaining(message);
  }

  @Test
  void syntaxError_namesFileAndLine() throws IOException {
    File f =
        write(
            "profile {\n  name = x\n  objects {\n    \"Device.\" { params { A { type = string }\n}\n");
    assertThatThrownBy(() -> ProfileLoader.load(f))
        .isInstanceOf(ProfileException.class)
        .hasMessageContaining("custom.conf: 6: expecting a close");
  }

  @Test
  void missingProfileBlock_isReported() throws IOException {
    File f = write("name = x\n");
    assertThatThrownBy(() -> ProfileLoader.load(f))
        .isInstanceOf(ProfileException.class)
        .hasMessageContaining("profile: missing top-level 'profile' block");
  }

  @Test
  void presentIn_makesASingleObjectExistOnlyUnderListedRows() throws IOException {
    File f =
        write(
            HEAD
                + """
                    "Device.T.{i}." { instances = 4, params { Class = string } }
                    "Device.T.{i}.Level." { present-in = ["1-2"], params { Value = int } }
                    "Device.T.{i}.Switch." { present-in = [4], params { On = boolean } }
                  }
                }
                """);
    Schema s = ProfileLoader.load(f);
    AgentDataModel dm = new DeviceModel(s, 1, java.time.InstantSource.system()).newAgent(0);
    ObjectNode level = s.object("Device.T.{i}.Level.");
    assertThat(dm.exists(level, new int[] {2})).isTrue();
    assertThat(dm.exists(level, new int[] {3})).isFalse();
    Resolution r = PathResolver.resolve("Device.T.*.Level.Value", ResolveOperation.GET, dm);
    assertThat(((Resolution.Ok) r).refs())
        .extracting(Resolution.ObjRef::path)
        .containsExactly("Device.T.1.Level.", "Device.T.2.Level.");
    assertThat(PathResolver.resolve("Device.T.3.Level.", ResolveOperation.GET, dm))
        .isInstanceOf(Resolution.Failed.class);
  }

  @Test
  void presentIn_onAnObjectOutsideATable_isRejected() throws IOException {
    File f = write(HEAD + "    \"Device.X.\" { present-in = [1] }\n  }\n}\n");
    assertThatThrownBy(() -> ProfileLoader.load(f))
        .isInstanceOf(ProfileException.class)
        .hasMessageContaining("present-in: only single objects inside a table row have it");
  }

  @Test
  void shorthandTypes_andNumEntriesParameterIsCreated() throws IOException {
    File f =
        write(
            HEAD
                + """
                    "Device.T.{i}." { access = readWrite, instances = 3, num-entries = TNumberOfEntries, params { V = int } }
                  }
                }
                """);
    Schema s = ProfileLoader.load(f);
    assertThat(s.param("Device.T.{i}.V").type()).isEqualTo(ParamType.INT);
    assertThat(s.param("Device.TNumberOfEntries").countedTable())
        .isSameAs(s.object("Device.T.{i}."));
    AgentDataModel dm = new DeviceModel(s, 1, java.time.InstantSource.system()).newAgent(0);
    assertThat(dm.value(s.param("Device.TNumberOfEntries"), new int[0])).isEqualTo("3");
  }
}
