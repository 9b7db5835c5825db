package io.fleetsim.datamodel;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsim.usp.message.UspErrorCode;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Resolution against the test profile: instances, searches, keys, references and error codes. */
class PathResolverTest {
  private static final Schema SCHEMA = ProfileLoader.loadResource("profiles/test-gateway.conf");
  private AgentDataModel dm;

  @BeforeEach
  void agent() {
    dm =
        new DeviceModel(
                SCHEMA, 1, InstantSource.fixed(java.time.Instant.parse("2026-01-01T00:00:00Z")))
            .newAgent(3);
  }

  private List<String> paths(String path, ResolveOperation op) {
    Resolution r = PathResolver.resolve(path, op, dm);
    assertThat(r).as(path).isInstanceOf(Resolution.Ok.class);
    return ((Resolution.Ok) r).refs().stream().map(Resolution.ObjRef::path).toList();
  }

  private UspErrorCode error(String path, ResolveOperation op) {
    Resolution r = PathResolver.resolve(path, op, dm);
    assertThat(r).as(path).isInstanceOf(Resolution.Failed.class);
    return ((Resolution.Failed) r).code();
  }

  @Test
  void instanceNumbers_wildcards_andTables() {
    assertThat(paths("Device.DeviceInfo.FirmwareImage.2.", ResolveOperation.GET))
        .containsExactly("Device.DeviceInfo.FirmwareImage.2.");
    assertThat(paths("Device.DeviceInfo.FirmwareImage.*.Version", ResolveOperation.GET))
        .containsExactly(
            "Device.DeviceInfo.FirmwareImage.1.", "Device.DeviceInfo.FirmwareImage.2.");
    Resolution.Ok table =
        (Resolution.Ok)
            PathResolver.resolve("Device.LocalAgent.Subscription.", ResolveOperation.ADD, dm);
    assertThat(table.atTable()).isTrue();
    assertThat(table.refs().get(0).node().supportedPath())
        .isEqualTo("Device.LocalAgent.Subscription.{i}.");
  }

  @ParameterizedTest(name = "{0} for {1} -> {2}")
  @CsvSource({
    "Device.LocalAgent.Controller.99.,GET,INVALID_PATH",
    "Device.LocalAgent.Controller.99.,SET,OBJECT_DOES_NOT_EXIST",
    "Device.LocalAgent.Controller.99.,OPERATE,OBJECT_DOES_NOT_EXIST",
    "Device.LocalAgent.Controller.99.,INSTANCES,OBJECT_DOES_NOT_EXIST",
    "Device.LocalAgent.Controller.99.MTP.,ADD,OBJECT_DOES_NOT_EXIST",
    "Device.LocalAgent.InvalidObject.,GET,INVALID_PATH",
    "Device.DeviceInfo.NoSuchParam,GET,INVALID_PATH",
    "Device.DeviceInfo.NoSuchCommand(),OPERATE,INVALID_PATH",
    "Device.*.Name,GET,INVALID_PATH",
    "Device.1.,GET,INVALID_PATH",
    "Device.DeviceInfo.FirmwareImage.Name,GET,INVALID_PATH",
    "Device.DeviceInfo.2.,GET,INVALID_PATH",
    "Other.DeviceInfo.,GET,INVALID_PATH",
    "Device.WiFi.SSID.[Nope==1].,GET,INVALID_PATH",
    "Device.WiFi.SSID..,GET,INVALID_PATH_SYNTAX",
    "Device.WiFi.SSID.[Name==wl1].,GET,INVALID_PATH_SYNTAX",
    "Device.WiFi.SSID.[Enable==\"true\"].,GET,INVALID_PATH_SYNTAX",
    "Device.WiFi.SSID.[Enable>true].,GET,INVALID_PATH_SYNTAX",
    "Device.WiFi.SSID.[Name<\"x\"].,GET,INVALID_PATH_SYNTAX",
    "Device.WiFi.SSID.[Stats.BytesSent==abc].,GET,INVALID_PATH_SYNTAX",
    "Device.LocalAgent.[Controller.Enable==true].,GET,INVALID_PATH",
    "Device.WiFi.SSID.[Name~=\"wl1\"].,GET,INVALID_PATH_SYNTAX"
  })
  void errors_dependOnOperation(String path, ResolveOperation op, UspErrorCode code) {
    assertThat(error(path, op)).isEqualTo(code);
  }

  @Test
  void missingInstance_deleteAndSubscription_matchNothing() {
    assertThat(paths("Device.LocalAgent.Controller.99.", ResolveOperation.DELETE)).isEmpty();
    assertThat(paths("Device.LocalAgent.Controller.99.", ResolveOperation.SUBSCRIPTION)).isEmpty();
  }

