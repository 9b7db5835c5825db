package io.fleetsim.agent;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Derives the version of a simulated firmware image from its file name: the first dotted number
 * ({@code fsim-2.0.1.bin} → {@code 2.0.1}), else the name without extension. A simulator has no
 * image to inspect, and campaigns name images by version.
 */
final class FirmwareVersions {
  private static final Pattern VERSION = Pattern.compile("\\d+(?:\\.\\d+)+");

  private FirmwareVersions() {}

  static String fromFileName(String file) {
    Matcher m = VERSION.matcher(file);
    if (m.find()) {
      return m.group();
    }
    int dot = file.lastIndexOf('.');
    return dot > 0 ? file.substring(0, dot) : file;
  }
}
