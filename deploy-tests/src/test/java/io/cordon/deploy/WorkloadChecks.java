package io.cordon.deploy;

import static io.cordon.deploy.Node.at;
import static io.cordon.deploy.Node.list;
import static io.cordon.deploy.Node.map;
import static io.cordon.deploy.Node.maps;
import static io.cordon.deploy.Node.name;
import static io.cordon.deploy.Node.str;

import io.fabric8.kubernetes.api.model.Quantity;
import io.strimzi.api.kafka.model.kafka.KafkaResources;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Each service Deployment: replicas, probes, resources, security context, its environment (every
 * config key production needs, secrets only by reference, a heap bound to the memory limit) and, in
 * ha, anti-affinity. Records each service's environment for the checks that follow.
 */
final class WorkloadChecks extends Checks {
  /** The local stack's dev issuer (service-commons {@code TokenSettingsGuard.LOCAL_ISSUER}). */
  static final String LOCAL_ISSUER = "https://cordon.local/dev";

  /**
   * Health, metrics and OpenAPI live on Quarkus' management interface (the images are built with
   * {@code quarkus.management.enabled=true}, deploy/kubernetes/README.md "Images"), default port.
   */
  static final String MANAGEMENT_PORT_NAME = "management";

  static final int MANAGEMENT_PORT = 9000;

  WorkloadChecks(Manifest manifest) {
    super(manifest);
  }

  @Override
  void run() {
    List<Map<String, Object>> deployments = ofKind("Deployment");
    if (deployments.isEmpty()) {
      problems.add("no Deployment rendered");
    }
    deployments.forEach(this::checkDeployment);
  }

  /** Keys of the app Secret CloudNativePG writes for a cluster's owner ({cluster}-app). */
  static final Set<String> CNPG_APP_SECRET_KEYS =
      Set.of("username", "password", "host", "port", "dbname", "uri", "jdbc-uri", "pgpass");

  /** Keys of the cluster CA Secret Strimzi writes ({kafka}-cluster-ca-cert). */
  static final Set<String> STRIMZI_CA_SECRET_KEYS = Set.of("ca.crt", "ca.p12", "ca.password");

  /** Keys of the Secret Strimzi's User Operator writes for a TLS KafkaUser ({user}). */
  static final Set<String> STRIMZI_USER_SECRET_KEYS =
      Set.of("ca.crt", "user.crt", "user.key", "user.p12", "user.password");

  private void checkDeployment(Map<String, Object> deployment) {
    String service = name(deployment);
    String id = "Deployment " + service;
    Map<String, Object> podLabels = map(deployment, "spec.template.metadata.labels");
    if (!Selectors.matches(map(deployment, "spec.selector"), podLabels)
        || map(deployment, "spec.selector.matchLabels").isEmpty()) {
      problems.add(id + ": spec.selector does not match the pod template's labels");
    }
    Object replicas = at(deployment, "spec.replicas");
    if (!Objects.equals(expected.serviceReplicas(), replicas)) {
      problems.add(id + ": replicas " + replicas + ", expected " + expected.serviceReplicas());
    }
    Map<String, Object> pod = map(deployment, "spec.template.spec");
    checkPodSecurity(id, pod);
    List<Map<String, Object>> containers = maps(pod, "containers");
    if (containers.size() != 1) {
      problems.add(id + ": expected exactly one container");
      return;
    }
    Map<String, Object> container = containers.get(0);
    checkContainer(id, pod, container);
    Map<String, String> env = environment(id, container);
    environments.put(service, env);
    checkRequiredConfig(id, service, env);
    checkSecretReferences(id, pod, container);
    String profile = env.get("QUARKUS_PROFILE");
    if (profile != null && (profile.contains("dev") || profile.contains("test"))) {
      // those profiles carry public keys and relaxed checks (e.g. a public encryption key)
      problems.add(id + ": QUARKUS_PROFILE " + profile + " is for development and tests only");
    }
    if ("true".equalsIgnoreCase(env.get("CORDON_NOTIFICATION_ALLOW_PRIVATE_TARGETS"))) {
      problems.add(id + ": partner webhooks to private addresses are for the local stack only");
    }
    if (env.get("MP_JWT_VERIFY_AUDIENCES") == null) {
      problems.add(id + ": MP_JWT_VERIFY_AUDIENCES unset: tokens for other apps would pass");
    }
    if (LOCAL_ISSUER.equals(env.get("MP_JWT_VERIFY_ISSUER"))) {
      problems.add(id + ": MP_JWT_VERIFY_ISSUER is the local stack's dev issuer");
    }
    for (String localOnly :
        List.of(
            "CORDON_DASHBOARD_DEV_SIGN_IN_ENABLED",
            "CORDON_DASHBOARD_DEV_SIGN_IN_LOCAL_STACK",
            "CORDON_SECURITY_TOKEN_LOCAL_STACK",
            "CORDON_SECURITY_TOKEN_ALLOW_MISSING_AUDIENCE",
            "QUARKUS_SWAGGER_UI_ENABLE")) {
      if ("true".equalsIgnoreCase(env.get(localOnly))) {
        problems.add(id + ": " + localOnly + " is for the local stack and tests only");
      }
    }
    if (env.values().stream().noneMatch(v -> v != null && v.contains("-XX:MaxRAMPercentage="))) {
      problems.add(id + ": no -XX:MaxRAMPercentage: the heap would ignore the memory limit");
    }
    if (expected.highAvailability()) {
      checkAntiAffinity(id, deployment, pod, podLabels);
    }
  }

