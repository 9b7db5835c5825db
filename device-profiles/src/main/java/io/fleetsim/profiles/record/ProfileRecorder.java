package io.fleetsim.profiles.record;

import io.fleetsim.profiles.Tr181Model;
import io.fleetsim.profiles.tr181.Tr181Fact;
import io.fleetsim.usp.proto.UspMsg.GetResp;
import io.fleetsim.usp.proto.UspMsg.GetSupportedDMResp;
import io.fleetsim.usp.proto.UspMsg.GetSupportedDMResp.SupportedCommandResult;
import io.fleetsim.usp.proto.UspMsg.GetSupportedDMResp.SupportedEventResult;
import io.fleetsim.usp.proto.UspMsg.GetSupportedDMResp.SupportedObjectResult;
import io.fleetsim.usp.proto.UspMsg.GetSupportedDMResp.SupportedParamResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes a fleetsim profile (HOCON, docs/PROFILES.md) from what a real agent answered: its
 * GetSupportedDMResp for {@code Device.} (objects, parameters with types and access, commands with
 * their arguments and sync/async, events, unique keys, vendor extensions) and its GetResp for
 * {@code Device.} (the values, and the rows of each table). Per-device and moving values become
 * generators where their shape says so ({@link ValueShapes}); a second Get some seconds later shows
 * which counters grow and how fast. Every inference is listed with its reason.
 */
public final class ProfileRecorder {
  /** Tables whose rows are the recording session's own (its subscriptions and requests). */
  private static final List<String> TRANSIENT =
      List.of("Device.LocalAgent.Subscription.{i}.", "Device.LocalAgent.Request.{i}.");

  private static final Map<String, String> BEHAVIORS =
      Map.of(
          "Device.Reboot()", "reboot",
          "Device.FactoryReset()", "factory-reset",
          "Device.ScheduleTimer()", "schedule-timer",
          "Device.DeviceInfo.FirmwareImage.{i}.Download()", "firmware-download",
          "Device.DeviceInfo.FirmwareImage.{i}.Activate()", "firmware-activate",
          "Device.LocalAgent.Request.{i}.Cancel()", "cancel-request");

  private final Tr181Model tr181 = Tr181Model.standard();

  /** The profile and what was inferred. */
  public record Recording(String hocon, List<String> inferences, List<String> vendorExtensions) {}

  /**
   * @param name the profile's name
   * @param later a second GetResp of {@code Device.} taken {@code seconds} after {@code values}, or
   *     null
   */
  public Recording record(
      String name, GetSupportedDMResp supported, GetResp values, GetResp later, double seconds) {
    RecordedValues now = RecordedValues.of(values);
    RecordedValues then = later == null ? null : RecordedValues.of(later);
    String recordedSerial = now.value("Device.DeviceInfo.", "SerialNumber");
    String serial = recordedSerial == null ? "" : recordedSerial; // a device may report none
    List<String> inferences = new ArrayList<>();
    List<String> vendor = new ArrayList<>();
    StringBuilder out = new StringBuilder(64 * 1024);
    String uri = "urn:broadband-forum-org:tr-181-2-19-1-usp";
    List<SupportedObjectResult> objects = new ArrayList<>();
    for (GetSupportedDMResp.RequestedObjectResult r : supported.getReqObjResultsList()) {
      if (!r.getDataModelInstUri().isEmpty()) {
        uri = r.getDataModelInstUri();
      }
      objects.addAll(r.getSupportedObjsList());
    }
    objects = withParents(objects);
    out.append(
            "# Recorded by fleetsim profile record: the supported model and values of one device.\n")
        .append("profile {\n  name = ")
        .append(ValueShapes.quote(name))
        .append('\n')
        .append("  data-model-uri = ")
        .append(ValueShapes.quote(uri))
        .append('\n')
        .append("  objects {\n");
    for (SupportedObjectResult o : objects) {
      String path = o.getSupportedObjPath();
      if (path.contains(".X_") || path.startsWith("Device.X_")) {
        vendor.add(path);
      }
      out.append("    ").append(ValueShapes.quote(path)).append(" {\n");
      List<String> rows = now.rows(path);
      if (o.getIsMultiInstance()) {
        int instances = TRANSIENT.contains(path) ? 0 : rows.size();
        out.append("      access = ")
            .append(
                o.getAccess() == GetSupportedDMResp.ObjAccessType.OBJ_ADD_DELETE
                    ? "readWrite"
                    : "readOnly")
            .append('\n')
            .append("      instances = ")
            .append(instances)
            .append('\n');
        if (o.getUniqueKeySetsCount() > 0) {
          List<String> sets = new ArrayList<>();
          for (GetSupportedDMResp.SupportedUniqueKeySet k : o.getUniqueKeySetsList()) {
            sets.add("[" + String.join(", ", k.getKeyNamesList()) + "]");
          }
          out.append("      unique-keys = [").append(String.join(", ", sets)).append("]\n");
        }
        rows = instances == 0 ? List.of() : rows;
      }
      params(out, path, o, rows, now, then, seconds, serial, inferences, vendor);
      commands(out, path, o.getSupportedCommandsList(), vendor);
      events(out, path, o.getSupportedEventsList(), vendor);
      out.append("    }\n");
    }
    out.append("  }\n}\n");
    return new Recording(out.toString(), inferences, vendor);
  }

