package io.fleetsim.fuzz;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * Runs one fuzz test ({@code io.fleetsim.usp.record.RecordFuzzTest#decode}) in this JVM through the
 * JUnit Platform, for {@code bench/fuzz.sh}: a plain process whose libFuzzer status lines reach the
 * log as they are printed and that the script can stop after a given time (Jazzer 0.24 takes a fuzz
 * test's duration from its annotation only).
 */
public final class FuzzMain {
  private FuzzMain() {}

  public static void main(String[] args) throws ClassNotFoundException {
    String[] target = args[0].split("#");
    Class<?> testClass = Class.forName(target[0]);
    java.lang.reflect.Method method =
        java.util.Arrays.stream(testClass.getDeclaredMethods())
            .filter(m -> m.getName().equals(target[1]))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("no fuzz test " + args[0]));
    Launcher launcher = LauncherFactory.create();
    SummaryGeneratingListener summary = new SummaryGeneratingListener();
    launcher.execute(
        LauncherDiscoveryRequestBuilder.request()
            .selectors(selectMethod(testClass, method))
            .configurationParameter("junit.jupiter.execution.timeout.mode", "disabled")
            .build(),
        summary);
    summary.getSummary().printFailuresTo(new java.io.PrintWriter(System.out, true), 20);
    System.exit(summary.getSummary().getTotalFailureCount() == 0 ? 0 : 1);
  }
}
