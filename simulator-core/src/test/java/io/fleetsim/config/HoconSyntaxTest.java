package io.fleetsim.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HoconSyntaxTest {
  @TempDir Path dir;

  @Test
  void anUnclosedBrace_isNamedAsABrace_withTheLineWhereItOpened() throws Exception {
    Path f = dir.resolve("p.conf");
    Files.writeString(
        f,
        "profile {\n  name = \"a { b\" # a brace in a string, { and in a comment\n"
            + "  objects {\n    \"Device.\" {\n      params { A { type = string }\n    }\n  }\n}\n");
    ConfigException e = parse(f);
    assertThat(e.getMessage()).contains("close parentheses ')'"); // what the parser says
    assertThat(HoconSyntax.message(e, f))
        .contains("expecting a close brace '}'")
        .endsWith("(the '{' on line 5 is not closed)")
        .doesNotContain("parentheses");
  }

  @Test
  void otherErrors_areLeftAsTheParserSaysThem() throws Exception {
    Path f = dir.resolve("q.conf");
    Files.writeString(f, "a = [1, 2\n");
    ConfigException e = parse(f);
    assertThat(HoconSyntax.message(e, f)).isEqualTo(e.getMessage());
  }

  private static ConfigException parse(Path f) {
    try {
      ConfigFactory.parseFile(f.toFile()).resolve();
    } catch (ConfigException e) {
      return e;
    }
    throw new AssertionError("no parse error");
  }
}
