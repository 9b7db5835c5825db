package io.fleetsim.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {
  @Test
  void isOneSelfContainedFile_noScriptStylesheetOrImageFromElsewhere() {
    String page = HtmlReport.page("t", "{\"summary\": {}, \"latency\": {}}");

    assertThat(page).contains("uPlot").contains("fleetsimRender").contains(".kpis");
    assertThat(Pattern.compile("(src|href)\\s*=\\s*\"(https?:)?//").matcher(page).find())
        .as("no external resource")
        .isFalse();
    assertThat(page).doesNotContain("<!--{"); // every slot filled
  }

  @Test
  void dataCannotEndItsScriptBlock() {
    String page = HtmlReport.page("t", "{\"summary\": {\"scenario\": \"</script><b>x\"}}");

    assertThat(page).contains("<\\/script><b>x").doesNotContain("\"</script><b>x");
  }

  @Test
  void escapesTheTitle() {
    assertThat(HtmlReport.page("a<b>&", "{}")).contains("<title>a&lt;b&gt;&amp;</title>");
  }

  @Test
  void livePageSubscribesToTheRunsEvents() {
    assertThat(HtmlReport.livePage("live")).contains("{\"live\": true}").contains("EventSource");
  }

  @Test
  void writesTheReportFromARunsFilesAlone(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("summary.json"), "{\"scenario\": \"demo\", \"agents\": 7}");
    Files.writeString(
        dir.resolve("latencies.hlog"), "#[Histogram log format version 1.3]\n#[StartTime: 1.0]\n");

    Path file = HtmlReport.write(dir);

    assertThat(file).isEqualTo(dir.resolve("report.html"));
    assertThat(Files.readString(file))
        .contains("{\"live\": false, \"summary\": {\"scenario\": \"demo\", \"agents\": 7},")
        .contains("\"latency\": {}}");
  }

  @Test
  void namesTheMissingFile(@TempDir Path dir) throws Exception {
    assertThatThrownBy(() -> HtmlReport.write(dir))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("summary.json: no such file");
    Files.writeString(dir.resolve("summary.json"), "{}");
    assertThatThrownBy(() -> HtmlReport.write(dir))
        .hasMessageContaining("latencies.hlog: no such file");
  }
}
