package io.fleetsim.profiles.record;

import io.fleetsim.usp.proto.UspMsg.GetResp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The values of one recorded {@code Get Device.}, by object instance path. */
final class RecordedValues {
  private final Map<String, Map<String, String>> byObject;

  private RecordedValues(Map<String, Map<String, String>> byObject) {
    this.byObject = byObject;
  }

  static RecordedValues of(GetResp resp) {
    Map<String, Map<String, String>> m = new HashMap<>();
    for (GetResp.RequestedPathResult r : resp.getReqPathResultsList()) {
      for (GetResp.ResolvedPathResult p : r.getResolvedPathResultsList()) {
        m.computeIfAbsent(p.getResolvedPath(), k -> new HashMap<>()).putAll(p.getResultParamsMap());
      }
    }
    return new RecordedValues(m);
  }

  /** {@code param} of the object instance {@code objectPath}, or null when not recorded. */
  String value(String objectPath, String param) {
    Map<String, String> params = byObject.get(objectPath);
    return params == null ? null : params.get(param);
  }

  /**
   * The recorded instances of {@code supportedPath} ({@code Device.WiFi.SSID.{i}.}) in instance
   * order, under the first parent row that has any (a profile gives every parent the same rows);
   * the object itself when it has no {@code {i}}.
   */
  List<String> rows(String supportedPath) {
    if (!supportedPath.contains("{i}")) {
      return byObject.containsKey(supportedPath) ? List.of(supportedPath) : List.of();
    }
    Pattern p = Pattern.compile(Pattern.quote(supportedPath).replace("{i}", "\\E(\\d+)\\Q"));
    List<int[]> found = new ArrayList<>();
    Map<String, String> pathOf = new HashMap<>();
    for (String path : byObject.keySet()) {
      Matcher m = p.matcher(path);
      if (m.matches()) {
        int[] inst = new int[m.groupCount()];
        for (int g = 0; g < inst.length; g++) {
          inst[g] = Integer.parseInt(m.group(g + 1));
        }
        found.add(inst);
        pathOf.put(Arrays.toString(inst), path);
      }
    }
    found.sort(Arrays::compare);
    List<String> rows = new ArrayList<>();
    int[] parent = null;
    for (int[] inst : found) {
      int[] mine = Arrays.copyOf(inst, inst.length - 1);
      if (parent == null) {
        parent = mine;
      }
      if (Arrays.equals(parent, mine)) {
        rows.add(pathOf.get(Arrays.toString(inst)));
      }
    }
    return rows;
  }
}
