package io.cordon.deploy;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Kubernetes label selectors: a Service's plain map, or matchLabels plus matchExpressions. */
final class Selectors {
  private Selectors() {}

  /** A Service-style selector: every pair present in the labels. Empty selects nothing here. */
  static boolean mapMatches(Map<String, Object> selector, Map<String, Object> labels) {
    if (selector == null || selector.isEmpty()) {
      return false;
    }
    for (Map.Entry<String, Object> pair : selector.entrySet()) {
      if (!Objects.equals(String.valueOf(pair.getValue()), str(labels.get(pair.getKey())))) {
        return false;
      }
    }
    return true;
  }

  /** A LabelSelector (matchLabels, matchExpressions); an empty one selects every pod. */
  static boolean matches(Map<String, Object> selector, Map<String, Object> labels) {
    if (selector == null) {
      return false;
    }
    Object matchLabels = selector.get("matchLabels");
    if (matchLabels != null && !mapMatches(Yaml.asMap(matchLabels), labels)) {
      return false;
    }
    Object expressions = selector.get("matchExpressions");
    if (expressions != null) {
      for (Object raw : Yaml.asList(expressions)) {
        Map<String, Object> expression = Yaml.asMap(raw);
        String value = str(labels.get(String.valueOf(expression.get("key"))));
        List<Object> values =
            expression.get("values") == null ? List.of() : Yaml.asList(expression.get("values"));
        boolean in = values.stream().map(String::valueOf).anyMatch(v -> v.equals(value));
        boolean ok =
            switch (String.valueOf(expression.get("operator"))) {
              case "In" -> in;
              case "NotIn" -> !in;
              case "Exists" -> value != null;
              case "DoesNotExist" -> value == null;
              default -> false;
            };
        if (!ok) {
          return false;
        }
      }
    }
    return true;
  }

  private static String str(Object value) {
    return value == null ? null : String.valueOf(value);
  }
}
