package io.fleetsim.datamodel;

import io.fleetsim.usp.message.UspErrorCode;
import io.fleetsim.usp.path.PathParser;
import io.fleetsim.usp.path.PathSyntaxException;
import io.fleetsim.usp.path.UspPath;
import io.fleetsim.usp.path.UspPath.RelStep;
import io.fleetsim.usp.path.UspPath.Tail;
import io.fleetsim.usp.path.UspPath.Term;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Resolves parsed USP paths against one agent's instantiated data model (TR-369 section 2.5, TR-369
 * Path Names): instance numbers, wildcards, search expressions with typed comparison, unique-key
 * addressing and reference following. Stateless.
 */
public final class PathResolver {

  private PathResolver() {}

  /** Parses and resolves; a syntax error is 7008. */
  public static Resolution resolve(String path, ResolveOperation op, AgentDataModel dm) {
    try {
      return resolve(PathParser.parse(path), op, dm);
    } catch (PathSyntaxException e) {
      return new Resolution.Failed(UspErrorCode.INVALID_PATH_SYNTAX, e.getMessage());
    }
  }

  /** Resolves a parsed path for {@code op}. */
  public static Resolution resolve(UspPath path, ResolveOperation op, AgentDataModel dm) {
    try {
      return new Walk(path, op, dm).run();
    } catch (ResolveException e) {
      return new Resolution.Failed(e.code, e.getMessage());
    }
  }

  private static final class ResolveException extends Exception {
    private static final long serialVersionUID = 1L;
    final UspErrorCode code;

    ResolveException(UspErrorCode code, String message) {
      super(message, null, false, false);
      this.code = code;
    }
  }

  private static final class Walk {
    private final UspPath path;
    private final ResolveOperation op;
    private final AgentDataModel dm;
    private boolean search;
    private boolean missing;

    Walk(UspPath path, ResolveOperation op, AgentDataModel dm) {
      this.path = path;
      this.op = op;
      this.dm = dm;
    }

    Resolution run() throws ResolveException {
      List<UspPath.Segment> segs = path.segments();
      ObjectNode root = dm.schema().root();
      if (!(segs.get(0) instanceof UspPath.Name n) || !n.name().equals(root.name())) {
        throw invalid("paths start with " + root.supportedPath());
      }
      ObjectNode node = root;
      boolean atTable = false;
      List<Resolution.ObjRef> refs = new ArrayList<>();
      refs.add(new Resolution.ObjRef(root, new int[0]));
      for (int i = 1; i < segs.size(); i++) {
        UspPath.Segment seg = segs.get(i);
        if (seg instanceof UspPath.Name name) {
          if (atTable) {
            throw invalid("'" + name.name() + "' follows table " + node.supportedPath());
          }
          ObjectNode child = node.child(name.name());
          if (child == null) {
            throw invalid("no object '" + name.name() + "' in " + node.supportedPath());
          }
          node = child;
          atTable = child.multiInstance();
          int before = refs.size();
          refs = moveTo(refs, child);
          missing |= refs.size() < before;
        } else if (seg instanceof UspPath.RefFollow follow) {
          if (atTable) {
            throw invalid("reference after a table name");
          }
          ParamNode p = node.param(follow.param());
          if (p == null) {
            throw invalid("no parameter '" + follow.param() + "' in " + node.supportedPath());
          }
          if (follow.item() == 0) {
            search = true;
          }
          refs = follow(refs, p, follow.item());
          if (refs.isEmpty()) {
            return new Resolution.Ok(List.of(), false, search, element(null, false));
          }
          node = refs.get(0).node();
          ObjectNode target = node;
          refs.removeIf(r -> r.node() != target);
        } else {
          if (!atTable) {
            throw invalid("instance selector on " + node.supportedPath() + ", not a table");
          }
          refs = select(refs, node, seg);
          atTable = false;
        }
      }
      Object element = element(node, atTable);
      if (missing && !search) {
        UspErrorCode code = op.missingInstance();
        if (code != null) {
          throw new ResolveException(code, "no instance " + path.text());
        }
      }
      return new Resolution.Ok(refs, atTable, search, element);
    }

    private Object element(ObjectNode node, boolean atTable) throws ResolveException {
      if (path.tail() == Tail.OBJECT || node == null) {
        return null;
      }
      if (atTable) {
        throw invalid(path.tailName() + " follows a table name");
      }
      Object element =
          switch (path.tail()) {
            case PARAMETER -> node.param(path.tailName());
            case COMMAND -> node.commands().get(path.tailName());
            case EVENT -> node.events().get(path.tailName());
            case OBJECT -> null;
          };
      if (element == null) {
        throw invalid("no '" + path.tailName() + "' in " + node.supportedPath());
      }
      return element;
    }

    /** Steps into a child object; optional single objects absent under an instance drop out. */
    private static List<Resolution.ObjRef> moveTo(List<Resolution.ObjRef> refs, ObjectNode child) {
      List<Resolution.ObjRef> out = new ArrayList<>(refs.size());
      for (Resolution.ObjRef r : refs) {
        if (child.multiInstance() || child.presentFor(r.instances())) {
          out.add(new Resolution.ObjRef(child, r.instances()));
        }
      }
      return out;
    }

