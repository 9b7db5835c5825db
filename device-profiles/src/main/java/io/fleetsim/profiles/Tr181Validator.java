package io.fleetsim.profiles;

import io.fleetsim.datamodel.ArgNode;
import io.fleetsim.datamodel.CommandNode;
import io.fleetsim.datamodel.EventNode;
import io.fleetsim.datamodel.ObjectNode;
import io.fleetsim.datamodel.ParamNode;
import io.fleetsim.datamodel.Schema;
import io.fleetsim.profiles.tr181.Tr181Fact;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a compiled profile against the official TR-181 model: every object, parameter, command,
 * event and argument must exist, with the same type, list-ness and access, and must not be
 * obsoleted. Each problem names the profile file and line, and the path.
 */
public final class Tr181Validator {
  private Tr181Validator() {}

  /** Every problem found, as {@code file:line: path: problem}; empty when the profile conforms. */
  public static List<String> validate(Schema schema, Tr181Model model) {
    List<String> problems = new ArrayList<>();
    for (ObjectNode o : schema.objects()) {
      Tr181Fact item = model.item(o.supportedPath());
      if (item == null || item.kind() != 'O') {
        problems.add(o.origin() + ": " + o.supportedPath() + ": not an object of TR-181");
        continue;
      }
      boolean tableWritable = "readWrite".equals(item.access());
      if (o.multiInstance() && o.writable() != tableWritable) {
        problems.add(
            o.origin()
                + ": "
                + o.supportedPath()
                + ": access is "
                + (o.writable() ? "readWrite" : "readOnly")
                + ", TR-181 says "
                + item.access());
      }
      checkStatus(o.origin(), o.supportedPath(), item, problems);
      for (ParamNode p : o.params().values()) {
        param(p, model, problems);
      }
      for (CommandNode c : o.commands().values()) {
        command(c, model, problems);
      }
      for (EventNode e : o.events().values()) {
        event(e, model, problems);
      }
    }
    return problems;
  }

  private static void param(ParamNode p, Tr181Model model, List<String> problems) {
    String path = p.supportedPath();
    Tr181Fact item = model.item(path);
    if (item == null || item.kind() != 'P') {
      problems.add(p.origin() + ": " + path + ": not a parameter of TR-181");
      return;
    }
    if (!item.type().equals(p.type().xmlName())) {
      problems.add(
          p.origin()
              + ": "
              + path
              + ": type is "
              + p.type().xmlName()
              + ", TR-181 says "
              + item.type());
    }
    if (item.list() != p.spec().list()) {
      problems.add(
          p.origin()
              + ": "
              + path
              + ": "
              + (item.list() ? "TR-181 says it is a list" : "not a list in TR-181"));
    }
    if (!item.access().equals(p.access().xmlName())) {
      problems.add(
          p.origin()
              + ": "
              + path
              + ": access is "
              + p.access().xmlName()
              + ", TR-181 says "
              + item.access());
    }
    checkStatus(p.origin(), path, item, problems);
  }

  private static void command(CommandNode c, Tr181Model model, List<String> problems) {
    String path = c.supportedPath();
    Tr181Fact item = model.item(path);
    if (item == null || item.kind() != 'C') {
      problems.add(c.origin() + ": " + path + ": not a command of TR-181");
      return;
    }
    if (("async".equals(item.access())) != c.async()) {
      problems.add(
          c.origin()
              + ": "
              + path
              + ": is "
              + (c.async() ? "async" : "sync")
              + ", TR-181 says "
              + item.access());
    }
    args(c.origin(), path + ".in.", c.inputs(), model, problems);
    args(c.origin(), path + ".out.", c.outputs(), model, problems);
  }

  private static void args(
      String origin, String prefix, List<ArgNode> args, Tr181Model model, List<String> problems) {
    for (ArgNode a : args) {
      Tr181Fact item = model.item(prefix + a.name());
      if (item == null || item.kind() != 'A') {
        problems.add(a.origin() + ": " + prefix + a.name() + ": not an argument of TR-181");
      } else if (!item.type().equals(a.spec().type().xmlName())) {
        problems.add(
            a.origin()
                + ": "
                + prefix
                + a.name()
                + ": type is "
                + a.spec().type().xmlName()
                + ", TR-181 says "
                + item.type());
      }
    }
  }

  private static void event(EventNode e, Tr181Model model, List<String> problems) {
    String path = e.supportedPath();
    Tr181Fact item = model.item(path);
    if (item == null || item.kind() != 'E') {
      problems.add(e.origin() + ": " + path + ": not an event of TR-181");
      return;
    }
    for (String arg : e.args()) {
      Tr181Fact a = model.item(path + "." + arg);
      if (a == null || a.kind() != 'A') {
        problems.add(e.origin() + ": " + path + "." + arg + ": not an argument of TR-181");
      }
    }
  }

  private static void checkStatus(
      String origin, String path, Tr181Fact item, List<String> problems) {
    if ("obsoleted".equals(item.status()) || "deleted".equals(item.status())) {
      problems.add(origin + ": " + path + ": " + item.status() + " in TR-181 2.19");
    }
  }
}
