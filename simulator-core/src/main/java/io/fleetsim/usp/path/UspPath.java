package io.fleetsim.usp.path;

import java.util.List;

/**
 * A parsed USP path (TR-369 section 2.5, TR-369 Path Names): object steps with instance selectors,
 * then a tail that is an object ("partial path", ends in '.'), a parameter, a command or an event.
 */
public record UspPath(String text, List<Segment> segments, Tail tail, String tailName) {

  /** One step of a path between dots. */
  public sealed interface Segment {}

  /** An object or table name. */
  public record Name(String name) implements Segment {}

  /** An instance number (posnum, at least 1). */
  public record Instance(int number) implements Segment {}

  /** {@code *}: every existing instance. */
  public record Wildcard() implements Segment {}

  /** {@code {i}}: any instance, in supported-model paths only (GetSupportedDM). */
  public record AnyInstance() implements Segment {}

  /**
   * {@code [a==1&&b!="x"]}: a search expression, or unique-key addressing when it names a whole
   * key.
   */
  public record Filter(List<Term> terms) implements Segment {}

  /**
   * {@code Param+}, {@code Param#N+} or {@code Param#*+}: follow a reference (item 0 means all).
   */
  public record RefFollow(String param, int item) implements Segment {}

  /** What the path ends in. */
  public enum Tail {
    OBJECT,
    PARAMETER,
    COMMAND,
    EVENT
  }

  /** Comparison operators of search expressions. */
  public enum Op {
    EQ("=="),
    NE("!="),
    CONTAINS("~="),
    LE("<="),
    GE(">="),
    LT("<"),
    GT(">");

    final String symbol;

    Op(String symbol) {
      this.symbol = symbol;
    }
  }

  /**
   * One step of a relative path inside a search term: a name, optionally followed as a reference.
   */
  public record RelStep(String name, int refItem) {
    /** No reference following on this step. */
    public static final int NO_REF = -1;

    public boolean follows() {
      return refItem != NO_REF;
    }
  }

  /** {@code relpath OP value}. */
  public record Term(List<RelStep> relPath, Op op, String value, boolean quoted) {}

  /** True when the path contains a wildcard or a filter, i.e. may match zero or many instances. */
  public boolean hasSelectors() {
    for (Segment s : segments) {
      if (s instanceof Wildcard || s instanceof Filter) {
        return true;
      }
      if (s instanceof RefFollow f && f.item() == 0) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return text;
  }
}
