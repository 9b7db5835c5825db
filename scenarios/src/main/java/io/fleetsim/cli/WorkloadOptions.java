package io.fleetsim.cli;

import io.fleetsim.controller.Workload;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code fleetsim controller} options of the paced Get/Set/Operate workload. */
final class WorkloadOptions {
  @Option(
      names = "--workload-rate",
      description =
          "Send Get/Set/Operate to the connected agents at this many requests per second in"
              + " total (default: none).")
  double rate;

  @Option(
      names = "--workload-mix",
      defaultValue = "8,1,1",
      description = "Relative weights GET,SET,OPERATE of the workload (default ${DEFAULT-VALUE}).")
  String mix;

  @Option(
      names = "--workload-get",
      description = "A path the workload's Get asks for; repeatable (default Device.DeviceInfo.).")
  List<String> get;

  @Option(
      names = "--workload-set",
      defaultValue = "Device.DeviceInfo.ProvisioningCode=fleetsim",
      description = "PARAM=VALUE the workload's Set writes (default ${DEFAULT-VALUE}).")
  String set;

  @Option(
      names = "--workload-operate",
      defaultValue = "Device.SelfTestDiagnostics()",
      description = "The command the workload's Operate runs (default ${DEFAULT-VALUE}).")
  String operate;

  @Option(
      names = "--workload-after",
      defaultValue = "PT0S",
      description = "When to start the workload (default ${DEFAULT-VALUE}: at once).")
  java.time.Duration after;

  /** The workload asked for, or null when --workload-rate is not given. */
  Workload.Spec spec() {
    if (rate <= 0) {
      return null;
    }
    String[] weights = mix.split(",");
    int eq = set.indexOf('=');
    if (weights.length != 3 || eq <= 0) {
      throw new IllegalArgumentException(
          "--workload-mix takes GET,SET,OPERATE weights and --workload-set PARAM=VALUE");
    }
    try {
      return new Workload.Spec(
          rate,
          Integer.parseInt(weights[0].trim()),
          Integer.parseInt(weights[1].trim()),
          Integer.parseInt(weights[2].trim()),
          get == null ? List.of("Device.DeviceInfo.") : get,
          set.substring(0, eq),
          set.substring(eq + 1),
          operate);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--workload-mix takes integers, got " + mix);
    }
  }
}
