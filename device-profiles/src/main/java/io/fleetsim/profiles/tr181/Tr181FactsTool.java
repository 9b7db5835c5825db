package io.fleetsim.profiles.tr181;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the project's TR-181 facts resource from the Broadband Forum XML. Run from the repository
 * root after {@code mvn -q -pl device-profiles -am -DskipTests package} (see docs/PROFILES.md):
 *
 * <pre>
 * java -cp device-profiles/target/classes io.fleetsim.profiles.tr181.Tr181FactsTool \
 *   XML-FOLDER tr-181-2-19-1-usp.xml Device:2.19 \
 *   device-profiles/src/main/resources/tr181/tr-181-2-19-1-usp.facts.tsv
 * </pre>
 *
 * The XML folder is only its input; nothing reads it at build, test or run time.
 */
public final class Tr181FactsTool {
  private Tr181FactsTool() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 4) {
      System.err.println("usage: Tr181FactsTool XML-FOLDER ENTRY-FILE MODEL-NAME OUTPUT");
      System.exit(2);
    }
    List<Tr181Fact> facts = ModelFlattener.flatten(Path.of(args[0]), args[1], args[2]);
    Files.write(Path.of(args[3]), lines(args[1], args[2], facts), StandardCharsets.UTF_8);
    System.out.println(summary(facts) + " -> " + args[3]);
  }

  static List<String> lines(String entryFile, String model, List<Tr181Fact> facts) {
    List<String> lines = new ArrayList<>(facts.size() + 4);
    lines.add("# TR-181 " + model + " facts, flattened from " + entryFile + " by Tr181FactsTool");
    lines.add("# (generated: do not edit; docs/PROFILES.md has the command). " + summary(facts));
    lines.add("# " + Tr181Fact.COLUMNS);
    facts.forEach(f -> lines.add(f.line()));
    return lines;
  }

  static String summary(List<Tr181Fact> facts) {
    int[] n = new int[5];
    for (Tr181Fact f : facts) {
      n["OPCEA".indexOf(f.kind())]++;
    }
    return n[0]
        + " objects, "
        + n[1]
        + " parameters, "
        + n[2]
        + " commands, "
        + n[3]
        + " events, "
        + n[4]
        + " arguments";
  }
}
