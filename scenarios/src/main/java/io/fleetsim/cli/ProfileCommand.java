package io.fleetsim.cli;

import io.fleetsim.datamodel.ObjectNode;
import io.fleetsim.datamodel.Schema;
import io.fleetsim.profiles.ProfileStats;
import io.fleetsim.profiles.Tr181Model;
import io.fleetsim.profiles.Tr181Validator;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code fleetsim profile PROFILE}: loads a profile, checks it against TR-181 2.19.1 (the project's
 * facts resource) and prints what it defines. Every TR-181 problem is one line {@code file:line:
 * path: problem} on standard error, and the exit code is then 1.
 */
@Command(
    name = "profile",
    mixinStandardHelpOptions = true,
    subcommands = ProfileRecordCommand.class,
    description = {
      "Loads a profile, checks it against TR-181 2.19.1 (USP) and prints what it defines.",
      "Each nonconformity is printed as file:line: path: problem; the exit code is then 1."
    })
final class ProfileCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Parameters(
      paramLabel = "PROFILE",
      arity = "0..1",
      description = "Built-in profile name or profile file.")
  String profile;

  @Override
  public Integer call() {
    if (profile == null) {
      spec.commandLine().getErr().println("fleetsim: profile takes PROFILE, or record ...");
      return 2;
    }
    Schema s = Fleetsim.loadProfile(profile);
    int commands = 0;
    int events = 0;
    int tables = 0;
    for (ObjectNode o : s.objects()) {
      commands += o.commands().size();
      events += o.events().size();
      tables += o.multiInstance() ? 1 : 0;
    }
    PrintWriter out = spec.commandLine().getOut();
    ProfileStats.Realized realized = ProfileStats.realize(s);
    out.printf(
        "profile %s (%s)%n  objects %d (tables %d), parameters %d, commands %d, events %d%n"
            + "  a fresh agent: %d object instances, %d parameter values in a Get of Device.%n",
        s.name(),
        s.dataModelUri(),
        s.objects().size(),
        tables,
        s.params().size(),
        commands,
        events,
        realized.objectInstances(),
        realized.parameters());
    List<String> problems = Tr181Validator.validate(s, Tr181Model.standard());
    if (problems.isEmpty()) {
      out.println("  conforms to TR-181 2.19.1 (USP)");
    }
    out.flush();
    PrintWriter err = spec.commandLine().getErr();
    problems.forEach(err::println);
    if (!problems.isEmpty()) {
      err.printf("fleetsim: %d TR-181 problem(s) in profile %s%n", problems.size(), profile);
    }
    err.flush();
    return problems.isEmpty() ? 0 : 1;
  }
}