  private void checkPodSecurity(String id, Map<String, Object> pod) {
    if (!Boolean.TRUE.equals(at(pod, "securityContext.runAsNonRoot"))) {
      problems.add(id + ": pod securityContext.runAsNonRoot must be true");
    }
    if (!Boolean.FALSE.equals(at(pod, "automountServiceAccountToken"))) {
      problems.add(id + ": the services never call the Kubernetes API; mount no token");
    }
  }

  private void checkContainer(String id, Map<String, Object> pod, Map<String, Object> container) {
    String image = str(container, "image");
    if (image == null || image.isBlank()) {
      problems.add(id + ": container has no image");
    }
    checkProbe(id, container, "readinessProbe", "/q/health/ready");
    checkProbe(id, container, "livenessProbe", "/q/health/live");
    checkProbe(id, container, "startupProbe", null);
    for (String resource : List.of("cpu", "memory")) {
      Object request = at(container, "resources.requests." + resource);
      Object limit = at(container, "resources.limits." + resource);
      if (request == null || limit == null) {
        problems.add(id + ": resources.requests and .limits need " + resource);
      } else if (amount(request).compareTo(amount(limit)) > 0) {
        problems.add(id + ": " + resource + " request exceeds its limit");
      }
    }
    Map<String, Object> security = map(container, "securityContext");
    if (!Boolean.TRUE.equals(security.get("readOnlyRootFilesystem"))) {
      problems.add(id + ": readOnlyRootFilesystem must be true");
    }
    if (!Boolean.FALSE.equals(security.get("allowPrivilegeEscalation"))) {
      problems.add(id + ": allowPrivilegeEscalation must be false");
    }
    if (!list(security, "capabilities.drop").contains("ALL")) {
      problems.add(id + ": capabilities must drop ALL");
    }
    Map<String, Map<String, Object>> volumes = new LinkedHashMap<>();
    maps(pod, "volumes").forEach(v -> volumes.put(str(v, "name"), v));
    boolean writableTmp = false;
    for (Map<String, Object> mount : maps(container, "volumeMounts")) {
      Map<String, Object> volume = volumes.get(str(mount, "name"));
      if (volume == null) {
        problems.add(id + ": volumeMount " + str(mount, "name") + " has no volume");
      } else if ("/tmp".equals(str(mount, "mountPath")) && volume.containsKey("emptyDir")) {
        writableTmp = true;
      }
    }
    if (!writableTmp) {
      problems.add(id + ": a read-only root needs an emptyDir on /tmp");
    }
  }

  private static java.math.BigDecimal amount(Object quantity) {
    return Quantity.getAmountInBytes(new Quantity(String.valueOf(quantity)));
  }

  private void checkProbe(
      String id, Map<String, Object> container, String probe, String expectedPath) {
    Map<String, Object> httpGet = map(container, probe + ".httpGet");
    if (httpGet.isEmpty()) {
      problems.add(id + ": " + probe + " with httpGet is required");
      return;
    }
    if (expectedPath != null && !expectedPath.equals(httpGet.get("path"))) {
      problems.add(id + ": " + probe + " must probe " + expectedPath);
    }
    if (!hasPort(container, httpGet.get("port"))) {
      problems.add(id + ": " + probe + " port " + httpGet.get("port") + " is not a container port");
    }
    if (!MANAGEMENT_PORT_NAME.equals(String.valueOf(httpGet.get("port")))
        || containerPort(container, MANAGEMENT_PORT_NAME) != MANAGEMENT_PORT) {
      problems.add(
          id
              + ": "
              + probe
              + " must use the management port ("
              + MANAGEMENT_PORT
              + "), not the API");
    }
  }

