package io.fleetsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./fleetsim} launcher rebuilds when a source or pom is newer than the last build, and
 * only then, and starts the JVM with its JIT options before the user's: run in a copy of the
 * repository layout with stand-ins for {@code mvn} and {@code java} on the PATH that record each
 * call.
 */
class LauncherTest {
  @TempDir Path root;
  private Path calls;
  private Path classpath;
  private Path source;
  private final Map<String, String> env = new HashMap<>();

  @BeforeEach
  void layout() throws IOException {
    Files.copy(Path.of("..", "fleetsim"), root.resolve("fleetsim"));
    calls = root.resolve("calls.log");
    Path bin = Files.createDirectories(root.resolve("bin"));
    stub(bin.resolve("mvn"), "echo mvn >> " + calls);
    stub(bin.resolve("java"), "echo java \"$@\" >> " + calls);
    source = root.resolve("simulator-core/src/main/java/io/fleetsim/Some.java");
    Files.createDirectories(source.getParent());
    Files.writeString(source, "class Some {}");
    Files.writeString(root.resolve("pom.xml"), "<project/>");
    classpath = root.resolve("scenarios/target/launcher.classpath");
    Files.createDirectories(classpath.getParent());
  }

  private static final String JIT =
      "-XX:Tier4InvocationThreshold=50000 -XX:Tier4MinInvocationThreshold=6000"
          + " -XX:Tier4CompileThreshold=150000 -XX:Tier4BackEdgeThreshold=400000";

  @Test
  void noBuildYet_builds_thenRuns() throws Exception {
    assertThat(launch())
        .containsExactly("mvn", "java " + JIT + " -cp " + cp() + " io.fleetsim.cli.Fleetsim x");
  }

  @Test
  void buildNewerThanEverySource_runsWithoutBuilding() throws Exception {
    built();
    assertThat(launch())
        .containsExactly("java " + JIT + " -cp " + cp() + " io.fleetsim.cli.Fleetsim x");
  }

  @Test
  void theUsersJavaOptions_comeAfterTheJitOnes_soTheyWin() throws Exception {
    built();
    env.put("FLEETSIM_JAVA_OPTS", "-Xmx8g -XX:Tier4InvocationThreshold=5000");
    assertThat(launch())
        .containsExactly(
            "java "
                + JIT
                + " -Xmx8g -XX:Tier4InvocationThreshold=5000 -cp "
                + cp()
                + " io.fleetsim.cli.Fleetsim x");
  }

  @Test
  void emptyJitOptions_giveTheJdksOwnCompiler() throws Exception {
    built();
    env.put("FLEETSIM_JIT_OPTS", "");
    assertThat(launch()).containsExactly("java -cp " + cp() + " io.fleetsim.cli.Fleetsim x");
  }

  private void built() throws IOException {
    Files.writeString(classpath, "");
    age(source, 60);
    age(root.resolve("pom.xml"), 60);
  }

  @Test
  void aSourceOrPomNewerThanTheBuild_rebuilds_once() throws Exception {
    Files.writeString(classpath, "");
    age(classpath, 60);
    age(root.resolve("pom.xml"), 120);
    assertThat(launch()).first().isEqualTo("mvn");
    Files.delete(calls);
    assertThat(launch()).hasSize(1).first().asString().startsWith("java");
    Files.delete(calls);
    age(classpath, 60);
    Files.writeString(root.resolve("pom.xml"), "<project><!-- pulled --></project>");
    assertThat(launch()).first().isEqualTo("mvn");
  }

  private String cp() {
    return root.resolve("scenarios/target/classes") + ":";
  }

  private List<String> launch() throws Exception {
    ProcessBuilder pb = new ProcessBuilder("bash", root.resolve("fleetsim").toString(), "x");
    pb.environment().put("PATH", root.resolve("bin") + ":/usr/bin:/bin");
    pb.environment().remove("FLEETSIM_REBUILD");
    pb.environment().remove("FLEETSIM_JAVA_OPTS");
    pb.environment().remove("FLEETSIM_JIT_OPTS");
    pb.environment().putAll(env);
    pb.redirectErrorStream(true).redirectOutput(root.resolve("out.log").toFile());
    Process p = pb.start();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(Files.readString(root.resolve("out.log"))).isZero();
    return Files.readAllLines(calls).stream().map(String::strip).toList();
  }

  private static void stub(Path file, String body) throws IOException {
    Files.writeString(file, "#!/usr/bin/env bash\n" + body + "\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private static void age(Path file, int seconds) throws IOException {
    Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(seconds)));
  }
}