  /**
   * The objects with every parent they name (a profile defines parents first; an agent may leave an
   * empty intermediate object out of its answer), in their order.
   */
  private static List<SupportedObjectResult> withParents(List<SupportedObjectResult> objects) {
    java.util.Set<String> known = new java.util.HashSet<>();
    objects.forEach(o -> known.add(o.getSupportedObjPath()));
    List<SupportedObjectResult> out = new ArrayList<>();
    for (SupportedObjectResult o : objects) {
      List<String> missing = new ArrayList<>();
      for (String p = parent(o.getSupportedObjPath()); p != null && known.add(p); p = parent(p)) {
        missing.add(0, p);
      }
      missing.forEach(
          p -> out.add(SupportedObjectResult.newBuilder().setSupportedObjPath(p).build()));
      out.add(o);
    }
    return out;
  }

  /** {@code Device.A.B.{i}.} → {@code Device.A.}; null for {@code Device.}. */
  private static String parent(String path) {
    String p = path.endsWith(".{i}.") ? path.substring(0, path.length() - 4) : path;
    int dot = p.lastIndexOf('.', p.length() - 2);
    return dot < 0 ? null : p.substring(0, dot + 1);
  }

  private void params(
      StringBuilder out,
      String path,
      SupportedObjectResult o,
      List<String> rows,
      RecordedValues now,
      RecordedValues then,
      double seconds,
      String serial,
      List<String> inferences,
      List<String> vendor) {
    if (o.getSupportedParamsCount() == 0) {
      return;
    }
    out.append("      params {\n");
    for (SupportedParamResult p : o.getSupportedParamsList()) {
      String name = p.getParamName();
      if (name.startsWith("X_")) {
        vendor.add(path + name);
      }
      String type = type(p.getValueType());
      StringBuilder spec = new StringBuilder("type = ").append(type);
      Tr181Fact fact = tr181.item(path + name);
      if (p.getAccess() != GetSupportedDMResp.ParamAccessType.PARAM_READ_ONLY) {
        // USP has no write-once access; TR-181 says which writable ones are (Alias)
        boolean once = fact != null && fact.access().equals("writeOnceReadOnly");
        spec.append(once ? ", access = writeOnceReadOnly" : ", access = readWrite");
      }
      if (p.getAccess() == GetSupportedDMResp.ParamAccessType.PARAM_WRITE_ONLY) {
        spec.append(", secured = true");
      }
      if (fact != null && fact.list()) {
        spec.append(", list = true");
      }
      List<String> values = new ArrayList<>();
      for (String row : rows) {
        values.add(now.value(row, name));
      }
      // the first row's value, in both Gets (an object inside a table row has rows too)
      String first = values.isEmpty() ? null : values.get(0);
      String later = then == null || rows.isEmpty() ? null : then.value(rows.get(0), name);
      ValueShapes.Inference shape =
          p.getAccess() == GetSupportedDMResp.ParamAccessType.PARAM_WRITE_ONLY
              ? null
              : ValueShapes.infer(name, type, first, serial, later, seconds);
      if (shape != null) {
        spec.append(", gen ").append(shape.generator());
        inferences.add(path + name + ": " + shape.why());
      } else if (values.stream().distinct().count() > 1) {
        List<String> perInstance = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
          if (values.get(i) != null) {
            perInstance.add(
                ValueShapes.quote(Integer.toString(i + 1))
                    + " = "
                    + ValueShapes.quote(values.get(i)));
          }
        }
        spec.append(", per-instance { ").append(String.join(", ", perInstance)).append(" }");
      } else if (first != null
          && p.getAccess() != GetSupportedDMResp.ParamAccessType.PARAM_WRITE_ONLY) {
        spec.append(", default = ").append(ValueShapes.quote(first));
      }
      out.append("        ").append(name).append(" { ").append(spec).append(" }\n");
    }
    out.append("      }\n");
  }

  private void commands(
      StringBuilder out, String path, List<SupportedCommandResult> commands, List<String> vendor) {
    if (commands.isEmpty()) {
      return;
    }
    out.append("      commands {\n");
    for (SupportedCommandResult c : commands) {
      String name = c.getCommandName();
      String full = path + name;
      if (name.startsWith("X_")) {
        vendor.add(full);
      }
      out.append("        ").append(ValueShapes.quote(name)).append(" {");
      if (c.getCommandType() == GetSupportedDMResp.CmdType.CMD_ASYNC) {
        out.append(" async = true,");
      }
      String behavior = BEHAVIORS.get(full);
      if (behavior != null) {
        out.append(" behavior = ").append(behavior).append(',');
      }
      out.append(" input { ")
          .append(arguments(full + ".in.", c.getInputArgNamesList()))
          .append(" },");
      out.append(" output { ")
          .append(arguments(full + ".out.", c.getOutputArgNamesList()))
          .append(" } }\n");
    }
    out.append("      }\n");
  }

  private String arguments(String factPrefix, List<String> names) {
    List<String> out = new ArrayList<>();
    for (String n : names) {
      Tr181Fact fact = tr181.item(factPrefix + n);
      String type = fact == null || fact.type().equals("-") ? "string" : fact.type();
      out.add(ValueShapes.quote(n) + " { type = " + type + " }");
    }
    return String.join(", ", out);
  }

  private static void events(
      StringBuilder out, String path, List<SupportedEventResult> events, List<String> vendor) {
    if (events.isEmpty()) {
      return;
    }
    out.append("      events {\n");
    for (SupportedEventResult e : events) {
      if (e.getEventName().startsWith("X_")) {
        vendor.add(path + e.getEventName());
      }
      List<String> args = new ArrayList<>();
      e.getArgNamesList().forEach(a -> args.add(ValueShapes.quote(a)));
      out.append("        ")
          .append(ValueShapes.quote(e.getEventName()))
          .append(" { args = [")
          .append(String.join(", ", args))
          .append("] }\n");
    }
    out.append("      }\n");
  }

  private static String type(GetSupportedDMResp.ParamValueType t) {
    return switch (t) {
      case PARAM_BASE_64 -> "base64";
      case PARAM_BOOLEAN -> "boolean";
      case PARAM_DATE_TIME -> "dateTime";
      case PARAM_DECIMAL -> "decimal";
      case PARAM_HEX_BINARY -> "hexBinary";
      case PARAM_INT -> "int";
      case PARAM_LONG -> "long";
      case PARAM_UNSIGNED_INT -> "unsignedInt";
      case PARAM_UNSIGNED_LONG -> "unsignedLong";
      default -> "string";
    };
  }
}
