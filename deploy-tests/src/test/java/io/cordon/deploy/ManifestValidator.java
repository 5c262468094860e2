package io.cordon.deploy;

import static io.cordon.deploy.Node.at;
import static io.cordon.deploy.Node.kind;
import static io.cordon.deploy.Node.list;
import static io.cordon.deploy.Node.map;
import static io.cordon.deploy.Node.maps;
import static io.cordon.deploy.Node.name;
import static io.cordon.deploy.Node.str;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.kafka.KafkaResources;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.lang.reflect.Method;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a rendered overlay: every document parses, required fields are present, labels and
 * selectors agree, every contract topic has a KafkaTopic, every config key production needs is
 * provided, no secret value is inlined, and the overlay's replica and availability promises hold.
 * Returns the problems found, each naming the resource; an empty list means the overlay is sound.
 */
final class ManifestValidator {
  /** Env var and ConfigMap key names that hold secrets; such values must come from a Secret. */
  static final Pattern SECRET_LIKE =
      Pattern.compile(
          ".*(PASSWORD|SECRET|TOKEN|CREDENTIAL|PRIVATE_?KEY|ENCRYPTION_KEY|API_?KEY).*");

  /**
   * Strimzi resources parse with Strimzi's own model (io.strimzi:api); ServiceMonitor with
   * fabric8's monitoring model; CloudNativePG has no Java model, so its Cluster's fields are
   * checked against {@link CnpgClusterFields}. Any other custom resource is reported as unknown.
   */
  static final Map<String, Class<?>> STRIMZI_KINDS =
      Map.of(
          "kafka.strimzi.io/v1beta2/Kafka", Kafka.class,
          "kafka.strimzi.io/v1beta2/KafkaNodePool", KafkaNodePool.class,
          "kafka.strimzi.io/v1beta2/KafkaTopic", KafkaTopic.class);

  static final String CNPG_CLUSTER = "postgresql.cnpg.io/v1/Cluster";

  private static final ObjectMapper STRIMZI_MODEL = new ObjectMapper();

  /** Keys of the app Secret CloudNativePG writes for a cluster's owner ({cluster}-app). */
  static final Set<String> CNPG_APP_SECRET_KEYS =
      Set.of("username", "password", "host", "port", "dbname", "uri", "jdbc-uri", "pgpass");

  /** Keys of the cluster CA Secret Strimzi writes ({kafka}-cluster-ca-cert). */
  static final Set<String> STRIMZI_CA_SECRET_KEYS = Set.of("ca.crt", "ca.p12", "ca.password");

  private static final Pattern DNS_SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  private static final Pattern JDBC_URL =
      Pattern.compile("jdbc:postgresql://([^:/]+)(?::(\\d+))?/([^?]+).*");

  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private final List<Map<String, Object>> resources;
  private final Expectations expected;
  private final List<String> problems = new ArrayList<>();
  private final Map<String, Map<String, String>> environments = new LinkedHashMap<>();

  private ManifestValidator(List<Map<String, Object>> resources, Expectations expected) {
    this.resources = resources;
    this.expected = expected;
  }

  static List<String> problems(List<Map<String, Object>> resources, Expectations expected) {
    ManifestValidator validator = new ManifestValidator(resources, expected);
    validator.validate();
    return validator.problems;
  }

  private void validate() {
    resources.forEach(this::checkDocument);
    if (!problems.isEmpty()) {
      return; // the cross-checks below assume well-formed documents
    }
    resources.forEach(this::checkNoInlinedSecret);
    List<Map<String, Object>> deployments = ofKind("Deployment");
    if (deployments.isEmpty()) {
      problems.add("no Deployment rendered");
    }
    for (Map<String, Object> deployment : deployments) {
      checkDeployment(deployment);
    }
    ofKind("Service").forEach(this::checkService);
    checkServiceMonitors();
    checkNetworkPolicies(deployments);
    checkDisruptionBudgets(deployments);
    checkKafka();
    checkTopics();
    checkPostgres();
    checkDashboard();
  }

  // --- every document -------------------------------------------------------------------------

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

