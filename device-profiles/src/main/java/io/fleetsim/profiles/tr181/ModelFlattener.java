package io.fleetsim.profiles.tr181;

import static io.fleetsim.profiles.tr181.BbfDocument.child;
import static io.fleetsim.profiles.tr181.BbfDocument.children;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.w3c.dom.Element;

/**
 * Expands a model of the Broadband Forum data-model XML into one fact per object, parameter,
 * command, event and argument, the way the official flattened ({@code -full}) files are made:
 * imports resolved, components replayed at the place of reference with their names relative to it,
 * {@code base=} items merged into the ones they modify, virtual components replaced by the binding
 * of the outermost file, {@code status="deleted"} items (and everything under a deleted object)
 * left out, and the schema's defaults applied (access readOnly, minEntries and maxEntries 1).
 */
public final class ModelFlattener {
  private static final Set<String> PRIMITIVES =
      Set.of(
          "string",
          "unsignedInt",
          "int",
          "unsignedLong",
          "long",
          "boolean",
          "dateTime",
          "base64",
          "hexBinary",
          "decimal");

  /** An item while it is being expanded; later definitions and base= modifications update it. */
  private static final class Item {
    final char kind;
    final String path;
    String access;
    String type = "-";
    String dataType = "-";
    boolean list;
    String min = "1";
    String max = "1";
    String status = "current";
    String version;

    Item(char kind, String path, String version) {
      this.kind = kind;
      this.path = path;
      this.version = version;
      this.access = kind == 'O' || kind == 'P' ? "readOnly" : kind == 'C' ? "sync" : "-";
    }

    Tr181Fact fact() {
      return new Tr181Fact(
          kind,
          path,
          access,
          type,
          dataType,
          list,
          kind == 'O' ? min + ".." + max : "-",
          status,
          version == null || version.isEmpty() ? "-" : version);
    }
  }

  private final BbfLibrary library;
  private final Map<String, Item> items = new LinkedHashMap<>();
  private final Deque<BbfDocument> expanding = new ArrayDeque<>();

  private ModelFlattener(BbfLibrary library) {
    this.library = library;
  }

  /**
   * Flattens model {@code modelName} defined by {@code entryFile} in {@code folder}, e.g. {@code
   * tr-181-2-19-1-usp.xml} and {@code Device:2.19}.
   */
  public static List<Tr181Fact> flatten(Path folder, String entryFile, String modelName) {
    BbfLibrary library = new BbfLibrary(folder);
    ModelFlattener f = new ModelFlattener(library);
    f.model(library.load(entryFile), modelName);
    return f.result();
  }

  private void model(BbfDocument doc, String name) {
    BbfLibrary.Found m = library.lookup(doc, "model", name);
    if (m == null) {
      throw new IllegalArgumentException(doc.file + ": no model " + name);
    }
    expanding.addLast(m.doc());
    if (m.element().hasAttribute("base")) {
      model(m.doc(), m.element().getAttribute("base"));
    }
    items(m.element(), m.doc(), "", "", false);
    expanding.removeLast();
  }

  /**
   * Expands the children of {@code parent}, whose names are relative to {@code prefix}. In {@code
   * arguments} mode (a command's input or output, an event) parameters are arguments and objects
   * only extend the path.
   */
  private void items(
      Element parent, BbfDocument doc, String prefix, String version, boolean arguments) {
    for (Element c : children(parent)) {
      String v = c.hasAttribute("version") ? c.getAttribute("version") : version;
      switch (c.getLocalName()) {
        case "component" -> component(c, doc, prefix, v, arguments);
        case "object" -> {
          String path = prefix + name(c);
          if (!arguments) {
            Item o = item('O', path, v, c);
            set(c, "access", a -> o.access = a);
            set(c, "minEntries", a -> o.min = a);
            set(c, "maxEntries", a -> o.max = a);
          }
          items(c, doc, path, v, arguments);
        }
        case "parameter" -> {
          Item p = item(arguments ? 'A' : 'P', prefix + name(c), v, c);
          if (!arguments) {
            set(c, "access", a -> p.access = a);
          }
          Element syntax = child(c, "syntax");
          if (syntax != null) {
            syntax(syntax, doc, p);
          }
        }
        case "command" -> {
          String path = prefix + name(c);
          Item cmd = item('C', path, v, c);
          set(c, "async", a -> cmd.access = "true".equals(a) ? "async" : "sync");
          Element in = child(c, "input");
          Element out = child(c, "output");
          if (in != null) {
            items(in, doc, path + ".in.", v, true);
          }
          if (out != null) {
            items(out, doc, path + ".out.", v, true);
          }
        }
        case "event" -> {
          String path = prefix + name(c);
          item('E', path, v, c);
          items(c, doc, path + ".", v, true);
        }
        default -> {
          // description, uniqueKey, profile, input/output handled by their command, …
        }
      }
    }
  }

