package io.fleetsim.cli;

import io.fleetsim.controller.FirmwareCampaign;
import io.fleetsim.controller.FirmwareServer;
import io.fleetsim.mtp.Transports;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code fleetsim controller} options of the firmware server and the firmware campaign. */
final class FirmwareOptions {
  @Option(
      names = "--firmware",
      paramLabel = "NAME:BYTES",
      description =
          "Serve a firmware image of this size (e.g. fsim-2.0.0.bin:8000000); repeatable. Agents"
              + " take the version from the name (2.0.0).")
  List<String> firmware;

  @Option(
      names = "--firmware-listen",
      defaultValue = "127.0.0.1:0",
      description = "HOST:PORT of the firmware HTTP server (default ${DEFAULT-VALUE}).")
  String listen;

  @Option(
      names = "--firmware-rate",
      defaultValue = "0",
      description = "Bytes per second per download, 0 = unlimited (default ${DEFAULT-VALUE}).")
  long rate;

  @Option(
      names = "--firmware-simulate",
      description =
          "Serve nothing: hand out simulate:// URLs and let agents model size / --firmware-rate.")
  boolean simulate;

  @Option(
      names = "--firmware-fail",
      defaultValue = "0",
      description =
          "Percent of downloads that fail (HTTP 503, or modelled) (default ${DEFAULT-VALUE}).")
  double failPercent;

  @Option(
      names = "--firmware-rollback",
      defaultValue = "0",
      description =
          "Percent of installs whose image fails to boot after Activate(), so the device rolls"
              + " back to its old image (default ${DEFAULT-VALUE}).")
  double rollbackPercent;

  @Option(
      names = "--campaign",
      paramLabel = "NAME",
      description = "Roll this --firmware image out to the agents connected at --campaign-after.")
  String campaign;

  @Option(
      names = "--campaign-version",
      defaultValue = "",
      description = "The SoftwareVersion expected after the upgrade (default: the bank's Version).")
  String version;

  @Option(
      names = "--campaign-after",
      defaultValue = "PT10S",
      description = "When to start the campaign (default ${DEFAULT-VALUE}).")
  Duration campaignAfter;

  @Option(
      names = "--campaign-rate",
      defaultValue = "50",
      description = "Agents started per second (default ${DEFAULT-VALUE}).")
  double campaignRate;

  @Option(
      names = "--campaign-in-flight",
      defaultValue = "200",
      description = "Agents upgrading at once at most (default ${DEFAULT-VALUE}).")
  int inFlight;

  @Option(
      names = "--campaign-step-timeout",
      defaultValue = "PT5M",
      description = "How long one step may take (default ${DEFAULT-VALUE}).")
  Duration stepTimeout;

  /** The images of --firmware; empty when none. */
  List<FirmwareServer.Image> images() {
    List<FirmwareServer.Image> out = new ArrayList<>();
    for (String f : firmware == null ? List.<String>of() : firmware) {
      int colon = f.lastIndexOf(':');
      try {
        out.add(
            new FirmwareServer.Image(
                f.substring(0, colon), Long.parseLong(f.substring(colon + 1))));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("--firmware takes NAME:BYTES, got " + f);
      }
    }
    if (simulate && rate <= 0) {
      throw new IllegalArgumentException("--firmware-simulate needs --firmware-rate > 0");
    }
    if (campaign != null && out.stream().noneMatch(i -> i.name().equals(campaign))) {
      throw new IllegalArgumentException("--campaign " + campaign + " is not a --firmware image");
    }
    return out;
  }

  /** The campaign asked for, or null. */
  FirmwareCampaign.Spec campaign() {
    return campaign == null
        ? null
        : new FirmwareCampaign.Spec(campaign, version, campaignRate, inFlight, stepTimeout);
  }

  /** The firmware server for {@code images}, or null when there are none. */
  FirmwareServer server(Transports transports, List<FirmwareServer.Image> images) {
    if (images.isEmpty()) {
      return null;
    }
    FirmwareServer server;
    if (simulate) {
      server = FirmwareServer.simulate(images, rate);
    } else {
      server =
          FirmwareServer.serve(
              transports, HostPort.parse("--firmware-listen", listen), images, rate);
    }
    server.failPercent(failPercent);
    server.rollbackPercent(rollbackPercent);
    return server;
  }
}
