package io.fleetsim.profiles.tr181;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.w3c.dom.Element;

/**
 * The data-model XML files of one folder, each parsed once, and name lookup across their imports.
 *
 * <p>An import names a file without its amendment ({@code tr-181-2-iot.xml}) and says the version
 * in its {@code spec}; the folder holds each label in exactly one version, so the import resolves
 * to the one file {@code tr-181-2-<amendment>-<corrigendum>-<label>.xml}. Other names ({@code
 * tr-106-types.xml}) are used as they are.
 */
final class BbfLibrary {
  private static final Pattern UNVERSIONED = Pattern.compile("(tr-\\d+-\\d+)-([a-z].*\\.xml)");

  /** A definition and the file it stands in, which is the scope of the names it uses. */
  record Found(BbfDocument doc, Element element) {}

  private final Path folder;
  private final Map<String, BbfDocument> loaded = new HashMap<>();

  BbfLibrary(Path folder) {
    this.folder = folder;
  }

  BbfDocument load(String file) {
    BbfDocument doc = loaded.get(file);
    if (doc == null) {
      doc = BbfDocument.parse(folder.resolve(resolve(file)));
      loaded.put(file, doc);
      for (String imported : doc.importedFiles()) {
        load(imported);
      }
    }
    return doc;
  }

  /** The file in the folder that an import of {@code file} means. */
  String resolve(String file) {
    if (Files.isRegularFile(folder.resolve(file))) {
      return file;
    }
    var m = UNVERSIONED.matcher(file);
    if (!m.matches()) {
      throw new IllegalArgumentException(folder.resolve(file) + ": imported file not found");
    }
    Pattern versioned =
        Pattern.compile(Pattern.quote(m.group(1)) + "-\\d+-\\d+-" + Pattern.quote(m.group(2)));
    try (Stream<Path> files = Files.list(folder)) {
      List<String> matches =
          files
              .map(p -> p.getFileName().toString())
              .filter(n -> versioned.matcher(n).matches())
              .toList();
      if (matches.size() != 1) {
        throw new IllegalArgumentException(
            folder + ": import " + file + " matches " + matches + ", expected exactly one file");
      }
      return matches.get(0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + folder, e);
    }
  }

  /**
   * The definition of {@code kind} that {@code name} means in {@code doc}: its own, else the one
   * its import binds the name to, followed through chains of imports; null when there is none.
   */
  Found lookup(BbfDocument doc, String kind, String name) {
    Element own = doc.definition(kind, name);
    if (own != null) {
      return new Found(doc, own);
    }
    BbfDocument.Binding b = doc.binding(kind, name);
    return b == null ? null : lookup(load(b.file()), kind, b.ref());
  }

  /** Any loaded file's data type named {@code name}: the fallback when scoped lookup fails. */
  Found anyDataType(String name) {
    for (BbfDocument doc : loaded.values()) {
      Element e = doc.definition("dataType", name);
      if (e != null) {
        return new Found(doc, e);
      }
    }
    return null;
  }
}
