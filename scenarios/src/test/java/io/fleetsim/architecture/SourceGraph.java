package io.fleetsim.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The package dependency graph of Java source trees, read as text: every reference to another
 * package counts, whether an import or a fully qualified name in the code ({@code
 * io.fleetsim.profiles.FleetMix.Entry}), with comments and string literals left out. Packages of
 * fleetsim are named without {@code io.fleetsim.}; the third-party ones the layers restrict are
 * {@code pekko} and {@code netty}.
 */
final class SourceGraph {
  private static final Pattern BLOCK_COMMENT = Pattern.compile("/\\*.*?\\*/", Pattern.DOTALL);
  private static final Pattern LINE_COMMENT = Pattern.compile("//[^\\n]*");
  private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\\\n]|\\\\.)*\"");
  private static final Pattern PACKAGE = Pattern.compile("^package io\\.fleetsim\\.([\\w.]+);");
  private static final Pattern REFERENCE =
      Pattern.compile(
          "\\b(?:io\\.fleetsim\\.((?:[a-z]\\w*\\.)*[a-z]\\w*)|org\\.apache\\.pekko|io\\.netty)\\b");

  private SourceGraph() {}

  /** Package → the packages it references, for every source file under {@code roots}. */
  static Map<String, Set<String>> scan(List<Path> roots) {
    Map<String, String> sources = new TreeMap<>(); // file → its package
    Map<Path, String> text = new TreeMap<>();
    for (Path root : roots) {
      try (Stream<Path> files = Files.walk(root)) {
        for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
          String code = strip(Files.readString(f));
          Matcher m = PACKAGE.matcher(code.stripLeading());
          if (m.find()) {
            sources.put(f.toString(), m.group(1));
            text.put(f, code);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + root, e);
      }
    }
    Set<String> known = new TreeSet<>(sources.values());
    Map<String, Set<String>> graph = new TreeMap<>();
    known.forEach(p -> graph.put(p, new TreeSet<>()));
    text.forEach(
        (file, code) -> {
          String from = sources.get(file.toString());
          Matcher m = REFERENCE.matcher(code.substring(code.indexOf(';') + 1));
          while (m.find()) {
            String to = m.group(1) == null ? thirdParty(m.group()) : owner(m.group(1), known);
            if (to != null && !to.equals(from)) {
              graph.get(from).add(to);
            }
          }
        });
    return graph;
  }

  /** The longest known package that {@code name} (a package, or a class within one) is in. */
  private static String owner(String name, Set<String> known) {
    for (String candidate = name; ; ) {
      if (known.contains(candidate)) {
        return candidate;
      }
      int dot = candidate.lastIndexOf('.');
      if (dot < 0) {
        return null; // generated code (usp.proto) or a class of no source package
      }
      candidate = candidate.substring(0, dot);
    }
  }

  private static String thirdParty(String reference) {
    return reference.startsWith("io.netty") ? "netty" : "pekko";
  }

  private static String strip(String code) {
    code = BLOCK_COMMENT.matcher(code).replaceAll(" ");
    code = LINE_COMMENT.matcher(code).replaceAll("");
    return STRING.matcher(code).replaceAll("\"\"");
  }
}