  // --- services -------------------------------------------------------------------------------

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
    checkDatasource(id, deployment, container, env);
    checkKafkaClient(id, deployment, container, env);
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
    if (env.values().stream().noneMatch(v -> v != null && v.contains("-XX:MaxRAMPercentage="))) {
      problems.add(id + ": no -XX:MaxRAMPercentage: the heap would ignore the memory limit");
    }
    if (expected.highAvailability()) {
      checkAntiAffinity(id, pod, podLabels);
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
  }

  private static boolean hasPort(Map<String, Object> container, Object port) {
    for (Map<String, Object> declared : maps(container, "ports")) {
      if (Objects.equals(String.valueOf(port), str(declared, "name"))
          || Objects.equals(String.valueOf(port), str(declared, "containerPort"))) {
        return true;
      }
    }
    return false;
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
    return null;
  }

  /** The JDBC URL names a rendered CNPG cluster's -rw Service and its database; credentials too. */
  private void checkDatasource(
      String id,
      Map<String, Object> deployment,
      Map<String, Object> container,
      Map<String, String> env) {
    String url = env.get("QUARKUS_DATASOURCE_JDBC_URL");
    Matcher jdbc = JDBC_URL.matcher(url == null ? "" : url);
    if (!jdbc.matches()) {
      problems.add(id + ": QUARKUS_DATASOURCE_JDBC_URL is not a literal PostgreSQL JDBC URL");
      return;
    }
    String host = jdbc.group(1).split("\\.")[0];
    Map<String, Object> cluster = null;
    for (Map<String, Object> candidate : ofKind("Cluster")) {
      if (host.equals(name(candidate) + "-rw")) {
        cluster = candidate;
      }
    }
    if (cluster == null) {
      problems.add(id + ": the JDBC URL's host " + host + " is no CNPG cluster's -rw Service");
      return;
    }
    String clusterName = name(cluster);
    if (!jdbc.group(3).equals(str(cluster, "spec.bootstrap.initdb.database"))) {
      problems.add(id + ": database " + jdbc.group(3) + " is not what " + clusterName + " creates");
    }
    for (String variable : List.of("QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD")) {
      String secret = secretOf(container, variable);
      if (!Objects.equals(clusterName + "-app", secret)) {
        problems.add(id + ": " + variable + " must come from Secret " + clusterName + "-app");
      }
    }
    Map<String, Object> podLabels = map(deployment, "spec.template.metadata.labels");
    Map<String, Object> instance =
        Map.of("cnpg.io/cluster", clusterName, "cnpg.io/podRole", "instance", "role", "primary");
    if (!egressAllowed(podLabels, ownNamespace(), instance, 5432)) {
      problems.add(id + ": no NetworkPolicy egress to its PostgreSQL " + clusterName + " on 5432");
    }
  }

  private static String secretOf(Map<String, Object> container, String variable) {
    for (Map<String, Object> env : maps(container, "env")) {
      if (variable.equals(str(env, "name"))) {
        return str(env, "valueFrom.secretKeyRef.name");
      }
    }
    return null;
  }

