package io.cordon.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * RFC 6902 JSON Patch (add, remove, replace, test) on plain maps and lists: kustomize's JSON6902.
 */
final class JsonPatch {
  private JsonPatch() {}

  static void apply(Map<String, Object> resource, List<Object> operations) {
    for (Object raw : operations) {
      Map<String, Object> op = Yaml.asMap(raw);
      String name = String.valueOf(op.get("op"));
      List<String> path = pointer(String.valueOf(op.get("path")));
      Object value = Yaml.copy(op.get("value"));
      switch (name) {
        case "add" -> add(resource, path, value);
        case "replace" -> replace(resource, path, value, op);
        case "remove" -> remove(resource, path, op);
        case "test" -> {
          if (!java.util.Objects.equals(get(resource, path), value)) {
            throw new IllegalArgumentException("JSON patch test failed at " + op.get("path"));
          }
        }
        default ->
            throw new IllegalArgumentException(
                "JSON patch op '" + name + "' is outside the supported subset");
      }
    }
  }

  static List<String> pointer(String path) {
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("JSON pointer must start with '/': " + path);
    }
    List<String> tokens = new ArrayList<>();
    for (String token : path.substring(1).split("/", -1)) {
      tokens.add(token.replace("~1", "/").replace("~0", "~"));
    }
    return tokens;
  }

  static Object get(Object node, List<String> path) {
    Object current = node;
    for (String token : path) {
      current = child(current, token);
      if (current == null) {
        return null;
      }
    }
    return current;
  }

  private static Object child(Object node, String token) {
    if (node instanceof Map<?, ?> map) {
      return map.get(token);
    }
    if (node instanceof List<?> list) {
      int index = Integer.parseInt(token);
      return index < list.size() ? list.get(index) : null;
    }
    return null;
  }

  private static Object parent(Map<String, Object> resource, List<String> path, Object op) {
    Object parent = get(resource, path.subList(0, path.size() - 1));
    if (parent == null) {
      throw new IllegalArgumentException("JSON patch path does not exist: " + op);
    }
    return parent;
  }

  private static void add(Map<String, Object> resource, List<String> path, Object value) {
    Object parent = parent(resource, path, path);
    String last = path.get(path.size() - 1);
    if (parent instanceof Map<?, ?>) {
      Yaml.asMap(parent).put(last, value);
    } else {
      List<Object> list = Yaml.asList(parent);
      list.add("-".equals(last) ? list.size() : Integer.parseInt(last), value);
    }
  }

  private static void replace(
      Map<String, Object> resource, List<String> path, Object value, Object op) {
    Object parent = parent(resource, path, op);
    String last = path.get(path.size() - 1);
    if (parent instanceof Map<?, ?> map) {
      if (!map.containsKey(last)) { // RFC 6902: replace needs an existing target
        throw new IllegalArgumentException("JSON patch replaces a missing value: " + op);
      }
      Yaml.asMap(parent).put(last, value);
    } else {
      Yaml.asList(parent).set(Integer.parseInt(last), value);
    }
  }

  private static void remove(Map<String, Object> resource, List<String> path, Object op) {
    Object parent = parent(resource, path, op);
    String last = path.get(path.size() - 1);
    Object removed =
        parent instanceof Map<?, ?>
            ? Yaml.asMap(parent).remove(last)
            : Yaml.asList(parent).remove(Integer.parseInt(last));
    if (removed == null) {
      throw new IllegalArgumentException("JSON patch removes a missing value: " + op);
    }
  }
}
