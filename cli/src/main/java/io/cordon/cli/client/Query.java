package io.cordon.cli.client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/** Query parameters in the order given; a null or blank value is left out. */
public final class Query {
  private final Map<String, String> parameters = new LinkedHashMap<>();

  public static Query of() {
    return new Query();
  }

  public Query with(String name, Object value) {
    if (value != null && !value.toString().isBlank()) {
      parameters.put(name, value.toString());
    }
    return this;
  }

  public Query copy() {
    Query copy = new Query();
    copy.parameters.putAll(parameters);
    return copy;
  }

  public String toQueryString() {
    if (parameters.isEmpty()) {
      return "";
    }
    StringJoiner joined = new StringJoiner("&", "?", "");
    parameters.forEach((name, value) -> joined.add(name + "=" + encode(value)));
    return joined.toString();
  }

  /** One path segment, percent-encoded (an id a user typed may hold anything). */
  public static String segment(String value) {
    return encode(value);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