  /** The bootstrap address is a Strimzi listener of a rendered Kafka, reachable and trusted. */
  private void checkKafkaClient(
      String id,
      Map<String, Object> deployment,
      Map<String, Object> container,
      Map<String, String> env) {
    String bootstrap = env.get("KAFKA_BOOTSTRAP_SERVERS");
    if (bootstrap == null || !bootstrap.contains(":")) {
      problems.add(id + ": KAFKA_BOOTSTRAP_SERVERS is not a literal host:port");
      return;
    }
    String host = bootstrap.substring(0, bootstrap.lastIndexOf(':')).split("\\.")[0];
    int port = Integer.parseInt(bootstrap.substring(bootstrap.lastIndexOf(':') + 1));
    Map<String, Object> kafka = null;
    for (Map<String, Object> candidate : ofKind("Kafka")) {
      if (host.equals(KafkaResources.bootstrapServiceName(name(candidate)))) {
        kafka = candidate;
      }
    }
    if (kafka == null) {
      problems.add(id + ": " + host + " is no Strimzi Kafka's bootstrap Service");
      return;
    }
    Map<String, Object> listener = null;
    for (Map<String, Object> candidate : maps(kafka, "spec.kafka.listeners")) {
      if (Objects.equals(String.valueOf(port), str(candidate, "port"))) {
        listener = candidate;
      }
    }
    if (listener == null) {
      problems.add(id + ": Kafka " + name(kafka) + " has no listener on " + port);
      return;
    }
    Map<String, Object> podLabels = map(deployment, "spec.template.metadata.labels");
    List<Map<String, Object>> peers = maps(listener, "networkPolicyPeers");
    if (!peers.isEmpty()
        && peers.stream().noneMatch(p -> Selectors.matches(map(p, "podSelector"), podLabels))) {
      problems.add(id + ": Kafka listener " + port + "'s networkPolicyPeers exclude its pods");
    }
    if (Boolean.TRUE.equals(listener.get("tls"))) {
      if (!"SSL".equals(env.get("KAFKA_SECURITY_PROTOCOL"))) {
        problems.add(id + ": the Kafka listener is TLS; KAFKA_SECURITY_PROTOCOL must be SSL");
      }
      String truststore = env.get("KAFKA_SSL_TRUSTSTORE_LOCATION");
      boolean mounted = false;
      for (Map<String, Object> mount : maps(container, "volumeMounts")) {
        for (Map<String, Object> volume : maps(deployment, "spec.template.spec.volumes")) {
          mounted |=
              Objects.equals(str(mount, "name"), str(volume, "name"))
                  && Objects.equals(
                      KafkaResources.clusterCaCertificateSecretName(name(kafka)),
                      str(volume, "secret.secretName"))
                  && truststore != null
                  && truststore.startsWith(str(mount, "mountPath") + "/");
        }
      }
      if (!mounted) {
        problems.add(id + ": KAFKA_SSL_TRUSTSTORE_LOCATION is not in the mounted cluster CA");
      }
    }
    // the labels Strimzi puts on a broker pod of a node pool
    Map<String, Object> broker =
        Map.of(
            "strimzi.io/cluster",
            name(kafka),
            "strimzi.io/kind",
            "Kafka",
            "strimzi.io/name",
            name(kafka) + "-kafka",
            "strimzi.io/broker-role",
            "true");
    if (!egressAllowed(podLabels, ownNamespace(), broker, port)) {
      problems.add(id + ": no NetworkPolicy egress to Kafka " + name(kafka) + " on " + port);
    }
  }

  private void checkAntiAffinity(String id, Map<String, Object> pod, Map<String, Object> labels) {
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
  }

  private void checkService(Map<String, Object> service) {
    String id = "Service " + name(service);
    Map<String, Object> selector = map(service, "spec.selector");
    List<Map<String, Object>> backends =
        ofKind("Deployment").stream()
            .filter(d -> Selectors.mapMatches(selector, map(d, "spec.template.metadata.labels")))
            .toList();
    if (backends.size() != 1) {
      problems.add(id + ": selector matches " + backends.size() + " Deployments, expected 1");
      return;
    }
    Map<String, Object> container = maps(backends.get(0), "spec.template.spec.containers").get(0);
    for (Map<String, Object> port : maps(service, "spec.ports")) {
      Object target = port.getOrDefault("targetPort", port.get("port"));
      if (!hasPort(container, target)) {
        problems.add(id + ": targetPort " + target + " is not a port of its pods");
      }
    }
  }

  private void checkServiceMonitors() {
    List<Map<String, Object>> monitors = ofKind("ServiceMonitor");
    for (Map<String, Object> service : ofKind("Service")) {
      boolean scraped = false;
      for (Map<String, Object> monitor : monitors) {
        if (Selectors.matches(map(monitor, "spec.selector"), map(service, "metadata.labels"))) {
          scraped = true;
          for (Map<String, Object> endpoint : maps(monitor, "spec.endpoints")) {
            boolean portExists =
                maps(service, "spec.ports").stream()
                    .anyMatch(p -> Objects.equals(str(p, "name"), str(endpoint, "port")));
            if (!portExists) {
              problems.add(
                  "ServiceMonitor "
                      + name(monitor)
                      + ": Service "
                      + name(service)
                      + " has no port named "
                      + str(endpoint, "port"));
            }
            if (!"/q/metrics".equals(str(endpoint, "path"))) {
              problems.add("ServiceMonitor " + name(monitor) + ": path must be /q/metrics");
            }
          }
        }
      }
      if (!scraped) {
        problems.add("Service " + name(service) + ": no ServiceMonitor selects it");
      }
    }
  }

