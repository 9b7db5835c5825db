package io.fleetsim.cli;

import io.fleetsim.scenario.Scenario;
import io.fleetsim.scenario.ScenarioException;
import io.fleetsim.scenario.ScenarioLoader;
import io.fleetsim.scenario.ScenarioRunner;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code fleetsim validate SCENARIO}: checks a scenario without running it. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description =
        "Checks a scenario and prints what it would run; exit 2 with file:line: key when invalid.")
final class ValidateCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", description = "The scenario file (HOCON).")
  Path scenario;

  @Override
  public Integer call() {
    Scenario s;
    try {
      s = ScenarioLoader.load(scenario, Map.of());
      ScenarioLoader.profiles(s); // a profile that cannot compile fails here, not at run time
      ScenarioRunner.checkResources(s); // and a fleet this process cannot hold
    } catch (ScenarioException e) {
      spec.commandLine().getErr().println("fleetsim: " + e.getMessage());
      return 2;
    }
    spec.commandLine()
        .getOut()
        .printf(
            "%s: valid. %s: %d agents (%s), target %s, %s, %d phases over %s, %d incidents, %d"
                + " assertions, output %s%n",
            scenario,
            s.name(),
            s.agents(),
            s.mix().entries().stream()
                .map(e -> e.profile() + " " + (int) e.share() + "%")
                .reduce((a, b) -> a + ", " + b)
                .orElse(""),
            s.target().kind(),
            s.duration(),
            s.plan().steps().size(),
            s.plan().duration(),
            s.incidents().size(),
            s.assertions().size(),
            s.output());
    for (Scenario.Incident i : s.incidents()) {
      spec.commandLine()
          .getOut()
          .printf(
              "  incident at %s: %s (%s)%n",
              i.at(),
              i.getClass().getSimpleName(),
              i.fleetSide() ? "fleet side: any target" : "needs the embedded controller");
    }
    return 0;
  }
}
