package io.fleetsim.usp.path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetsim.usp.path.UspPath.Filter;
import io.fleetsim.usp.path.UspPath.Instance;
import io.fleetsim.usp.path.UspPath.Name;
import io.fleetsim.usp.path.UspPath.Op;
import io.fleetsim.usp.path.UspPath.RefFollow;
import io.fleetsim.usp.path.UspPath.RelStep;
import io.fleetsim.usp.path.UspPath.Tail;
import io.fleetsim.usp.path.UspPath.Term;
import io.fleetsim.usp.path.UspPath.Wildcard;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The path forms of TR-369 Path Names (instance numbers, wildcards, unique-key and search
 * expressions, references) as the messages use them, plus the grammar's error cases.
 */
class PathParserTest {

  @ParameterizedTest(name = "{0} -> {1} {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Device.|OBJECT|''",
        "Device.DeviceInfo.|OBJECT|''",
        "Device.DeviceInfo.SoftwareVersion|PARAMETER|SoftwareVersion",
        "Device.DeviceInfo.FirmwareImage.2.|OBJECT|''",
        "Device.IP.Interface.|OBJECT|''",
        "Device.IP.Interface.3.|OBJECT|''",
        "Device.IP.Interface.*.Status|PARAMETER|Status",
        "Device.LocalAgent.|OBJECT|''",
        "Device.LocalAgent.Controller.3.|OBJECT|''",
        "Device.LocalAgent.Controller.99.|OBJECT|''",
        "Device.LocalAgent.InvalidObject.|OBJECT|''",
        "Device.LocalAgent.Request.1.|OBJECT|''",
        "Device.LocalAgent.Request.7.Cancel()|COMMAND|Cancel()",
        "Device.LocalAgent.Subscription.|OBJECT|''",
        "Device.LocalAgent.Subscription.5.|OBJECT|''",
        "Device.LocalAgent.Subscription.5.InvalidParameter|PARAMETER|InvalidParameter",
        "Device.LocalAgent.Controller.2.ProvisioningCode|PARAMETER|ProvisioningCode",
        "Device.LocalAgent.Periodic!|EVENT|Periodic!",
        "Device.LocalAgent.TransferComplete!|EVENT|TransferComplete!",
        "Device.Boot!|EVENT|Boot!",
        "Device.Reboot()|COMMAND|Reboot()",
        "Device.ScheduleTimer()|COMMAND|ScheduleTimer()",
        "Device.NAT.PortMapping.1.Interface+.Name|PARAMETER|Name",
        "Device.NAT.PortMapping.[RemoteHost==\"\"&&ExternalPort==0&&Protocol==\"TCP\"].|OBJECT|''",
        "Device.WiFi.AccessPoint.*.AssociatedDevice.|OBJECT|''",
        "Device.WiFi.AccessPoint.[SSIDReference+.SSID==\"MyHome\"].AssociatedDevice.[OperatingStandard==\"ac\"].SignalStrength|PARAMETER|SignalStrength",
        "Device.WiFi.SSID.1.|OBJECT|''",
        "Device.WiFi.SSID.1.Stats.|OBJECT|''",
        "Device.IP.Interface.[Enable==true].|OBJECT|''",
        "Device.IP.Interface.[Enable==1].|OBJECT|''",
        "Device.IP.Interface.[Stats.ErrorsSent>0].Name|PARAMETER|Name",
        "Device.IP.Interface.*.IPv6Address.[ValidLifetime<2021-06-06T08:00:00Z].|OBJECT|''",
        "Device.X_EXAMPLE-COM_Thing.Value|PARAMETER|Value"
      })
  void parse_protocolExamples(String path, Tail tail, String tailName) throws Exception {
    UspPath p = PathParser.parse(path);
    assertThat(p.tail()).isEqualTo(tail);
    assertThat(p.tailName()).isEqualTo(tailName);
    assertThat(p.text()).isEqualTo(path);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(
      strings = {
        "Device.WiFi.SSID.{i}.",
        "Device.WiFi.AccessPoint.{i}.AssociatedDevice.{i}.",
        "Device.LocalAgent.Request.{i}.",
        "Device.LocalAgent.Controller.{i}.MTP.{i}.MQTT.",
        "Device.MQTT.Client.{i}.ConnectRetryTime",
        "Device.STOMP.Connection.{i}.ServerRetryInitialInterval",
        "Device.LocalAgent.Controller.{i}.USPNotifRetryMinimumWaitInterval"
      })
  void parseSupported_acceptsInstancePlaceholders(String path) throws Exception {
    assertThat(PathParser.parseSupported(path).segments()).contains(new UspPath.AnyInstance());
    assertThatThrownBy(() -> PathParser.parse(path)).isInstanceOf(PathSyntaxException.class);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(
      strings = {
        "",
        ".",
        "Device..",
        "Device.WiFi.SSID.0.",
        "Device.WiFi.SSID.01x.",
        "Device.WiFi.SSID.[].",
        "Device.WiFi.SSID.[Name==\"a\"",
        "Device.WiFi.SSID.[Name==\"a\"]",
        "Device.WiFi.SSID.[Name=\"a\"].",
        "Device.WiFi.SSID.[Name==\"a\"||Name==\"b\"].",
        "Device.WiFi.SSID.[Name==\"a\"&Enable==true].",
        "Device.WiFi.SSID.[Name==].",
        "Device.WiFi.SSID.[==1].",
        "Device.WiFi.SSID.[Name==\"a\"b\"].",
        "Device.WiFi.SSID.[[Name==1]].",
        "Device.WiFi.SSID.[Name==\"a\"].[Name==\"b\"].",
        "Device.WiFi.SSID.*",
        "Device.WiFi.SSID.1",
        "Device.Reboot()x",
        "Device.Boot!.",
        "Device.Name+",
        "Device.Name#+.X",
        "Device.Name#0+.X",
        "Device.Interface+.",
        "Reboot()",
        "Device.WiFi SSID."
      })
  void parse_invalid_throwsSyntaxError(String path) {
    assertThatThrownBy(() -> PathParser.parse(path)).isInstanceOf(PathSyntaxException.class);
  }

  @Test
  void parse_compoundUniqueKey_yieldsThreeEqualityTerms() throws Exception {
    UspPath p =
        PathParser.parse(
            "Device.NAT.PortMapping.[RemoteHost==\"\"&&ExternalPort==0&&Protocol==\"TCP\"].");
    assertThat(p.segments().get(3))
        .isEqualTo(
            new Filter(
                List.of(
                    new Term(List.of(new RelStep("RemoteHost", RelStep.NO_REF)), Op.EQ, "", true),
                    new Term(
                        List.of(new RelStep("ExternalPort", RelStep.NO_REF)), Op.EQ, "0", false),
                    new Term(
                        List.of(new RelStep("Protocol", RelStep.NO_REF)), Op.EQ, "TCP", true))));
  }

  @Test
  void parse_referenceFollowingInsideSearch() throws Exception {
    UspPath p =
        PathParser.parse(
            "Device.WiFi.AccessPoint.[SSIDReference+.SSID==\"MyHome\"].AssociatedDevice.*.SignalStrength");
    Filter f = (Filter) p.segments().get(3);
    assertThat(f.terms().get(0).relPath())
        .containsExactly(new RelStep("SSIDReference", 1), new RelStep("SSID", RelStep.NO_REF));
    assertThat(p.segments().get(5)).isEqualTo(new Wildcard());
  }

  @Test
  void parse_referenceFollowing_itemForms() throws Exception {
    assertThat(PathParser.parse("Device.NAT.PortMapping.1.Interface+.Name").segments().get(4))
        .isEqualTo(new RefFollow("Interface", 1));
    assertThat(PathParser.parse("Device.X.LowerLayers#2+.Name").segments().get(2))
        .isEqualTo(new RefFollow("LowerLayers", 2));
    assertThat(PathParser.parse("Device.X.LowerLayers#*+.Name").segments().get(2))
        .isEqualTo(new RefFollow("LowerLayers", 0));
  }

  @Test
  void parse_everyOperator_andSpacesAroundIt() throws Exception {
    for (Op op : Op.values()) {
      UspPath p = PathParser.parse("Device.IP.Interface.[ MTU " + op.symbol + " 1500 ].");
      Term t = ((Filter) p.segments().get(3)).terms().get(0);
      assertThat(t.op()).isEqualTo(op);
      assertThat(t.value()).isEqualTo("1500");
    }
  }

  @Test
  void parse_percentEncodedQuotes_areDecoded() throws Exception {
    UspPath p = PathParser.parse("Device.WiFi.SSID.[SSID==\"a%22b%25c\"].");
    assertThat(((Filter) p.segments().get(3)).terms().get(0).value()).isEqualTo("a\"b%c");
  }

  @Test
  void parse_segments_ofInstancePath() throws Exception {
    assertThat(PathParser.parse("Device.IP.Interface.3.").segments())
        .containsExactly(
            new Name("Device"), new Name("IP"), new Name("Interface"), new Instance(3));
  }
}
