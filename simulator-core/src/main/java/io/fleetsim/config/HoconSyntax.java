package io.fleetsim.config;

import com.typesafe.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * HOCON syntax errors as a user can act on them. The parser reports an object left open at the end
 * of the file as "expecting a close parentheses ')'" on the last line, naming neither the right
 * bracket nor where the open one is; this names the brace and the line of the innermost '{' still
 * open at the end.
 */
public final class HoconSyntax {
  private static final String WRONG = "expecting a close parentheses ')'";

  private HoconSyntax() {}

  /** The message for {@code e}, raised while parsing {@code file}. */
  public static String message(ConfigException e, Path file) {
    String m = e.getMessage();
    if (!m.contains(WRONG)) {
      return m;
    }
    m = m.replace(WRONG, "expecting a close brace '}'");
    int open = unclosedBraceLine(file);
    return open > 0 ? m + " (the '{' on line " + open + " is not closed)" : m;
  }

  /**
   * The line of the '{' left open, or 0. Braces are matched as written, and a '}' that starts a
   * line is taken to close the '{' of a line indented as far: an open brace indented deeper that it
   * skips over is the one left open (files are indented by nesting). Without such a skip, the
   * innermost brace still open at the end.
   */
  static int unclosedBraceLine(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      return 0;
    }
    Deque<int[]> open = new ArrayDeque<>(); // {line, indent of that line}
    int line = 1;
    int indent = 0;
    boolean lineStart = true;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        line++;
        indent = 0;
        lineStart = true;
        continue;
      }
      if (lineStart && (c == ' ' || c == '\t')) {
        indent++;
        continue;
      }
      boolean first = lineStart;
      lineStart = false;
      if (c == '"') {
        i = endOfString(text, i); // braces in quoted keys and values do not count
      } else if (c == '#' || (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '/')) {
        while (i + 1 < text.length() && text.charAt(i + 1) != '\n') {
          i++; // a comment runs to the end of the line
        }
      } else if (c == '{') {
        open.push(new int[] {line, indent});
      } else if (c == '}' && !open.isEmpty()) {
        if (first) {
          if (open.size() > 1 && open.peek()[1] > indent) {
            return open.peek()[0]; // skipped over: this one was never closed
          }
        }
        open.pop();
      }
    }
    return open.isEmpty() ? 0 : open.peek()[0];
  }

  private static int endOfString(String text, int quote) {
    for (int i = quote + 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '"' || c == '\n') {
        return i;
      }
    }
    return text.length();
  }
}
