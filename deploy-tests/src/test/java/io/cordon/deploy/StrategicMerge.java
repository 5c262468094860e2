package io.cordon.deploy;

import java.util.List;
import java.util.Map;

/**
 * The part of Kubernetes' strategic merge patch the overlays use: maps merge recursively, a null
 * value deletes a field, and lists whose elements have a merge key (containers and volumes by name,
 * volume mounts by mountPath, ports by port number) merge element by element; every other list is
 * replaced. Directives such as {@code $patch} are outside the subset and rejected.
 */
final class StrategicMerge {
  private static final Map<String, String> MERGE_KEYS =
      Map.of(
          "containers", "name",
          "initContainers", "name",
          "env", "name",
          "volumes", "name",
          "volumeMounts", "mountPath",
          "imagePullSecrets", "name");

  private StrategicMerge() {}

  static void apply(Map<String, Object> target, Map<String, Object> patch) {
    mergeMaps(target, patch);
  }

  private static void mergeMaps(Map<String, Object> target, Map<String, Object> patch) {
    for (Map.Entry<String, Object> entry : patch.entrySet()) {
      String key = entry.getKey();
      Object value = entry.getValue();
      if (key.startsWith("$")) {
        throw new IllegalArgumentException(
            "strategic merge directive " + key + " is outside the supported subset");
      }
      Object existing = target.get(key);
      if (value == null) {
        target.remove(key);
      } else if (existing instanceof Map<?, ?> && value instanceof Map<?, ?>) {
        mergeMaps(Yaml.asMap(existing), Yaml.asMap(value));
      } else if (existing instanceof List<?> && value instanceof List<?>) {
        target.put(key, mergeLists(key, Yaml.asList(existing), Yaml.asList(value)));
      } else {
        target.put(key, Yaml.copy(value));
      }
    }
  }

  private static List<Object> mergeLists(String field, List<Object> target, List<Object> patch) {
    String mergeKey = mergeKey(field, patch);
    if (mergeKey == null) {
      return Yaml.asList(Yaml.copy(patch));
    }
    for (Object element : patch) {
      Map<String, Object> patchElement = Yaml.asMap(element);
      Object id = patchElement.get(mergeKey);
      Map<String, Object> match = null;
      for (Object candidate : target) {
        if (candidate instanceof Map<?, ?> map && id != null && id.equals(map.get(mergeKey))) {
          match = Yaml.asMap(candidate);
        }
      }
      if (match == null) {
        target.add(Yaml.copy(patchElement));
      } else {
        mergeMaps(match, patchElement);
      }
    }
    return target;
  }

  private static String mergeKey(String field, List<Object> patch) {
    if (patch.isEmpty() || !(patch.get(0) instanceof Map<?, ?> first)) {
      return null;
    }
    if ("ports".equals(field)) { // container ports by containerPort, service ports by port
      return first.containsKey("containerPort") ? "containerPort" : "port";
    }
    return MERGE_KEYS.get(field);
  }
}
