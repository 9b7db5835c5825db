package io.fleetsim.profiles.tr181;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * One Broadband Forum data-model XML file (the cwmp-datamodel schema used by TR-181): its top-level
 * {@code component}, {@code dataType} and {@code model} definitions by name, and the names its
 * {@code import} elements bind to definitions of other files. Child elements are unqualified, so
 * everything is matched on local names.
 */
final class BbfDocument {

  /**
   * What an {@code import} child binds a local name to: a definition {@code ref} in {@code file}.
   */
  record Binding(String file, String ref) {}

  final String file;
  final Element root;
  private final Map<String, Element> definitions = new HashMap<>();
  private final Map<String, Binding> imports = new HashMap<>();

  private BbfDocument(String file, Element root) {
    this.file = file;
    this.root = root;
    for (Element child : children(root)) {
      switch (child.getLocalName()) {
        case "component", "dataType", "model" ->
            definitions.put(key(child.getLocalName(), child.getAttribute("name")), child);
        case "import" -> {
          for (Element bound : children(child)) {
            String name = bound.getAttribute("name");
            String ref = bound.hasAttribute("ref") ? bound.getAttribute("ref") : name;
            imports.put(
                key(bound.getLocalName(), name), new Binding(child.getAttribute("file"), ref));
          }
        }
        default -> {
          // bibliography, template, description: no model items
        }
      }
    }
  }

  /** Parses {@code path} with the JDK's DOM parser: no network, no external entities. */
  static BbfDocument parse(Path path) {
    try {
      DocumentBuilder builder = factory().newDocumentBuilder();
      Element root = builder.parse(path.toFile()).getDocumentElement();
      return new BbfDocument(path.getFileName().toString(), root);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    } catch (SAXException | ParserConfigurationException e) {
      throw new IllegalArgumentException(
          path + ": not a data-model XML file: " + e.getMessage(), e);
    }
  }

  private static DocumentBuilderFactory factory() throws ParserConfigurationException {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    // The files declare entities for patterns in an internal DTD subset (&octet; …), so the
    // DOCTYPE must be allowed; nothing external is ever loaded (the xsi:schemaLocation URLs are
    // never fetched).
    f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    f.setFeature("http://xml.org/sax/features/external-general-entities", false);
    f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    f.setExpandEntityReferences(true);
    return f;
  }

  /** This file's own definition of {@code kind} named {@code name}, or null. */
  Element definition(String kind, String name) {
    return definitions.get(key(kind, name));
  }

  /** What this file's imports bind {@code name} of {@code kind} to, or null. */
  Binding binding(String kind, String name) {
    return imports.get(key(kind, name));
  }

  /** Every import's file name, each once. */
  List<String> importedFiles() {
    List<String> files = new ArrayList<>();
    for (Element child : children(root)) {
      if ("import".equals(child.getLocalName()) && !files.contains(child.getAttribute("file"))) {
        files.add(child.getAttribute("file"));
      }
    }
    return files;
  }

  private static String key(String kind, String name) {
    return kind + ':' + name;
  }

  /** The element children of {@code parent}, in document order. */
  static List<Element> children(Element parent) {
    List<Element> out = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e) {
        out.add(e);
      }
    }
    return out;
  }

  /** The first element child named {@code localName}, or null. */
  static Element child(Element parent, String localName) {
    for (Element e : children(parent)) {
      if (localName.equals(e.getLocalName())) {
        return e;
      }
    }
    return null;
  }
}
