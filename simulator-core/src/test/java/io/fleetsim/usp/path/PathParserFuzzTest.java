package io.fleetsim.usp.path;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;

/**
 * The path and search-expression parser on any text (paths come from every request): a parsed path
 * or a {@link PathSyntaxException}, nothing else (no other exception, no hang).
 */
class PathParserFuzzTest {
  @FuzzTest(maxDuration = "2h") // bench/fuzz.sh sets the time; CI only replays the inputs
  void parse(@NotNull String path) { // paths come from protobuf strings: never null
    try {
      PathParser.parse(path);
    } catch (PathSyntaxException expected) {
      // bad input is answered with a USP Error by the handlers
    }
    try {
      PathParser.parseSupported(path);
    } catch (PathSyntaxException expected) {
      // as above
    }
  }
}
