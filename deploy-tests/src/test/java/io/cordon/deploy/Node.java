package io.cordon.deploy;

import java.util.List;
import java.util.Map;

/** Null-tolerant navigation in parsed YAML: a missing field reads as empty, never as an NPE. */
final class Node {
  private Node() {}

  /** The value at a dotted path (keys may not contain dots here), or null. */
  static Object at(Object root, String path) {
    Object current = root;
    for (String key : path.split("\\.")) {
      if (!(current instanceof Map<?, ?> map)) {
        return null;
      }
      current = map.get(key);
    }
    return current;
  }

  static Map<String, Object> map(Object root, String path) {
    return map(at(root, path));
  }

  static Map<String, Object> map(Object value) {
    return value instanceof Map<?, ?> ? Yaml.asMap(value) : Map.of();
  }

  static List<Map<String, Object>> maps(Object root, String path) {
    return maps(at(root, path));
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> maps(Object value) {
    if (!(value instanceof List<?> list)) {
      return List.of();
    }
    return list.stream()
        .filter(e -> e instanceof Map<?, ?>)
        .map(e -> (Map<String, Object>) e)
        .toList();
  }

  static List<Object> list(Object root, String path) {
    Object value = at(root, path);
    return value instanceof List<?> ? Yaml.asList(value) : List.of();
  }

  static String str(Object root, String path) {
    Object value = at(root, path);
    return value == null ? null : String.valueOf(value);
  }

  static String name(Map<String, Object> resource) {
    return str(resource, "metadata.name");
  }

  static String kind(Map<String, Object> resource) {
    return str(resource, "kind");
  }
}
