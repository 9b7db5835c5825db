package io.fleetsim.datamodel;

import io.fleetsim.usp.path.UspPath.Op;
import io.fleetsim.usp.path.UspPath.Term;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The typed comparisons of search expressions (TR-369 Path Names, {@code [Param op value]}): which
 * constants a parameter's type can be compared with, how a value compares, and when a set of {@code
 * ==} terms is a unique-key address. Stateless.
 */
final class SearchTerms {
  private SearchTerms() {}

  /** All terms {@code ==} on plain names that together form exactly one unique key of the table. */
  static boolean isUniqueKeyAddress(ObjectNode table, List<Term> terms) {
    Set<String> names = new HashSet<>();
    for (Term t : terms) {
      if (t.op() != Op.EQ || t.relPath().size() != 1 || t.relPath().get(0).follows()) {
        return false;
      }
      names.add(t.relPath().get(0).name());
    }
    for (List<String> key : table.uniqueKeys()) {
      if (names.size() == key.size() && names.containsAll(key)) {
        return true;
      }
    }
    return false;
  }

  /** Why the term's constant cannot be compared with {@code p}, or null when it can. */
  static String problem(ParamNode p, Term t) {
    ParamType type = p.type();
    boolean equality = t.op() == Op.EQ || t.op() == Op.NE;
    if (t.op() == Op.CONTAINS) {
      if (!p.spec().list()) {
        return "~= needs a list parameter, " + p + " is not one";
      }
      return null;
    }
    switch (type) {
      case BOOLEAN -> {
        if (t.quoted() || TypedValues.parseBoolean(t.value()) == null || !equality) {
          return "booleans compare with == or != to true, false, 1 or 0";
        }
      }
      case STRING, HEX_BINARY, BASE64 -> {
        if (!equality) {
          return "strings compare only with == or !=";
        }
        if (!t.quoted() && type == ParamType.STRING) {
          return "string constants are quoted: \"" + t.value() + "\"";
        }
      }
      case DATE_TIME -> {
        Instant when = TypedValues.parseDateTime(t.value());
        if (when == null) {
          return "'" + t.value() + "' is not a dateTime";
        }
        if (!equality && t.value().equals(TypedValues.UNKNOWN_TIME)) {
          return "the unknown time compares only with == or !=";
        }
      }
      default -> {
        if (t.quoted() || !TypedValues.isDecimal(t.value())) {
          return "'" + t.value() + "' is not a number";
        }
      }
    }
    return null;
  }

  static boolean compare(ParamNode p, String actual, Term t) {
    if (t.op() == Op.CONTAINS) {
      for (String item : actual.split(",", -1)) {
        if (item.trim().equals(t.value())) {
          return true;
        }
      }
      return false;
    }
    int c;
    switch (p.type()) {
      case BOOLEAN ->
          c = TypedValues.parseBoolean(t.value()).equals(TypedValues.parseBoolean(actual)) ? 0 : 1;
      case STRING, BASE64 -> c = actual.equals(t.value()) ? 0 : 1;
      case HEX_BINARY -> c = actual.equalsIgnoreCase(t.value()) ? 0 : 1;
      case DATE_TIME -> {
        Instant a = TypedValues.parseDateTime(actual);
        if (a == null) {
          return false;
        }
        c = a.compareTo(TypedValues.parseDateTime(t.value()));
      }
      default -> {
        try {
          c = new BigDecimal(actual.trim()).compareTo(new BigDecimal(t.value()));
        } catch (NumberFormatException e) {
          return false;
        }
      }
    }
    return switch (t.op()) {
      case EQ -> c == 0;
      case NE -> c != 0;
      case LT -> c < 0;
      case GT -> c > 0;
      case LE -> c <= 0;
      case GE -> c >= 0;
      case CONTAINS -> false;
    };
  }
}
