package io.fleetsim.usp.path;

import io.fleetsim.usp.path.UspPath.Filter;
import io.fleetsim.usp.path.UspPath.Op;
import io.fleetsim.usp.path.UspPath.RelStep;
import io.fleetsim.usp.path.UspPath.Segment;
import io.fleetsim.usp.path.UspPath.Tail;
import io.fleetsim.usp.path.UspPath.Term;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses USP paths by the grammar of TR-369 Path Names: instance numbers, {@code *}, search
 * expressions, unique-key addressing, reference following ({@code +}, {@code #N+}, {@code #*+}),
 * commands ({@code ()}), events ({@code !}) and, for supported-model paths only, {@code {i}}.
 * Stateless; a syntax error is a {@link PathSyntaxException} that callers map to 7008.
 */
public final class PathParser {

  private PathParser() {}

  /**
   * Parses an instantiated-model path (Get, Set, Add, Delete, Operate, GetInstances,
   * subscriptions).
   */
  public static UspPath parse(String path) throws PathSyntaxException {
    return new Scanner(path, false).path();
  }

  /** Parses a path that may also use {@code {i}} (GetSupportedDM). */
  public static UspPath parseSupported(String path) throws PathSyntaxException {
    return new Scanner(path, true).path();
  }

  private static final class Scanner {
    private final String s;
    private final boolean allowAnyInstance;
    private int pos;

    Scanner(String s, boolean allowAnyInstance) {
      this.s = s;
      this.allowAnyInstance = allowAnyInstance;
    }

    UspPath path() throws PathSyntaxException {
      if (s.isEmpty()) {
        throw fail("empty path");
      }
      List<Segment> segments = new ArrayList<>();
      while (true) {
        if (pos == s.length()) {
          if (segments.isEmpty()) {
            throw fail("empty path");
          }
          return new UspPath(s, List.copyOf(segments), Tail.OBJECT, "");
        }
        char c = s.charAt(pos);
        if (c == '[') {
          requireAfterName(segments, "search expression");
          segments.add(new Filter(expression()));
          expectDot();
        } else if (c == '*') {
          requireAfterName(segments, "wildcard");
          pos++;
          segments.add(new UspPath.Wildcard());
          expectDot();
        } else if (c >= '1' && c <= '9') {
          requireAfterName(segments, "instance number");
          segments.add(new UspPath.Instance(posnum()));
          expectDot();
        } else if (c == '{') {
          if (!allowAnyInstance || !s.startsWith("{i}", pos)) {
            throw fail("'{' is only allowed as {i} in supported paths");
          }
          requireAfterName(segments, "{i}");
          pos += 3;
          segments.add(new UspPath.AnyInstance());
          expectDot();
        } else {
          String name = name();
          if (pos == s.length()) {
            return tail(segments, Tail.PARAMETER, name);
          }
          char next = s.charAt(pos);
          if (next == '.') {
            pos++;
            segments.add(new UspPath.Name(name));
          } else if (next == '+' || next == '#') {
            segments.add(new UspPath.RefFollow(name, refItem()));
            expectDot();
            if (pos == s.length()) {
              throw fail("a reference must be followed by a name");
            }
          } else if (s.startsWith("()", pos) && pos + 2 == s.length()) {
            pos += 2;
            return tail(segments, Tail.COMMAND, name + "()");
          } else if (next == '!' && pos + 1 == s.length()) {
            pos++;
            return tail(segments, Tail.EVENT, name + "!");
          } else {
            throw fail("unexpected '" + next + "'");
          }
        }
      }
    }

    private UspPath tail(List<Segment> segments, Tail tail, String name)
        throws PathSyntaxException {
      if (segments.isEmpty()) {
        throw fail("a " + tail.name().toLowerCase() + " needs an object path before it");
      }
      return new UspPath(s, List.copyOf(segments), tail, name);
    }

    private void requireAfterName(List<Segment> segments, String what) throws PathSyntaxException {
      if (segments.isEmpty() || !(segments.get(segments.size() - 1) instanceof UspPath.Name)) {
        throw fail(what + " must follow a table name");
      }
    }

    private void expectDot() throws PathSyntaxException {
      if (pos >= s.length() || s.charAt(pos) != '.') {
        throw fail("expected '.' at " + pos);
      }
      pos++;
    }

    private String name() throws PathSyntaxException {
      int start = pos;
      if (pos >= s.length() || !nameStart(s.charAt(pos))) {
        throw fail("expected a name at " + pos);
      }
      pos++;
      while (pos < s.length() && namePart(s.charAt(pos))) {
        pos++;
      }
      return s.substring(start, pos);
    }

    private int posnum() throws PathSyntaxException {
      int start = pos;
      while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
        pos++;
      }
      try {
        return Integer.parseInt(s.substring(start, pos));
      } catch (NumberFormatException e) {
        throw fail("instance number out of range");
      }
    }

    /** After a name: {@code +} (item 1), {@code #N+} or {@code #*+} (0 = all items). */
    private int refItem() throws PathSyntaxException {
      int item = 1;
      if (s.charAt(pos) == '#') {
        pos++;
        if (pos < s.length() && s.charAt(pos) == '*') {
          pos++;
          item = 0;
        } else if (pos < s.length() && s.charAt(pos) >= '1' && s.charAt(pos) <= '9') {
          item = posnum();
        } else {
          throw fail("expected N or * after #");
        }
      }
      if (pos >= s.length() || s.charAt(pos) != '+') {
        throw fail("expected '+'");
      }
      pos++;
      return item;
    }

    /** {@code [comp&&comp...]}; strings are quoted and may contain any character but '"'. */
    private List<Term> expression() throws PathSyntaxException {
      int close = closingBracket();
      String body = s.substring(pos + 1, close);
      pos = close + 1;
      if (body.isBlank()) {
        throw fail("empty search expression");
      }
      List<Term> terms = new ArrayList<>();
      for (String comp : splitAnd(body)) {
        terms.add(term(comp));
      }
      return List.copyOf(terms);
    }

    private int closingBracket() throws PathSyntaxException {
      boolean quoted = false;
      for (int i = pos + 1; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c == '"') {
          quoted = !quoted;
        } else if (!quoted && c == '[') {
          throw fail("nested '['");
        } else if (!quoted && c == ']') {
          return i;
        }
      }
      throw fail("unterminated search expression");
    }

    private List<String> splitAnd(String body) throws PathSyntaxException {
      List<String> parts = new ArrayList<>();
      boolean quoted = false;
      int start = 0;
      for (int i = 0; i < body.length(); i++) {
        char c = body.charAt(i);
        if (c == '"') {
          quoted = !quoted;
        } else if (!quoted && c == '|') {
          throw fail("there is no OR in search expressions");
        } else if (!quoted && c == '&') {
          if (i + 1 >= body.length() || body.charAt(i + 1) != '&') {
            throw fail("single '&'");
          }
          parts.add(body.substring(start, i));
          start = i + 2;
          i++;
        }
      }
      parts.add(body.substring(start));
      return parts;
    }

    private Term term(String comp) throws PathSyntaxException {
      int opAt = -1;
      Op op = null;
      boolean quoted = false;
      for (int i = 0; i < comp.length() && op == null; i++) {
        char c = comp.charAt(i);
        if (c == '"') {
          quoted = !quoted;
          continue;
        }
        if (quoted) {
          continue;
        }
        for (Op candidate : Op.values()) {
          if (comp.startsWith(candidate.symbol, i)) {
            op = candidate;
            opAt = i;
            break;
          }
        }
      }
      if (op == null) {
        throw fail("no operator in '" + comp + "'");
      }
      List<RelStep> rel = relPath(comp.substring(0, opAt).trim());
      String raw = comp.substring(opAt + op.symbol.length()).trim();
      if (raw.isEmpty()) {
        throw fail("no value in '" + comp + "'");
      }
      if (raw.charAt(0) == '"') {
        if (raw.length() < 2 || raw.charAt(raw.length() - 1) != '"') {
          throw fail("unterminated string in '" + comp + "'");
        }
        String literal = raw.substring(1, raw.length() - 1);
        if (literal.indexOf('"') >= 0) {
          throw fail("'\"' inside a string must be written %22");
        }
        return new Term(rel, op, percentDecode(literal), true);
      }
      for (int i = 0; i < raw.length(); i++) {
        char c = raw.charAt(i);
        if (Character.isWhitespace(c) || c == '"' || c == '[' || c == ']') {
          throw fail("bad constant '" + raw + "'");
        }
      }
      return new Term(rel, op, raw, false);
    }

    /** {@code name ( reffollow? '.' name )*}; never a table step, checked at resolution. */
    private List<RelStep> relPath(String rel) throws PathSyntaxException {
      if (rel.isEmpty()) {
        throw fail("empty relative path in search expression");
      }
      List<RelStep> steps = new ArrayList<>();
      Scanner inner = new Scanner(rel, false);
      while (true) {
        String name = inner.name();
        int item = RelStep.NO_REF;
        if (inner.pos < rel.length()
            && (rel.charAt(inner.pos) == '+' || rel.charAt(inner.pos) == '#')) {
          item = inner.refItem();
        }
        steps.add(new RelStep(name, item));
        if (inner.pos == rel.length()) {
          if (item != RelStep.NO_REF) {
            throw fail("relative path ends in a reference");
          }
          return List.copyOf(steps);
        }
        if (rel.charAt(inner.pos) != '.') {
          throw fail("unexpected '" + rel.charAt(inner.pos) + "' in '" + rel + "'");
        }
        inner.pos++;
        if (inner.pos == rel.length()) {
          throw fail("relative path ends in '.'");
        }
      }
    }

    private static String percentDecode(String literal) {
      if (literal.indexOf('%') < 0) {
        return literal;
      }
      StringBuilder out = new StringBuilder(literal.length());
      for (int i = 0; i < literal.length(); i++) {
        char c = literal.charAt(i);
        if (c == '%' && i + 2 < literal.length()) {
          int hi = Character.digit(literal.charAt(i + 1), 16);
          int lo = Character.digit(literal.charAt(i + 2), 16);
          if (hi >= 0 && lo >= 0) {
            out.append((char) (hi * 16 + lo));
            i += 2;
            continue;
          }
        }
        out.append(c);
      }
      return out.toString();
    }

    private static boolean nameStart(char c) {
      return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
    }

    /** TR-106 names also allow '-' inside vendor prefixes (X_EXAMPLE-COM_Name). */
    private static boolean namePart(char c) {
      return nameStart(c) || (c >= '0' && c <= '9') || c == '-';
    }

    private PathSyntaxException fail(String why) {
      return new PathSyntaxException(s, why);
    }
  }
}
