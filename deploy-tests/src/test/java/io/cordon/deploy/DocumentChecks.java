package io.cordon.deploy;

import static io.cordon.deploy.Node.kind;
import static io.cordon.deploy.Node.map;
import static io.cordon.deploy.Node.name;
import static io.cordon.deploy.Node.str;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import java.lang.reflect.Method;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Each document on its own: it parses with a typed model (a misspelt field is reported), names and
 * namespace are right, and no Secret or ConfigMap carries a secret value.
 */
final class DocumentChecks extends Checks {
  DocumentChecks(Manifest manifest) {
    super(manifest);
  }

  @Override
  void run() {
    resources.forEach(this::checkDocument);
    resources.forEach(this::checkNoInlinedSecret);
  }

  /**
   * Strimzi resources parse with Strimzi's own model (io.strimzi:api); ServiceMonitor with
   * fabric8's monitoring model; CloudNativePG has no Java model, so its Cluster's fields are
   * checked against {@link CnpgClusterFields}. Any other custom resource is reported as unknown.
   */
  static final Map<String, Class<?>> STRIMZI_KINDS =
      Map.of(
          "kafka.strimzi.io/v1beta2/Kafka", Kafka.class,
          "kafka.strimzi.io/v1beta2/KafkaNodePool", KafkaNodePool.class,
          "kafka.strimzi.io/v1beta2/KafkaTopic", KafkaTopic.class,
          "kafka.strimzi.io/v1beta2/KafkaUser", KafkaUser.class);

  static final String CNPG_CLUSTER = "postgresql.cnpg.io/v1/Cluster";

  private static final ObjectMapper STRIMZI_MODEL = new ObjectMapper();

  private static final Pattern DNS_SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private void checkDocument(Map<String, Object> resource) {
    String apiVersion = str(resource, "apiVersion");
    String kind = kind(resource);
    String name = name(resource);
    String id = kind + " " + name;
    if (apiVersion == null || kind == null || name == null) {
      problems.add(id + ": apiVersion, kind and metadata.name are required");
      return;
    }
    if (!DNS_SUBDOMAIN.matcher(name).matches() || name.length() > 253) {
      problems.add(id + ": metadata.name is not a DNS subdomain");
    }
    if (!Objects.equals(expected.namespace(), str(resource, "metadata.namespace"))) {
      problems.add(id + ": namespace is not " + expected.namespace());
    }
    String type = Kustomize.group(resource) + "/" + version(apiVersion) + "/" + kind;
    Object typed;
    try {
      typed =
          STRIMZI_KINDS.containsKey(type)
              ? STRIMZI_MODEL.convertValue(resource, STRIMZI_KINDS.get(type))
              : SERIALIZATION.convertValue(resource, KubernetesResource.class);
    } catch (RuntimeException e) {
      problems.add(id + ": does not parse as a Kubernetes resource: " + e.getMessage());
      return;
    }
    if (type.equals(CNPG_CLUSTER)) {
      CnpgClusterFields.unknown(resource).forEach(f -> problems.add(id + ": unknown field " + f));
    } else if (typed instanceof GenericKubernetesResource) {
      problems.add(id + ": unknown apiVersion/kind " + apiVersion + " " + kind);
    } else {
      unknownFields(typed, id, Collections.newSetFromMap(new IdentityHashMap<>()));
    }
  }

  private static String version(String apiVersion) {
    return apiVersion.substring(apiVersion.indexOf('/') + 1);
  }

  /**
   * The typed model keeps fields it does not know in additionalProperties: a misspelt field (say
   * {@code readinesProbe}) would otherwise be silently ignored by the API server's pruning.
   */
  private void unknownFields(Object node, String path, Set<Object> seen) {
    if (node == null || !seen.add(node)) {
      return;
    }
    if (node instanceof Collection<?> collection) {
      collection.forEach(e -> unknownFields(e, path + "[]", seen));
      return;
    }
    if (node instanceof Map<?, ?> map) {
      map.forEach((k, v) -> unknownFields(v, path + "." + k, seen));
      return;
    }
    String type = node.getClass().getName();
    boolean model =
        type.startsWith("io.fabric8.kubernetes.api.model")
            || type.startsWith("io.fabric8.openshift.api.model")
            || type.startsWith("io.strimzi.api");
    if (!model || node instanceof Quantity || node instanceof Enum<?>) {
      return;
    }
    for (Method method : node.getClass().getMethods()) {
      if (method.getParameterCount() != 0
          || !method.getName().startsWith("get")
          || method.getName().equals("getClass")) {
        continue;
      }
      Object value;
      try {
        value = method.invoke(node);
      } catch (ReflectiveOperationException e) {
        continue;
      }
      if (method.getName().equals("getAdditionalProperties")) {
        if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
          problems.add(path + ": unknown field(s) " + extra.keySet());
        }
        continue;
      }
      unknownFields(value, path + "." + lowerFirst(method.getName().substring(3)), seen);
    }
  }

  private static String lowerFirst(String s) {
    return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }

  private void checkNoInlinedSecret(Map<String, Object> resource) {
    String id = kind(resource) + " " + name(resource);
    if ("Secret".equals(kind(resource))
        && (!map(resource, "data").isEmpty() || !map(resource, "stringData").isEmpty())) {
      problems.add(id + ": inlines secret values (create Secrets outside the manifests)");
    }
    if ("ConfigMap".equals(kind(resource))) {
      for (String key : map(resource, "data").keySet()) {
        if (SECRET_LIKE.matcher(key.toUpperCase()).matches()) {
          problems.add(id + ": key " + key + " looks like a secret; reference a Secret instead");
        }
      }
    }
  }
}