  // --- network policies -----------------------------------------------------------------------

  private void checkNetworkPolicies(List<Map<String, Object>> deployments) {
    for (Map<String, Object> deployment : deployments) {
      String id = "Deployment " + name(deployment);
      Map<String, Object> labels = map(deployment, "spec.template.metadata.labels");
      List<Map<String, Object>> policies = policiesFor(labels);
      if (policies.size() != 1) {
        problems.add(id + ": " + policies.size() + " NetworkPolicies select it, expected 1");
        continue;
      }
      Map<String, Object> policy = policies.get(0);
      List<Object> types = list(policy, "spec.policyTypes");
      if (!types.contains("Ingress") || !types.contains("Egress")) {
        problems.add(id + ": its NetworkPolicy must restrict both Ingress and Egress");
      }
      Map<String, Object> container = maps(deployment, "spec.template.spec.containers").get(0);
      for (Map<String, Object> rule : maps(policy, "spec.ingress")) {
        if (maps(rule, "from").isEmpty()) {
          problems.add(id + ": an ingress rule admits every source");
        }
        for (Map<String, Object> port : maps(rule, "ports")) {
          if (!hasPort(container, port.get("port"))) {
            problems.add(id + ": ingress port " + port.get("port") + " is not a container port");
          }
        }
      }
      for (Map<String, Object> rule : maps(policy, "spec.egress")) {
        if (maps(rule, "ports").isEmpty()) {
          problems.add(id + ": an egress rule allows every port");
        }
      }
      Map<String, Object> kubeSystem = Map.of("kubernetes.io/metadata.name", "kube-system");
      if (!egressAllowed(labels, kubeSystem, Map.of("k8s-app", "kube-dns"), 53)) {
        problems.add(id + ": no egress to DNS (kube-dns, 53)");
      }
      Map<String, String> env = environments.getOrDefault(name(deployment), Map.of());
      List<String> httpsTargets = new ArrayList<>();
      httpsTargets.add(env.get("MP_JWT_VERIFY_PUBLICKEY_LOCATION"));
      if (env.containsKey("CORDON_GRAPH_TENANT_ID")) { // Graph and Entra ID
        httpsTargets.add("https://graph.microsoft.com");
      }
      for (String target : httpsTargets) {
        if (target != null && target.startsWith("https://") && !publicEgress(labels, 443)) {
          problems.add(id + ": no egress to public addresses on 443 for " + target);
        }
      }
      checkServiceCalls(id, labels, env);
      String smtpPort = env.get("QUARKUS_MAILER_PORT");
      if (smtpPort != null && !egressOnPort(labels, Integer.parseInt(smtpPort))) {
        problems.add(id + ": no egress to SMTP port " + smtpPort);
      }
    }
  }

  /**
   * A REST client URL (QUARKUS_REST_CLIENT_*_URL) naming another service must name a rendered
   * Service and port, and both NetworkPolicies must let the call through: egress of the caller,
   * ingress of the callee.
   */
  private void checkServiceCalls(
      String id, Map<String, Object> callerLabels, Map<String, String> env) {
    env.forEach(
        (variable, value) -> {
          if (!variable.matches("QUARKUS_REST_CLIENT_.+_URL") || value == null) {
            return;
          }
          URI uri = URI.create(value);
          String host = uri.getHost() == null ? "" : uri.getHost().split("\\.")[0];
          int port = uri.getPort() > 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
          Map<String, Object> service = find("Service", host);
          if (service == null) {
            problems.add(id + ": " + variable + " names no rendered Service (" + host + ")");
            return;
          }
          Map<String, Object> servicePort =
              maps(service, "spec.ports").stream()
                  .filter(p -> String.valueOf(port).equals(str(p, "port")))
                  .findFirst()
                  .orElse(null);
          Map<String, Object> callee =
              ofKind("Deployment").stream()
                  .filter(
                      d ->
                          Selectors.mapMatches(
                              map(service, "spec.selector"),
                              map(d, "spec.template.metadata.labels")))
                  .findFirst()
                  .orElse(null);
          if (servicePort == null || callee == null) {
            problems.add(id + ": " + variable + " names no port " + port + " of a served Service");
            return;
          }
          Map<String, Object> container = maps(callee, "spec.template.spec.containers").get(0);
          int containerPort = containerPort(container, servicePort.get("targetPort"));
          Map<String, Object> calleeLabels = map(callee, "spec.template.metadata.labels");
          if (!egressAllowed(callerLabels, ownNamespace(), calleeLabels, containerPort)) {
            problems.add(id + ": no NetworkPolicy egress to " + host + " on " + containerPort);
          }
          if (!ingressAllowed(calleeLabels, callerLabels, containerPort)) {
            problems.add(
                "Deployment "
                    + name(callee)
                    + ": its NetworkPolicy does not admit "
                    + id
                    + " on "
                    + containerPort);
          }
        });
  }