  private void component(
      Element ref, BbfDocument doc, String prefix, String version, boolean arguments) {
    String name = ref.getAttribute("ref");
    BbfLibrary.Found found = library.lookup(doc, "component", name);
    if (found == null) {
      throw new IllegalArgumentException(doc.file + ": component " + name + " is not defined");
    }
    if ("true".equals(found.element().getAttribute("virtual"))) {
      found = concrete(name, found);
    }
    expanding.addLast(found.doc());
    items(found.element(), found.doc(), prefix + ref.getAttribute("path"), version, arguments);
    expanding.removeLast();
  }

  /** A virtual component means the non-virtual one bound to its name by the outermost file. */
  private BbfLibrary.Found concrete(String name, BbfLibrary.Found virtual) {
    for (BbfDocument d : expanding) {
      BbfLibrary.Found f = library.lookup(d, "component", name);
      if (f != null && !"true".equals(f.element().getAttribute("virtual"))) {
        return f;
      }
    }
    return virtual;
  }

  private Item item(char kind, String path, String version, Element e) {
    Item item = items.computeIfAbsent(path, p -> new Item(kind, p, version));
    if (e.hasAttribute("version")) {
      item.version = e.getAttribute("version");
    }
    set(e, "status", s -> item.status = s);
    return item;
  }

  /** The latest {@code <syntax>} with a type wins; {@code <list>} makes the value a list. */
  private void syntax(Element syntax, BbfDocument doc, Item p) {
    boolean list = false;
    for (Element t : children(syntax)) {
      String n = t.getLocalName();
      if ("list".equals(n)) {
        list = true;
      } else if (PRIMITIVES.contains(n)) {
        p.type = n;
        p.dataType = "-";
        p.list = list;
      } else if ("dataType".equals(n)) {
        // <dataType ref="X"/>, or an anonymous restriction <dataType base="X"> of X
        dataType(doc, t.hasAttribute("ref") ? t.getAttribute("ref") : t.getAttribute("base"), p);
        p.list |= list;
      }
    }
  }

  /**
   * Resolves a named data type through its {@code base} chain to a primitive, in the scope of the
   * file that uses it, else in any loaded file (as the Broadband Forum's own tool does).
   */
  private void dataType(BbfDocument doc, String ref, Item p) {
    BbfLibrary.Found f = library.lookup(doc, "dataType", ref);
    f = f != null ? f : library.anyDataType(ref);
    if (f == null) {
      throw new IllegalArgumentException(doc.file + ": data type " + ref + " is not defined");
    }
    p.dataType = f.element().getAttribute("name");
    p.list = false;
    for (int depth = 0; f != null && depth < 16; depth++) {
      for (Element t : children(f.element())) {
        if ("list".equals(t.getLocalName())) {
          p.list = true;
        } else if (PRIMITIVES.contains(t.getLocalName())) {
          p.type = t.getLocalName();
          return;
        }
      }
      String base = f.element().getAttribute("base");
      BbfLibrary.Found next = base.isEmpty() ? null : library.lookup(f.doc(), "dataType", base);
      f = next != null || base.isEmpty() ? next : library.anyDataType(base);
    }
    throw new IllegalArgumentException(doc.file + ": data type " + ref + " has no primitive base");
  }

  private List<Tr181Fact> result() {
    List<String> deleted = new ArrayList<>();
    for (Item i : items.values()) {
      if ("deleted".equals(i.status)) {
        deleted.add(i.kind == 'O' ? i.path : i.path + ".");
      }
    }
    List<Tr181Fact> out = new ArrayList<>(items.size());
    for (Item i : items.values()) {
      if (!"deleted".equals(i.status) && deleted.stream().noneMatch(i.path::startsWith)) {
        out.add(i.fact());
      }
    }
    return out;
  }

  private static String name(Element e) {
    return e.hasAttribute("name") ? e.getAttribute("name") : e.getAttribute("base");
  }

  private static void set(Element e, String attribute, java.util.function.Consumer<String> to) {
    if (e.hasAttribute(attribute)) {
      to.accept(e.getAttribute(attribute));
    }
  }
}
