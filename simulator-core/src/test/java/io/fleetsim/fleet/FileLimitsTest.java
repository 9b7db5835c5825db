package io.fleetsim.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FileLimitsTest {

  @Test
  void fits_whenSocketsOpenAndReserveStayUnderTheLimit() {
    assertThat(FileLimits.problem(19_000, 100, 20_000)).isNull();
  }

  @Test
  void tooMany_explainsWhatFitsAndWhatToDo() {
    String p = FileLimits.problem(19_000, 1_000, 20_000);
    assertThat(p)
        .contains("needs 19000 sockets")
        .contains("may open 20000 files")
        .contains("1000 are open")
        .contains("at most 18800 more fit")
        .contains("ulimit -n")
        .contains("split the fleet");
  }

  @Test
  void thisProcess_canOpenAFewSockets() {
    assertThat(FileLimits.check(10)).isNull();
    assertThat(FileLimits.check(Long.MAX_VALUE / 2)).contains("this run needs");
  }
}
