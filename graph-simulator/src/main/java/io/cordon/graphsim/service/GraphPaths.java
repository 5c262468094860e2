package io.cordon.graphsim.service;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Path and query handling shared by top-level and batch requests. */
public final class GraphPaths {
  private GraphPaths() {}

  /**
   * Percent-decodes each segment (user ids with '@' arrive as %40) and drops slashes at the ends.
   */
  public static String normalise(String path) {
    String trimmed = path;
    while (trimmed.startsWith("/")) {
      trimmed = trimmed.substring(1);
    }
    while (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    String[] segments = trimmed.split("/", -1);
    StringBuilder decoded = new StringBuilder();
    for (int i = 0; i < segments.length; i++) {
      if (i > 0) {
        decoded.append('/');
      }
      decoded.append(URLDecoder.decode(segments[i].replace("+", "%2B"), StandardCharsets.UTF_8));
    }
    return decoded.toString();
  }

  public static Map<String, String> query(String rawQuery) {
    Map<String, String> query = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return query;
    }
    for (String pair : rawQuery.split("&")) {
      String[] kv = pair.split("=", 2);
      String key = URLDecoder.decode(kv[0], StandardCharsets.UTF_8);
      String value = kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "";
      query.put(key, value);
    }
    return query;
  }
}
