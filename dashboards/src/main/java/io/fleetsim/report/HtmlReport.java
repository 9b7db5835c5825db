package io.fleetsim.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The run's report as one self-contained HTML file: the page, its stylesheet, uPlot and the chart
 * code inlined, the data as a JSON block. It opens from disk with no network. The live dashboard is
 * the same page fed by Server-Sent Events instead of the JSON block, so both show the same charts.
 */
public final class HtmlReport {
  /** The report's file name in a run's output folder. */
  public static final String FILE = "report.html";

  private static final String UPLOT = "/META-INF/resources/webjars/uplot/1.6.30/dist/";
  private static final Pattern SLOT = Pattern.compile("<!--\\{(\\w+)}-->");

  private static final String TEMPLATE = resource("/io/fleetsim/report/report.html");

  /** What the template's slots take besides the title and data: the same for every page. */
  private static final Map<String, String> ASSETS =
      Map.of(
          "UPLOT_CSS", resource(UPLOT + "uPlot.min.css"),
          "UPLOT_JS", resource(UPLOT + "uPlot.iife.min.js"),
          "APP_CSS", resource("/io/fleetsim/report/report.css"),
          "APP_JS", resource("/io/fleetsim/report/report.js"));

  private HtmlReport() {}

  /**
   * The report page of {@code data}: {@code {"summary": <summary.json>, "latency": <LatencySeries
   * json>}}.
   */
  public static String page(String title, String data) {
    Matcher m = SLOT.matcher(TEMPLATE);
    StringBuilder out = new StringBuilder(TEMPLATE.length() + 60_000 + data.length());
    while (m.find()) {
      String slot = m.group(1);
      String value =
          switch (slot) {
            case "TITLE" -> escapeHtml(title);
            // in a <script> block only "</" can end it early; "<\/" means the same in JSON
            case "DATA" -> data.replace("</", "<\\/");
            default -> ASSETS.get(slot);
          };
      if (value == null) {
        throw new IllegalStateException("report.html has an unknown slot " + slot);
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** The live dashboard's page: it subscribes to {@code /events} on the server that sent it. */
  public static String livePage(String title) {
    return page(title, "{\"live\": true}");
  }

  /** The data block of a report from a run's summary and latency series. */
  public static String data(String summaryJson, String latencyJson, boolean live) {
    return "{\"live\": "
        + live
        + ", \"summary\": "
        + summaryJson
        + ", \"latency\": "
        + latencyJson
        + "}";
  }

  /**
   * Writes {@code report.html} into a run's output folder from its {@code summary.json} and {@code
   * latencies.hlog} alone.
   *
   * @throws IllegalArgumentException naming the file that is missing
   */
  public static Path write(Path outputDir) throws IOException {
    Path summary = outputDir.resolve("summary.json");
    Path hlog = outputDir.resolve("latencies.hlog");
    String summaryJson;
    try {
      summaryJson = Files.readString(summary);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(summary + ": no such file (not a run's output folder?)");
    }
    if (!Files.isRegularFile(hlog)) {
      throw new IllegalArgumentException(hlog + ": no such file (not a run's output folder?)");
    }
    String title = "fleetsim report: " + outputDir.toAbsolutePath().normalize().getFileName();
    Path file = outputDir.resolve(FILE);
    Files.writeString(file, page(title, data(summaryJson, LatencySeries.read(hlog).json(), false)));
    return file;
  }

  private static String escapeHtml(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }

  private static String resource(String name) {
    try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
