package io.cordon.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Renders a kustomization the way {@code kustomize build} does, for the subset of kustomize the
 * Cordon overlays use (deploy/kubernetes/README.md): resources (files and directories with their
 * own kustomization), namespace, labels (metadata only, or with templates), patches (strategic
 * merge or JSON 6902, inline or from a file, with an optional target), replicas, images, and
 * configMapGenerator without name hashes. Anything else is refused, so that an overlay cannot drift
 * out of what this renderer (and so the build's validation) understands.
 */
final class Kustomize {
  static final Set<String> SUPPORTED_FIELDS =
      Set.of(
          "apiVersion",
          "kind",
          "resources",
          "namespace",
          "labels",
          "patches",
          "replicas",
          "images",
          "configMapGenerator");

  /** Cluster-scoped kinds keep no namespace. */
  private static final Set<String> CLUSTER_SCOPED =
      Set.of(
          "Namespace",
          "ClusterRole",
          "ClusterRoleBinding",
          "CustomResourceDefinition",
          "PersistentVolume",
          "StorageClass",
          "PriorityClass");

  private static final Set<String> WORKLOADS =
      Set.of("Deployment", "StatefulSet", "ReplicaSet", "DaemonSet", "Job");

  private Kustomize() {}

  static List<Map<String, Object>> build(Path directory) {
    Path file = directory.resolve("kustomization.yaml");
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("no kustomization.yaml in " + directory);
    }
    Map<String, Object> kustomization = Yaml.single(file);
    for (String field : kustomization.keySet()) {
      if (!SUPPORTED_FIELDS.contains(field)) {
        throw new IllegalArgumentException(
            file + ": '" + field + "' is outside the kustomize subset this build renders");
      }
    }
    List<Map<String, Object>> resources = new ArrayList<>();
    for (Object entry : list(kustomization.get("resources"))) {
      Path path = directory.resolve(String.valueOf(entry)).normalize();
      if (Files.isDirectory(path)) {
        addAll(resources, build(path));
      } else {
        addAll(resources, Yaml.resources(path));
      }
    }
    for (Object generator : list(kustomization.get("configMapGenerator"))) {
      addAll(resources, List.of(configMap(directory, Yaml.asMap(generator))));
    }
    for (Object patch : list(kustomization.get("patches"))) {
      patch(directory, resources, Yaml.asMap(patch));
    }
    if (kustomization.get("namespace") instanceof String namespace) {
      for (Map<String, Object> resource : resources) {
        if (!CLUSTER_SCOPED.contains(resource.get("kind"))) {
          metadata(resource).put("namespace", namespace);
        }
      }
    }
    for (Object labels : list(kustomization.get("labels"))) {
      labels(resources, Yaml.asMap(labels));
    }
    for (Object replicas : list(kustomization.get("replicas"))) {
      replicas(resources, Yaml.asMap(replicas));
    }
    for (Object image : list(kustomization.get("images"))) {
      image(resources, Yaml.asMap(image));
    }
    return resources;
  }

  /** kustomize refuses two resources with the same identity; so does this. */
  private static void addAll(List<Map<String, Object>> into, List<Map<String, Object>> more) {
    for (Map<String, Object> resource : more) {
      for (Map<String, Object> existing : into) {
        if (id(existing).equals(id(resource))) {
          throw new IllegalArgumentException("resource defined twice: " + id(resource));
        }
      }
      into.add(resource);
    }
  }

  static String id(Map<String, Object> resource) {
    return resource.get("apiVersion")
        + "/"
        + resource.get("kind")
        + "/"
        + metadata(resource).get("namespace")
        + "/"
        + metadata(resource).get("name");
  }

  private static Map<String, Object> configMap(Path directory, Map<String, Object> generator) {
    requireOnly(generator, Set.of("name", "files", "literals", "options"), "configMapGenerator");
    Map<String, Object> options = map(generator.get("options"));
    requireOnly(options, Set.of("disableNameSuffixHash", "labels"), "configMapGenerator options");
    if (!Boolean.TRUE.equals(options.get("disableNameSuffixHash"))) {
      // a hashed name must be rewritten in every reference; this renderer does not do that
      throw new IllegalArgumentException(
          "configMapGenerator " + generator.get("name") + " needs disableNameSuffixHash: true");
    }
    Map<String, Object> data = new LinkedHashMap<>();
    for (Object entry : list(generator.get("files"))) {
      String spec = String.valueOf(entry);
      int equals = spec.indexOf('=');
      String relative = equals < 0 ? spec : spec.substring(equals + 1);
      Path path = directory.resolve(relative).normalize();
      if (!path.startsWith(directory.normalize())) {
        throw new IllegalArgumentException("kustomize refuses files outside its root: " + spec);
      }
      data.put(
          equals < 0 ? path.getFileName().toString() : spec.substring(0, equals), Yaml.read(path));
    }
    for (Object entry : list(generator.get("literals"))) {
      String literal = String.valueOf(entry);
      int equals = literal.indexOf('=');
      data.put(literal.substring(0, equals), literal.substring(equals + 1));
    }
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("name", generator.get("name"));
    if (!map(options.get("labels")).isEmpty()) {
      metadata.put("labels", Yaml.copy(options.get("labels")));
    }
    Map<String, Object> configMap = new LinkedHashMap<>();
    configMap.put("apiVersion", "v1");
    configMap.put("kind", "ConfigMap");
    configMap.put("metadata", metadata);
    configMap.put("data", data);
    return configMap;
  }

  private static void patch(
      Path directory, List<Map<String, Object>> resources, Map<String, Object> entry) {
    requireOnly(entry, Set.of("path", "patch", "target"), "patches");
    String text =
        entry.containsKey("path")
            ? Yaml.read(directory.resolve(String.valueOf(entry.get("path"))))
            : String.valueOf(entry.get("patch"));
    List<Object> documents = Yaml.documents(text);
    if (documents.size() != 1) {
      throw new IllegalArgumentException("a patch must be exactly one document: " + entry);
    }
    Object patch = documents.get(0);
    Map<String, Object> target = map(entry.get("target"));
    requireOnly(target, Set.of("group", "version", "kind", "name", "namespace"), "patch target");
    if (patch instanceof List<?>) {
      if (target.isEmpty()) {
        throw new IllegalArgumentException("a JSON 6902 patch needs a target: " + entry);
      }
      for (Map<String, Object> resource : matching(resources, target, entry)) {
        JsonPatch.apply(resource, Yaml.asList(patch));
      }
    } else {
      Map<String, Object> merge = Yaml.asMap(patch);
      if (target.isEmpty()) { // the patch names its own target
        target = new LinkedHashMap<>();
        target.put("group", group(merge));
        target.put("kind", merge.get("kind"));
        target.put("name", metadata(merge).get("name"));
      }
      for (Map<String, Object> resource : matching(resources, target, entry)) {
        Map<String, Object> body = Yaml.copyMap(merge);
        body.remove("apiVersion");
        body.remove("kind");
        StrategicMerge.apply(resource, body);
      }
    }
  }

  private static List<Map<String, Object>> matching(
      List<Map<String, Object>> resources, Map<String, Object> target, Object entry) {
    List<Map<String, Object>> result = new ArrayList<>();
    for (Map<String, Object> resource : resources) {
      String apiVersion = String.valueOf(resource.get("apiVersion"));
      boolean matches =
          matches(target.get("group"), group(resource))
              && matches(target.get("version"), apiVersion.substring(apiVersion.indexOf('/') + 1))
              && matches(target.get("kind"), resource.get("kind"))
              && matches(target.get("name"), metadata(resource).get("name"))
              && matches(target.get("namespace"), metadata(resource).get("namespace"));
      if (matches) {
        result.add(resource);
      }
    }
    if (result.isEmpty()) { // a patch that changes nothing is a mistake, not a no-op
      throw new IllegalArgumentException("patch matches no resource: " + entry);
    }
    return result;
  }

  private static boolean matches(Object wanted, Object actual) {
    return wanted == null || Objects.equals(String.valueOf(wanted), String.valueOf(actual));
  }

  static String group(Map<String, Object> resource) {
    String apiVersion = String.valueOf(resource.get("apiVersion"));
    int slash = apiVersion.indexOf('/');
    return slash < 0 ? "" : apiVersion.substring(0, slash);
  }

  private static void labels(List<Map<String, Object>> resources, Map<String, Object> entry) {
    requireOnly(entry, Set.of("pairs", "includeSelectors", "includeTemplates"), "labels");
    if (Boolean.TRUE.equals(entry.get("includeSelectors"))) {
      // selectors are immutable on a Deployment: changing them is never what an overlay wants here
      throw new IllegalArgumentException("labels with includeSelectors are outside the subset");
    }
    Map<String, Object> pairs = map(entry.get("pairs"));
    for (Map<String, Object> resource : resources) {
      labelsOf(metadata(resource)).putAll(pairs);
      if (Boolean.TRUE.equals(entry.get("includeTemplates"))
          && WORKLOADS.contains(resource.get("kind"))) {
        Map<String, Object> template = child(child(resource, "spec"), "template");
        labelsOf(child(template, "metadata")).putAll(pairs);
      }
    }
  }

  private static void replicas(List<Map<String, Object>> resources, Map<String, Object> entry) {
    requireOnly(entry, Set.of("name", "count"), "replicas");
    boolean found = false;
    for (Map<String, Object> resource : resources) {
      if (WORKLOADS.contains(resource.get("kind"))
          && Objects.equals(entry.get("name"), metadata(resource).get("name"))) {
        child(resource, "spec").put("replicas", entry.get("count"));
        found = true;
      }
    }
    if (!found) {
      throw new IllegalArgumentException("replicas for an unknown workload: " + entry);
    }
  }

  private static void image(List<Map<String, Object>> resources, Map<String, Object> entry) {
    requireOnly(entry, Set.of("name", "newName", "newTag", "digest"), "images");
    String name = String.valueOf(entry.get("name"));
    for (Map<String, Object> resource : resources) {
      if (!WORKLOADS.contains(resource.get("kind"))) {
        continue;
      }
      Map<String, Object> podSpec = child(child(child(resource, "spec"), "template"), "spec");
      for (String field : List.of("containers", "initContainers")) {
        for (Object container : list(podSpec.get(field))) {
          Map<String, Object> c = Yaml.asMap(container);
          String image = String.valueOf(c.get("image"));
          String repository = repository(image);
          if (!repository.equals(name)) {
            continue;
          }
          String newName = entry.containsKey("newName") ? (String) entry.get("newName") : name;
          String reference = image.substring(repository.length());
          if (entry.containsKey("digest")) {
            reference = "@" + entry.get("digest");
          } else if (entry.containsKey("newTag")) {
            reference = ":" + entry.get("newTag");
          }
          c.put("image", newName + reference);
        }
      }
    }
  }

  /** The image without tag or digest (a registry port's colon is not a tag). */
  static String repository(String image) {
    int at = image.indexOf('@');
    String withoutDigest = at < 0 ? image : image.substring(0, at);
    int colon = withoutDigest.lastIndexOf(':');
    return colon > withoutDigest.lastIndexOf('/')
        ? withoutDigest.substring(0, colon)
        : withoutDigest;
  }

  static Map<String, Object> metadata(Map<String, Object> resource) {
    return child(resource, "metadata");
  }

  private static Map<String, Object> labelsOf(Map<String, Object> metadata) {
    return child(metadata, "labels");
  }

  /** The child mapping under key, created if absent. */
  static Map<String, Object> child(Map<String, Object> parent, String key) {
    Object value = parent.get(key);
    if (value == null) {
      Map<String, Object> created = new LinkedHashMap<>();
      parent.put(key, created);
      return created;
    }
    return Yaml.asMap(value);
  }

  private static List<Object> list(Object value) {
    return value == null ? List.of() : Yaml.asList(value);
  }

  private static Map<String, Object> map(Object value) {
    return value == null ? Map.of() : Yaml.asMap(value);
  }

  private static void requireOnly(Map<String, Object> entry, Set<String> allowed, String where) {
    for (String key : entry.keySet()) {
      if (!allowed.contains(key)) {
        throw new IllegalArgumentException(
            where + ": '" + key + "' is outside the kustomize subset this build renders");
      }
    }
  }
}