  @Test
  void search_typedComparison_everyOperator() {
    String table = "Device.DeviceInfo.FirmwareImage.";
    assertThat(paths(table + "[Version==\"1.1.0\"].", ResolveOperation.GET))
        .containsExactly(table + "2.");
    assertThat(paths(table + "[Version!=\"1.1.0\"].", ResolveOperation.GET))
        .containsExactly(table + "1.");
    assertThat(paths(table + "[Available==true].", ResolveOperation.GET)).hasSize(2);
    assertThat(paths(table + "[Available==0].", ResolveOperation.GET)).isEmpty();
    String ssid = "Device.WiFi.SSID.";
    dm.set(SCHEMA.param("Device.WiFi.SSID.{i}.Stats.ErrorsSent"), new int[] {2}, "7");
    assertThat(paths(ssid + "[Stats.ErrorsSent>0].", ResolveOperation.GET))
        .containsExactly(ssid + "2.");
    assertThat(paths(ssid + "[Stats.ErrorsSent>=7].", ResolveOperation.GET))
        .containsExactly(ssid + "2.");
    assertThat(paths(ssid + "[Stats.ErrorsSent<7].", ResolveOperation.GET))
        .containsExactly(ssid + "1.");
    assertThat(paths(ssid + "[Stats.ErrorsSent<=7].", ResolveOperation.GET)).hasSize(2);
    // numbers compare as numbers: 0007 == 7
    assertThat(paths(ssid + "[Stats.ErrorsSent==0007].", ResolveOperation.GET))
        .containsExactly(ssid + "2.");
    assertThat(paths(ssid + "[Stats.ErrorsSent>0&&Enable==true].", ResolveOperation.GET))
        .containsExactly(ssid + "2.");
  }

  @Test
  void search_listMembership_andDateTime() {
    String mtp = "Device.LocalAgent.MTP.1.WebSocket.";
    dm.set(
        SCHEMA.param("Device.LocalAgent.MTP.{i}.WebSocket.Interfaces"), new int[] {1}, "eth0,wl0");
    assertThat(
            paths("Device.LocalAgent.MTP.[WebSocket.Interfaces~=\"wl0\"].", ResolveOperation.GET))
        .containsExactly("Device.LocalAgent.MTP.1.");
    assertThat(
            paths("Device.LocalAgent.MTP.[WebSocket.Interfaces~=\"wl9\"].", ResolveOperation.GET))
        .isEmpty();
    assertThat(mtp).isNotEmpty();
    assertThat(
            paths(
                "Device.LocalAgent.Controller.[PeriodicNotifTime==0001-01-01T00:00:00Z].",
                ResolveOperation.GET))
        .containsExactly("Device.LocalAgent.Controller.1.");
  }

  @Test
  void search_noMatch_isEmptyNotAnError() {
    assertThat(paths("Device.DeviceInfo.FirmwareImage.[Version==\"9\"].Name", ResolveOperation.GET))
        .isEmpty();
    assertThat(paths("Device.LocalAgent.Subscription.*.", ResolveOperation.GET)).isEmpty();
  }

  @Test
  void uniqueKeyAddressing_isNotASearch() {
    Resolution.Ok ok =
        (Resolution.Ok)
            PathResolver.resolve(
                "Device.DeviceInfo.FirmwareImage.[Alias==\"cpe-2\"].", ResolveOperation.GET, dm);
    assertThat(ok.search()).isFalse();
    assertThat(ok.refs())
        .extracting(Resolution.ObjRef::path)
        .containsExactly("Device.DeviceInfo.FirmwareImage.2.");
    assertThat(error("Device.DeviceInfo.FirmwareImage.[Alias==\"cpe-9\"].", ResolveOperation.GET))
        .isEqualTo(UspErrorCode.INVALID_PATH);
    assertThat(error("Device.DeviceInfo.FirmwareImage.[Alias==\"cpe-9\"].", ResolveOperation.SET))
        .isEqualTo(UspErrorCode.OBJECT_DOES_NOT_EXIST);
  }

  @Test
  void referenceFollowing_toTheActiveImage() {
    Resolution.Ok ok =
        (Resolution.Ok)
            PathResolver.resolve(
                "Device.DeviceInfo.ActiveFirmwareImage+.Version", ResolveOperation.GET, dm);
    assertThat(ok.refs())
        .extracting(Resolution.ObjRef::path)
        .containsExactly("Device.DeviceInfo.FirmwareImage.1.");
    assertThat(((ParamNode) ok.element()).name()).isEqualTo("Version");
    assertThat(
            paths("Device.DeviceInfo.FirmwareImage.[Alias==\"cpe-1\"].Name", ResolveOperation.GET))
        .hasSize(1);
  }

  @Test
  void referenceFollowing_insideASearch() {
    dm.set(SCHEMA.param("Device.LocalAgent.Request.{i}.Command"), new int[] {1}, "x");
    assertThat(
            paths(
                "Device.LocalAgent.Controller.[AssignedRole#*+.Name==\"x\"].",
                ResolveOperation.GET))
        .isEmpty();
  }

  @Test
  void elements_areResolvedByTail() {
    Resolution.Ok cmd =
        (Resolution.Ok) PathResolver.resolve("Device.Reboot()", ResolveOperation.OPERATE, dm);
    assertThat(cmd.element()).isInstanceOf(CommandNode.class);
    Resolution.Ok evt =
        (Resolution.Ok) PathResolver.resolve("Device.Boot!", ResolveOperation.SUBSCRIPTION, dm);
    assertThat(evt.element()).isInstanceOf(EventNode.class);
  }
}
