package io.fleetsim.profiles;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where tests find ../shared/tr-181; a missing folder fails the test rather than skipping it. */
final class SharedModel {
  private SharedModel() {}

  static Path flatTsv() {
    String dir = System.getProperty("fleetsim.shared.dir", "../../shared");
    Path tsv = Path.of(dir, "tr-181", "tr-181-2-19-1-usp-flat.tsv");
    if (!Files.isRegularFile(tsv)) {
      throw new IllegalStateException(
          "TR-181 model not found at "
              + tsv.toAbsolutePath()
              + " (../shared must sit beside the repo)");
    }
    return tsv;
  }
}