  private static int containerPort(Map<String, Object> container, Object targetPort) {
    for (Map<String, Object> port : maps(container, "ports")) {
      if (Objects.equals(String.valueOf(targetPort), str(port, "name"))
          || Objects.equals(String.valueOf(targetPort), str(port, "containerPort"))) {
        return Integer.parseInt(str(port, "containerPort"));
      }
    }
    return -1;
  }

  /** Whether the callee's policies admit pods carrying callerLabels (same namespace) on port. */
  private boolean ingressAllowed(
      Map<String, Object> calleeLabels, Map<String, Object> callerLabels, int port) {
    for (Map<String, Object> policy : policiesFor(calleeLabels)) {
      for (Map<String, Object> rule : maps(policy, "spec.ingress")) {
        boolean peer =
            maps(rule, "from").stream()
                .anyMatch(
                    from ->
                        from.containsKey("podSelector")
                            && Selectors.matches(map(from, "podSelector"), callerLabels)
                            && (!from.containsKey("namespaceSelector")
                                || Selectors.matches(
                                    map(from, "namespaceSelector"), ownNamespace())));
        if (peer && portListed(rule, port)) {
          return true;
        }
      }
    }
    return false;
  }

  private List<Map<String, Object>> policiesFor(Map<String, Object> podLabels) {
    return ofKind("NetworkPolicy").stream()
        .filter(p -> Selectors.matches(map(p, "spec.podSelector"), podLabels))
        .toList();
  }

  private Map<String, Object> ownNamespace() {
    return Map.of("kubernetes.io/metadata.name", expected.namespace());
  }

  /**
   * Whether a policy of these pods lets them reach, on port, a pod carrying peerLabels in a
   * namespace carrying namespaceLabels (a peer without namespaceSelector means the policy's own).
   */
  private boolean egressAllowed(
      Map<String, Object> podLabels,
      Map<String, Object> namespaceLabels,
      Map<String, Object> peerLabels,
      int port) {
    for (Map<String, Object> policy : policiesFor(podLabels)) {
      for (Map<String, Object> rule : maps(policy, "spec.egress")) {
        boolean peer =
            maps(rule, "to").stream()
                .anyMatch(
                    to ->
                        to.containsKey("podSelector")
                            && Selectors.matches(map(to, "podSelector"), peerLabels)
                            && (to.containsKey("namespaceSelector")
                                ? Selectors.matches(map(to, "namespaceSelector"), namespaceLabels)
                                : namespaceLabels.equals(ownNamespace())));
        if (peer && portListed(rule, port)) {
          return true;
        }
      }
    }
    return false;
  }

  private boolean publicEgress(Map<String, Object> podLabels, int port) {
    for (Map<String, Object> policy : policiesFor(podLabels)) {
      for (Map<String, Object> rule : maps(policy, "spec.egress")) {
        boolean internet =
            maps(rule, "to").stream().anyMatch(to -> "0.0.0.0/0".equals(str(to, "ipBlock.cidr")));
        if (internet && portListed(rule, port)) {
          return true;
        }
      }
    }
    return false;
  }

  private boolean egressOnPort(Map<String, Object> podLabels, int port) {
    return policiesFor(podLabels).stream()
        .flatMap(p -> maps(p, "spec.egress").stream())
        .anyMatch(rule -> portListed(rule, port));
  }