  /**
   * The container's environment by name: literal values, null for values from a Secret or field,
   * and every key of each envFrom ConfigMap (which must be rendered too).
   */
  private Map<String, String> environment(String id, Map<String, Object> container) {
    Map<String, String> env = new LinkedHashMap<>();
    for (Map<String, Object> source : maps(container, "envFrom")) {
      String configMap = str(source, "configMapRef.name");
      if (configMap != null) {
        Map<String, Object> found = find("ConfigMap", configMap);
        if (found == null) {
          problems.add(id + ": envFrom ConfigMap " + configMap + " is not rendered");
        } else {
          map(found, "data").forEach((k, v) -> env.put(k, String.valueOf(v)));
        }
      }
    }
    for (Map<String, Object> variable : maps(container, "env")) {
      String name = str(variable, "name");
      if (variable.containsKey("value")) {
        String value = str(variable, "value");
        env.put(name, value);
        if (SECRET_LIKE.matcher(name).matches() && value != null && !value.isEmpty()) {
          problems.add(id + ": env " + name + " has a literal value; use a secretKeyRef");
        }
      } else if (!Boolean.TRUE.equals(at(variable, "valueFrom.secretKeyRef.optional"))) {
        env.put(name, null);
      } else {
        env.put(name, "optional:" + str(variable, "valueFrom.secretKeyRef.name"));
      }
    }
    return env;
  }

  private void checkRequiredConfig(String id, String service, Map<String, String> env) {
    Set<String> required = expected.requiredConfig().get(service);
    if (required == null) {
      problems.add(id + ": not a Cordon service (no required config known)");
      return;
    }
    for (String key : required) {
      String variable = RequiredConfig.envName(key);
      if (!env.containsKey(variable)) {
        problems.add(id + ": required config " + key + " (" + variable + ") is not provided");
      } else if (env.get(variable) != null && env.get(variable).startsWith("optional:")) {
        problems.add(id + ": required config " + key + " comes from an optional Secret key");
      }
    }
  }

  /** Every Secret a service reads is generated by an operator or documented for the operator. */
  private void checkSecretReferences(
      String id, Map<String, Object> pod, Map<String, Object> container) {
    Map<String, Set<String>> used = new LinkedHashMap<>();
    for (Map<String, Object> variable : maps(container, "env")) {
      String secret = str(variable, "valueFrom.secretKeyRef.name");
      if (secret != null) {
        used.computeIfAbsent(secret, s -> new LinkedHashSet<>())
            .add(str(variable, "valueFrom.secretKeyRef.key"));
      }
    }
    for (Map<String, Object> source : maps(container, "envFrom")) {
      if (str(source, "secretRef.name") != null) {
        used.computeIfAbsent(str(source, "secretRef.name"), s -> new LinkedHashSet<>());
      }
    }
    for (Map<String, Object> volume : maps(pod, "volumes")) {
      String secret = str(volume, "secret.secretName");
      if (secret != null) {
        Set<String> keys = used.computeIfAbsent(secret, s -> new LinkedHashSet<>());
        maps(volume, "secret.items").forEach(item -> keys.add(str(item, "key")));
      }
    }
    used.forEach(
        (secret, keys) -> {
          Set<String> generated = generatedSecretKeys(secret);
          if (generated != null) {
            keys.stream()
                .filter(k -> !generated.contains(k))
                .forEach(k -> problems.add(id + ": Secret " + secret + " has no key " + k));
          } else if (!expected.documentation().contains(secret)) {
            problems.add(id + ": Secret " + secret + " is neither generated nor documented");
          } else {
            keys.stream()
                .filter(k -> !expected.documentation().contains(k))
                .forEach(
                    k -> problems.add(id + ": key " + k + " of " + secret + " is undocumented"));
          }
        });
  }

  /** The keys of a Secret an operator in the overlay generates, or null if none does. */
  private Set<String> generatedSecretKeys(String secret) {
    for (Map<String, Object> cluster : ofKind("Cluster")) {
      if (secret.equals(name(cluster) + "-app")) {
        return CNPG_APP_SECRET_KEYS;
      }
    }
    for (Map<String, Object> kafka : ofKind("Kafka")) {
      if (secret.equals(KafkaResources.clusterCaCertificateSecretName(name(kafka)))) {
        return STRIMZI_CA_SECRET_KEYS;
      }
    }
    if (find("KafkaUser", secret) != null) {
      return STRIMZI_USER_SECRET_KEYS;
    }
    return null;
  }

  private void checkAntiAffinity(
      String id,
      Map<String, Object> deployment,
      Map<String, Object> pod,
      Map<String, Object> labels) {
    boolean spread = false;
    for (Map<String, Object> term :
        maps(pod, "affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution")) {
      spread |=
          "kubernetes.io/hostname".equals(str(term, "topologyKey"))
              && Selectors.matches(map(term, "labelSelector"), labels);
    }
    if (!spread) {
      problems.add(id + ": ha needs required pod anti-affinity on kubernetes.io/hostname");
    }
    Object surge = at(deployment, "spec.strategy.rollingUpdate.maxSurge");
    if (spread && !"0".equals(String.valueOf(surge))) {
      // on exactly as many nodes as replicas, the surge pod would never be scheduled
      problems.add(id + ": required anti-affinity needs maxSurge 0, or a rollout can hang");
    }
  }
}