    private List<Resolution.ObjRef> select(
        List<Resolution.ObjRef> refs, ObjectNode table, UspPath.Segment seg)
        throws ResolveException {
      List<Resolution.ObjRef> out = new ArrayList<>();
      boolean keyed = false;
      if (seg instanceof UspPath.Wildcard) {
        search = true;
      } else if (seg instanceof UspPath.Filter f) {
        validate(table, f.terms());
        keyed = SearchTerms.isUniqueKeyAddress(table, f.terms());
        search |= !keyed;
      }
      for (Resolution.ObjRef r : refs) {
        int[] parent = r.instances();
        int[] present = dm.instances(table, parent);
        if (seg instanceof UspPath.Instance inst) {
          if (Arrays.binarySearch(present, inst.number()) >= 0) {
            out.add(new Resolution.ObjRef(table, append(parent, inst.number())));
          } else {
            missing = true;
          }
          continue;
        }
        int before = out.size();
        for (int number : present) {
          int[] instances = append(parent, number);
          if (seg instanceof UspPath.Wildcard
              || matches(table, instances, ((UspPath.Filter) seg).terms())) {
            out.add(new Resolution.ObjRef(table, instances));
          }
        }
        if (keyed && out.size() == before) {
          missing = true;
        }
      }
      return out;
    }

    /** Checks every term against the schema once, so errors do not depend on instance counts. */
    private void validate(ObjectNode table, List<Term> terms) throws ResolveException {
      for (Term t : terms) {
        ObjectNode n = table;
        List<RelStep> rel = t.relPath();
        for (int i = 0; i < rel.size() - 1; i++) {
          RelStep step = rel.get(i);
          if (step.refItem() != RelStep.NO_REF) {
            if (n.param(step.name()) == null) {
              throw invalid("no parameter '" + step.name() + "' in " + n.supportedPath());
            }
            return; // the target type is only known per instance; checked while matching
          }
          ObjectNode child = n.child(step.name());
          if (child == null) {
            throw invalid("no object '" + step.name() + "' in " + n.supportedPath());
          }
          if (child.multiInstance()) {
            throw syntax("search terms may not cross into the table " + child.supportedPath());
          }
          n = child;
        }
        ParamNode p = n.param(rel.get(rel.size() - 1).name());
        if (p == null) {
          throw invalid("no parameter '" + rel.get(rel.size() - 1).name() + "' in " + n);
        }
        String problem = SearchTerms.problem(p, t);
        if (problem != null) {
          throw syntax(problem);
        }
      }
    }

    private boolean matches(ObjectNode table, int[] instances, List<Term> terms) {
      for (Term t : terms) {
        if (!matches(table, instances, t)) {
          return false;
        }
      }
      return true;
    }

    private boolean matches(ObjectNode table, int[] instances, Term t) {
      ObjectNode n = table;
      int[] inst = instances;
      List<RelStep> rel = t.relPath();
      for (int i = 0; i < rel.size() - 1; i++) {
        RelStep step = rel.get(i);
        if (step.refItem() != RelStep.NO_REF) {
          List<Resolution.ObjRef> targets =
              follow(List.of(new Resolution.ObjRef(n, inst)), n.param(step.name()), step.refItem());
          if (targets.isEmpty()) {
            return false;
          }
          n = targets.get(0).node();
          inst = targets.get(0).instances();
        } else {
          n = n.child(step.name());
          if (n == null || n.multiInstance()) {
            return false;
          }
        }
      }
      ParamNode p = n.param(rel.get(rel.size() - 1).name());
      if (p == null || p.secured()) {
        return false;
      }
      return SearchTerms.compare(p, dm.value(p, inst), t);
    }

    /**
     * Follows a path-reference parameter; item 0 follows every list item (R-ARC reference rules).
     */
    private List<Resolution.ObjRef> follow(List<Resolution.ObjRef> refs, ParamNode p, int item) {
      List<Resolution.ObjRef> out = new ArrayList<>();
      for (Resolution.ObjRef r : refs) {
        String value = dm.value(p, r.instances());
        if (value.isEmpty()) {
          continue;
        }
        String[] items = value.split(",", -1);
        for (int i = 0; i < items.length; i++) {
          if (item != 0 && item != i + 1) {
            continue;
          }
          Resolution.ObjRef target = referenced(items[i].trim());
          if (target != null) {
            out.add(target);
          }
        }
      }
      return out;
    }

    /** An instantiated object path held in a reference (no trailing dot), or null when dangling. */
    private Resolution.ObjRef referenced(String ref) {
      if (ref.isEmpty()) {
        return null;
      }
      String objPath = ref.endsWith(".") ? ref : ref + ".";
      UspPath parsed;
      try {
        parsed = PathParser.parse(objPath);
      } catch (PathSyntaxException e) {
        return null;
      }
      if (parsed.hasSelectors()) {
        return null;
      }
      Resolution r = resolve(parsed, ResolveOperation.SUBSCRIPTION, dm);
      if (r instanceof Resolution.Ok ok && ok.refs().size() == 1 && !ok.atTable()) {
        return ok.refs().get(0);
      }
      return null;
    }

    private static int[] append(int[] a, int v) {
      int[] out = Arrays.copyOf(a, a.length + 1);
      out[a.length] = v;
      return out;
    }

    private ResolveException invalid(String why) {
      return new ResolveException(UspErrorCode.INVALID_PATH, why + " (" + path.text() + ")");
    }

    private static ResolveException syntax(String why) {
      return new ResolveException(UspErrorCode.INVALID_PATH_SYNTAX, why);
    }
  }
}