  private static boolean portListed(Map<String, Object> rule, int port) {
    return maps(rule, "ports").stream()
        .anyMatch(p -> Objects.equals(String.valueOf(port), str(p, "port")));
  }

  private void checkDisruptionBudgets(List<Map<String, Object>> deployments) {
    List<Map<String, Object>> budgets = ofKind("PodDisruptionBudget");
    for (Map<String, Object> deployment : deployments) {
      String id = "Deployment " + name(deployment);
      Map<String, Object> labels = map(deployment, "spec.template.metadata.labels");
      List<Map<String, Object>> matching =
          budgets.stream().filter(b -> Selectors.matches(map(b, "spec.selector"), labels)).toList();
      if (expected.highAvailability() && matching.size() != 1) {
        problems.add(id + ": ha needs exactly one PodDisruptionBudget, found " + matching.size());
      }
      if (!expected.highAvailability() && !matching.isEmpty()) {
        problems.add(id + ": a single replica with a PodDisruptionBudget blocks node drains");
      }
      for (Map<String, Object> budget : matching) {
        Object minAvailable = at(budget, "spec.minAvailable");
        Object maxUnavailable = at(budget, "spec.maxUnavailable");
        boolean drainable =
            (maxUnavailable != null && !"0".equals(String.valueOf(maxUnavailable)))
                || (minAvailable instanceof Integer min && min < expected.serviceReplicas());
        if (!drainable) {
          problems.add("PodDisruptionBudget " + name(budget) + ": would never allow a drain");
        }
      }
    }
    for (Map<String, Object> budget : budgets) {
      boolean used =
          deployments.stream()
              .anyMatch(
                  d ->
                      Selectors.matches(
                          map(budget, "spec.selector"), map(d, "spec.template.metadata.labels")));
      if (!used) {
        problems.add("PodDisruptionBudget " + name(budget) + ": selects no Deployment");
      }
    }
  }

  // --- Kafka, topics, PostgreSQL, dashboard ---------------------------------------------------

  private void checkKafka() {
    List<Map<String, Object>> clusters = ofKind("Kafka");
    if (clusters.size() != 1) {
      problems.add("expected one Strimzi Kafka, found " + clusters.size());
      return;
    }
    Map<String, Object> kafka = clusters.get(0);
    String id = "Kafka " + name(kafka);
    if (!"enabled".equals(map(kafka, "metadata.annotations").get("strimzi.io/node-pools"))) {
      problems.add(id + ": needs annotation strimzi.io/node-pools: enabled");
    }
    if (!"enabled".equals(map(kafka, "metadata.annotations").get("strimzi.io/kraft"))) {
      problems.add(id + ": needs annotation strimzi.io/kraft: enabled (KRaft, no ZooKeeper)");
    }
    if (at(kafka, "spec.kafka.listeners") == null
        || at(kafka, "spec.entityOperator.topicOperator") == null) {
      problems.add(id + ": needs listeners and the topic operator (KafkaTopic resources)");
    }
    Map<String, Object> config = map(kafka, "spec.kafka.config");
    expectNumber(id, config, "default.replication.factor", expected.kafkaReplicas());
    expectNumber(id, config, "offsets.topic.replication.factor", expected.kafkaReplicas());
    expectNumber(id, config, "transaction.state.log.replication.factor", expected.kafkaReplicas());
    expectNumber(id, config, "min.insync.replicas", expected.minInsyncReplicas());
    if (!Boolean.FALSE.equals(config.get("auto.create.topics.enable"))) {
      problems.add(id + ": auto.create.topics.enable must be false (topics are KafkaTopics)");
    }
    int brokers = 0;
    for (Map<String, Object> pool : ofKind("KafkaNodePool")) {
      if (!name(kafka).equals(map(pool, "metadata.labels").get("strimzi.io/cluster"))) {
        problems.add("KafkaNodePool " + name(pool) + ": strimzi.io/cluster is not " + name(kafka));
      } else if (list(pool, "spec.roles").contains("broker")) {
        brokers += at(pool, "spec.replicas") instanceof Integer n ? n : 0;
      }
    }
    if (brokers != expected.kafkaReplicas()) {
      problems.add(id + ": " + brokers + " broker nodes, expected " + expected.kafkaReplicas());
    }
  }

