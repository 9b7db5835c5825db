package io.fleetsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class StopSignalTest {
  @Test
  void theHookSignalsTheStop_andHoldsTheJvmUntilTheCommandIsDone() throws Exception {
    StopSignal signal = new StopSignal(Duration.ofSeconds(30));
    assertThat(signal.await(1)).isFalse();
    Thread hook = signal.hook();
    Runtime.getRuntime().removeShutdownHook(hook); // run it here, as the JVM would on SIGTERM
    hook.start();

    assertThat(signal.await(5_000)).isTrue();
    hook.join(300);
    assertThat(hook.isAlive()).as("the JVM may not exit before the final output").isTrue();

    signal.close();
    hook.join(5_000);
    assertThat(hook.isAlive()).isFalse();
  }

  @Test
  void aCommandThatEndsByItself_leavesNoHookBehind() {
    StopSignal signal = new StopSignal(Duration.ofSeconds(1));
    signal.close();
    assertThat(Runtime.getRuntime().removeShutdownHook(signal.hook())).isFalse();
  }
}
