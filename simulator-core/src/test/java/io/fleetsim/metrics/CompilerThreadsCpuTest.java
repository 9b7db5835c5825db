package io.fleetsim.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/** The JIT's CPU comes from the compiler threads' own times, not the compilers' elapsed time. */
class CompilerThreadsCpuTest {
  @Test
  void aCompilerThreadsStatLine_givesItsUserPlusSystemTicks() {
    String c2 =
        "4242 (C2 CompilerThre) S 4200 4200 17 0 -1 1077936192 0 0 0 0 649 12 0 0 20 0 40 0 300";
    assertThat(CompilerThreadsCpu.compilerTicks(c2)).isEqualTo(661);
    String c1 = "4243 (C1 CompilerThre) R 4200 4200 17 0 -1 1077936192 0 0 0 0 103 0 0 0 20 0";
    assertThat(CompilerThreadsCpu.compilerTicks(c1)).isEqualTo(103);
  }

  @Test
  void otherThreads_andNamesThatOnlyLookLikeOne_areNotCounted() {
    assertThat(CompilerThreadsCpu.compilerTicks("7 (GC Thread#0) S 1 1 1 0 -1 0 0 0 0 0 50 3 0 0"))
        .isEqualTo(-1);
    // a thread may name itself anything, parentheses included: the fields follow the last ')'
    assertThat(CompilerThreadsCpu.compilerTicks("8 (x) (C2 Compiler) S 1 1 1 0 -1 0 0 0 0 0 5 5"))
        .isEqualTo(-1);
    assertThat(CompilerThreadsCpu.compilerTicks("9 (C2 CompilerThre) S 1 2")).isEqualTo(-1);
    assertThat(CompilerThreadsCpu.compilerTicks("no parentheses")).isEqualTo(-1);
  }

  @Test
  void thisJvmsCompilers_usedNoMoreCpuThanTheWholeProcess() {
    long jit = CompilerThreadsCpu.millis();
    long process =
        ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime()
            / 1_000_000;
    // this JVM ran the test framework: its compilers have worked, and on Linux they can be read
    assertThat(jit).isPositive().isLessThanOrEqualTo(process + 10);
  }
}