  private void expectNumber(String id, Map<String, Object> config, String key, int value) {
    if (!Objects.equals(String.valueOf(value), String.valueOf(config.get(key)))) {
      problems.add(id + ": " + key + " is " + config.get(key) + ", expected " + value);
    }
  }

  private void checkTopics() {
    Map<String, Map<String, Object>> byTopic = new LinkedHashMap<>();
    for (Map<String, Object> topic : ofKind("KafkaTopic")) {
      String topicName = Objects.requireNonNullElse(str(topic, "spec.topicName"), name(topic));
      byTopic.put(topicName, topic);
      if (!expected.topics().contains(topicName)) {
        problems.add("KafkaTopic " + topicName + ": not a topic in contracts (Topics.ALL)");
      }
    }
    String kafkaName = ofKind("Kafka").isEmpty() ? null : name(ofKind("Kafka").get(0));
    for (String topicName : expected.topics()) {
      Map<String, Object> topic = byTopic.get(topicName);
      String id = "KafkaTopic " + topicName;
      if (topic == null) {
        problems.add(id + ": missing (every topic in contracts needs one)");
        continue;
      }
      if (!Objects.equals(kafkaName, map(topic, "metadata.labels").get("strimzi.io/cluster"))) {
        problems.add(id + ": strimzi.io/cluster label is not " + kafkaName);
      }
      expectNumber(id, map(topic, "spec"), "replicas", expected.kafkaReplicas());
      expectNumber(
          id, map(topic, "spec.config"), "min.insync.replicas", expected.minInsyncReplicas());
      Object partitions = at(topic, "spec.partitions");
      if (!(partitions instanceof Integer p) || p < expected.serviceReplicas()) {
        problems.add(id + ": fewer partitions than replicas of a consumer leaves some idle");
      }
    }
  }

  private void checkPostgres() {
    for (Map<String, Object> cluster : ofKind("Cluster")) {
      String id = "Cluster " + name(cluster);
      if (!Objects.equals(expected.postgresInstances(), at(cluster, "spec.instances"))) {
        problems.add(
            id
                + ": instances "
                + at(cluster, "spec.instances")
                + ", expected "
                + expected.postgresInstances());
      }
      if (str(cluster, "spec.bootstrap.initdb.database") == null
          || str(cluster, "spec.bootstrap.initdb.owner") == null) {
        problems.add(
            id + ": bootstrap.initdb needs database and owner (they name the app Secret's user)");
      }
      if (str(cluster, "spec.storage.size") == null) {
        problems.add(id + ": storage.size is required");
      }
    }
  }

  private void checkDashboard() {
    boolean found = false;
    for (Map<String, Object> configMap : ofKind("ConfigMap")) {
      if (!map(configMap, "metadata.labels").containsKey("grafana_dashboard")) {
        continue;
      }
      found = true;
      for (Map.Entry<String, Object> entry : map(configMap, "data").entrySet()) {
        try {
          Map<String, Object> dashboard =
              Yaml.asMap(Yaml.JSON.readValue(String.valueOf(entry.getValue()), Map.class));
          List<Map<String, Object>> panels = maps(dashboard, "panels");
          if (panels.isEmpty() || panels.stream().anyMatch(p -> maps(p, "targets").isEmpty())) {
            problems.add("dashboard " + entry.getKey() + ": every panel needs a query");
          }
        } catch (Exception e) {
          problems.add("dashboard " + entry.getKey() + ": not JSON: " + e.getMessage());
        }
      }
    }
    if (!found) {
      problems.add("no ConfigMap labelled grafana_dashboard (Grafana sidecar)");
    }
  }

  // --- lookups --------------------------------------------------------------------------------

  private List<Map<String, Object>> ofKind(String kind) {
    return resources.stream().filter(r -> kind.equals(kind(r))).toList();
  }

  private Map<String, Object> find(String kind, String name) {
    return ofKind(kind).stream().filter(r -> name.equals(name(r))).findFirst().orElse(null);
  }
}
