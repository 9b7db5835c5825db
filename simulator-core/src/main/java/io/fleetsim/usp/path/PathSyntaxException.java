package io.fleetsim.usp.path;

/** A path that does not follow the USP path grammar; answered with 7008 (Invalid path syntax). */
public final class PathSyntaxException extends Exception {
  private static final long serialVersionUID = 1L;

  PathSyntaxException(String path, String why) {
    super("invalid path syntax '" + path + "': " + why, null, false, false);
  }
}
