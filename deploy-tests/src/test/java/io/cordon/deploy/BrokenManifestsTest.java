package io.cordon.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each case breaks one thing in a copy of the rendered ha overlay, the way an edit to a manifest
 * could, and expects the validator to name it: a check that cannot fail would prove nothing.
 */
class BrokenManifestsTest {
  private static List<Map<String, Object>> ha;
  private static Expectations expectations;

  @BeforeAll
  static void render() {
    ha = Kustomize.build(Repository.overlay("ha"));
    expectations = Repository.ha();
  }

  @Test
  void theUnbrokenOverlayHasNoProblem() {
    assertThat(ManifestValidator.problems(copy(), expectations)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("breakages")
  void everyBreakageIsReported(
      String what, Consumer<List<Map<String, Object>>> breakage, String expected) {
    List<Map<String, Object>> resources = copy();
    breakage.accept(resources);

    assertThat(ManifestValidator.problems(resources, expectations))
        .as(what)
        .anyMatch(problem -> problem.contains(expected));
  }

  static Stream<Arguments> breakages() {
    return Stream.of(
        broken(
            "a container without image",
            r -> container(r, "account-service").remove("image"),
            "Deployment account-service: container has no image"),
        broken(
            "no readiness probe",
            r -> container(r, "playbook-service").remove("readinessProbe"),
            "Deployment playbook-service: readinessProbe with httpGet is required"),
        broken(
            "liveness probing the readiness path",
            r ->
                Node.map(container(r, "playbook-service"), "livenessProbe.httpGet")
                    .put("path", "/q/health/ready"),
            "livenessProbe must probe /q/health/live"),
        broken(
            "a misspelt field",
            r -> container(r, "account-service").put("readinesProbe", Map.of()),
            "unknown field(s) [readinesProbe]"),
        broken(
            "a misspelt field in a Strimzi resource",
            r ->
                Node.map(find(r, "Kafka", "cordon-kafka"), "spec.kafka").put("listners", List.of()),
            "unknown field(s) [listners]"),
        broken(
            "a misspelt field in a CloudNativePG Cluster",
            r -> Node.map(find(r, "Cluster", "cordon-account-db"), "spec").put("instance", 3),
            "Cluster cordon-account-db: unknown field spec.instance"),
        broken(
            "a misspelt field in a ServiceMonitor",
            r ->
                Node.maps(find(r, "ServiceMonitor", "cordon-services"), "spec.endpoints")
                    .get(0)
                    .put("pathh", "/q/metrics"),
            "unknown field(s) [pathh]"),
        broken(
            "no memory limit",
            r ->
                Node.map(container(r, "notification-service"), "resources.limits").remove("memory"),
            "Deployment notification-service: resources.requests and .limits need memory"),
        broken(
            "a writable root file system",
            r ->
                Node.map(container(r, "account-service"), "securityContext")
                    .put("readOnlyRootFilesystem", false),
            "readOnlyRootFilesystem must be true"),
        broken(
            "capabilities kept",
            r ->
                Node.map(container(r, "account-service"), "securityContext").remove("capabilities"),
            "capabilities must drop ALL"),
        broken(
            "a Secret with inlined values",
            r ->
                r.add(
                    resource(
                        "v1",
                        "Secret",
                        "cordon-graph-credentials",
                        Map.of("stringData", Map.of("client-secret", "s3cret")))),
            "Secret cordon-graph-credentials: inlines secret values"),
        broken(
            "a secret as a literal env value",
            r -> env(r, "account-service", "CORDON_GRAPH_CLIENT_SECRET").put("value", "s3cret"),
            "env CORDON_GRAPH_CLIENT_SECRET has a literal value"),
        broken(
            "a secret in a ConfigMap",
            r ->
                Node.map(find(r, "ConfigMap", "notification-service-config"), "data")
                    .put("QUARKUS_MAILER_PASSWORD", "s3cret"),
            "key QUARKUS_MAILER_PASSWORD looks like a secret"),
        broken(
            "an undocumented Secret",
            r ->
                Node.map(
                        env(r, "account-service", "CORDON_GRAPH_CLIENT_SECRET"),
                        "valueFrom.secretKeyRef")
                    .put("name", "graph-app-secret"),
            "Secret graph-app-secret is neither generated nor documented"),
        broken(
            "a required config key not provided",
            r ->
                Node.map(find(r, "ConfigMap", "account-service-config"), "data")
                    .remove("CORDON_GRAPH_TENANT_ID"),
            "required config cordon.graph.tenant-id (CORDON_GRAPH_TENANT_ID) is not provided"),
        broken(
            "the encryption key not provided",
            r ->
                Node.list(container(r, "notification-service"), "env")
                    .removeIf(
                        e ->
                            "CORDON_NOTIFICATION_SECRET_ENCRYPTION_KEY"
                                .equals(Node.str(e, "name"))),
            "required config cordon.notification.secret-encryption-key"),
        broken(
            "an envFrom ConfigMap that is not rendered",
            r -> r.remove(find(r, "ConfigMap", "cordon-common-config")),
            "envFrom ConfigMap cordon-common-config is not rendered"),
        broken(
            "a datasource pointing at another service's database",
            r ->
                Node.map(find(r, "ConfigMap", "playbook-service-config"), "data")
                    .put(
                        "QUARKUS_DATASOURCE_JDBC_URL",
                        "jdbc:postgresql://cordon-playbook-db-rw:5432/cordon_account"),
            "database cordon_account is not what cordon-playbook-db creates"),
        broken(
            "database credentials of another cluster",
            r ->
                Node.map(
                        env(r, "account-service", "QUARKUS_DATASOURCE_PASSWORD"),
                        "valueFrom.secretKeyRef")
                    .put("name", "cordon-playbook-db-runtime"),
            "QUARKUS_DATASOURCE_PASSWORD must come from the runtime role's Secret"
                + " cordon-account-db-runtime"),
        broken(
            "a Service selector that matches nothing",
            r ->
                Node.map(find(r, "Service", "playbook-service"), "spec.selector")
                    .put("app.kubernetes.io/name", "playbook"),
            "Service playbook-service: selector matches 0 Deployments"),
        broken(
            "a Service port that is no container port",
            r ->
                Node.maps(find(r, "Service", "account-service"), "spec.ports")
                    .get(0)
                    .put("targetPort", "web"),
            "targetPort web is not a port of its pods"),
        broken(
            "a ServiceMonitor scraping a port that does not exist",
            r ->
                Node.maps(find(r, "ServiceMonitor", "cordon-services"), "spec.endpoints")
                    .get(0)
                    .put("port", "metrics"),
            "has no port named metrics"),
        broken(
            "a Service no ServiceMonitor selects",
            r ->
                Node.map(find(r, "Service", "notification-service"), "metadata.labels")
                    .remove("cordon.io/metrics"),
            "Service notification-service: no ServiceMonitor selects it"),
        broken(
            "a NetworkPolicy that selects no pod",
            r ->
                Node.map(
                        find(r, "NetworkPolicy", "account-service"), "spec.podSelector.matchLabels")
                    .put("app.kubernetes.io/name", "accounts"),
            "Deployment account-service: 0 NetworkPolicies select it"),
        broken(
            "no DNS egress",
            r -> Node.list(find(r, "NetworkPolicy", "playbook-service"), "spec.egress").remove(0),
            "Deployment playbook-service: no egress to DNS"),
        broken(
            "no egress to the service's own PostgreSQL",
            r ->
                Node.maps(find(r, "NetworkPolicy", "account-service"), "spec.egress")
                    .get(2)
                    .put(
                        "to",
                        List.of(
                            Map.of(
                                "podSelector",
                                Map.of(
                                    "matchLabels",
                                    Map.of("cnpg.io/cluster", "cordon-playbook-db"))))),
            "no NetworkPolicy egress to its PostgreSQL cordon-account-db"),
        broken(
            "no SMTP egress",
            r ->
                Node.list(find(r, "NetworkPolicy", "notification-service"), "spec.egress")
                    .remove(4),
            "no egress to SMTP port 587"),
        broken(
            "a REST client URL naming no Service",
            r ->
                Node.map(find(r, "ConfigMap", "playbook-service-config"), "data")
                    .put("QUARKUS_REST_CLIENT_ACCOUNT_SERVICE_URL", "http://accounts:8081"),
            "QUARKUS_REST_CLIENT_ACCOUNT_SERVICE_URL names no rendered Service (accounts)"),
        broken(
            "a called service whose NetworkPolicy refuses the caller",
            r ->
                Node.list(find(r, "NetworkPolicy", "notification-service"), "spec.ingress")
                    .remove(1),
            "Deployment notification-service: its NetworkPolicy does not admit Deployment"
                + " playbook-service on 8083"),
        broken(
            "a caller without egress to the service it calls",
            r -> Node.list(find(r, "NetworkPolicy", "playbook-service"), "spec.egress").remove(3),
            "Deployment playbook-service: no NetworkPolicy egress to account-service on 8081"),
        broken(
            "a Kafka listener that admits other pods only",
            r ->
                Node.maps(find(r, "Kafka", "cordon-kafka"), "spec.kafka.listeners")
                    .get(0)
                    .put(
                        "networkPolicyPeers",
                        List.of(
                            Map.of("podSelector", Map.of("matchLabels", Map.of("app", "other"))))),
            "networkPolicyPeers exclude its pods"),
        broken(
            "a contract topic without KafkaTopic",
            r -> r.remove(find(r, "KafkaTopic", "cordon.account-actions")),
            "KafkaTopic cordon.account-actions: missing"),
        broken(
            "a topic with one replica in ha",
            r ->
                Node.map(find(r, "KafkaTopic", "cordon.remediation-events"), "spec")
                    .put("replicas", 1),
            "KafkaTopic cordon.remediation-events: replicas is 1, expected 3"),
        broken(
            "two Kafka nodes in ha",
            r -> Node.map(find(r, "KafkaNodePool", "dual-role"), "spec").put("replicas", 2),
            "2 broker nodes, expected 3"),
        broken(
            "a single PostgreSQL instance in ha",
            r -> Node.map(find(r, "Cluster", "cordon-notification-db"), "spec").put("instances", 1),
            "Cluster cordon-notification-db: instances 1, expected 3"),
        broken(
            "two service replicas in ha",
            r -> Node.map(find(r, "Deployment", "notification-service"), "spec").put("replicas", 2),
            "Deployment notification-service: replicas 2, expected 3"),
        broken(
            "no PodDisruptionBudget in ha",
            r -> r.remove(find(r, "PodDisruptionBudget", "account-service")),
            "Deployment account-service: ha needs exactly one PodDisruptionBudget, found 0"),
        broken(
            "no anti-affinity in ha",
            r ->
                Node.map(find(r, "Deployment", "playbook-service"), "spec.template.spec")
                    .remove("affinity"),
            "Deployment playbook-service: ha needs required pod anti-affinity"),
        broken(
            "a surge pod that required anti-affinity may never place",
            r ->
                Node.map(find(r, "Deployment", "account-service"), "spec.strategy.rollingUpdate")
                    .put("maxSurge", 1),
            "Deployment account-service: required anti-affinity needs maxSurge 0"),
        broken(
            "an unknown kind",
            r -> r.add(resource("kafka.strimzi.io/v1beta2", "KafkaUsr", "x", Map.of())),
            "unknown apiVersion/kind kafka.strimzi.io/v1beta2 KafkaUsr"),
        broken(
            "a resource without name",
            r -> Node.map(find(r, "Service", "account-service"), "metadata").remove("name"),
            "apiVersion, kind and metadata.name are required"),
        broken(
            "tokens accepted for any audience",
            r ->
                Node.map(find(r, "ConfigMap", "cordon-common-config"), "data")
                    .remove("MP_JWT_VERIFY_AUDIENCES"),
            "Deployment account-service: MP_JWT_VERIFY_AUDIENCES unset"),
        broken(
            "dashboard dev sign-in in production",
            r ->
                Node.map(find(r, "ConfigMap", "cordon-common-config"), "data")
                    .put("CORDON_DASHBOARD_DEV_SIGN_IN_ENABLED", "true"),
            "CORDON_DASHBOARD_DEV_SIGN_IN_ENABLED is for the local stack and tests only"),
        broken(
            "the local stack's issuer trusted",
            r ->
                Node.map(find(r, "ConfigMap", "cordon-common-config"), "data")
                    .put("MP_JWT_VERIFY_ISSUER", "https://cordon.local/dev"),
            "MP_JWT_VERIFY_ISSUER is the local stack's dev issuer"),
        broken(
            "the dev profile in production",
            r ->
                Node.map(find(r, "ConfigMap", "cordon-common-config"), "data")
                    .put("QUARKUS_PROFILE", "dev"),
            "QUARKUS_PROFILE dev is for development and tests only"),
        broken(
            "webhooks to private addresses allowed",
            r ->
                Node.map(find(r, "ConfigMap", "notification-service-config"), "data")
                    .put("CORDON_NOTIFICATION_ALLOW_PRIVATE_TARGETS", "true"),
            "partner webhooks to private addresses are for the local stack only"),
        broken(
            "no heap sizing",
            r ->
                Node.map(find(r, "ConfigMap", "account-service-config"), "data")
                    .remove("JAVA_OPTS_APPEND"),
            "no -XX:MaxRAMPercentage"),
        broken(
            "notification-service may write account-service's commands",
            r ->
                acls(find(r, "KafkaUser", "cordon-notification-service"))
                    .add(
                        new LinkedHashMap<>(
                            Map.of(
                                "resource",
                                new LinkedHashMap<>(
                                    Map.of(
                                        "type",
                                        "topic",
                                        "name",
                                        "cordon.account-actions",
                                        "patternType",
                                        "literal")),
                                "operations",
                                new ArrayList<>(List.of("Write"))))),
            "KafkaUser cordon-notification-service: a right no consumer or publisher of"
                + " notification-service needs: Write on topic cordon.account-actions"),
        broken(
            "a prefix ACL over every cordon topic",
            r ->
                Node.map(acls(find(r, "KafkaUser", "cordon-playbook-service")).get(0), "resource")
                    .put("patternType", "prefix"),
            "a right no consumer or publisher of playbook-service needs: Read on topic"
                + " cordon.compromise-reports (prefix)"),
        broken(
            "account-service cannot read its commands",
            r -> acls(find(r, "KafkaUser", "cordon-account-service")).remove(0),
            "KafkaUser cordon-account-service: lacks Read on topic cordon.account-actions"),
        broken(
            "a service without its own user",
            r -> r.remove(find(r, "KafkaUser", "cordon-playbook-service")),
            "KafkaUser cordon-playbook-service: missing"),
        broken(
            "a super user",
            r ->
                Node.map(find(r, "Kafka", "cordon-kafka"), "spec.kafka.authorization")
                    .put("superUsers", new ArrayList<>(List.of("CN=cordon-account-service"))),
            "Kafka cordon-kafka: super users bypass every ACL"),
        broken(
            "a listener that does not authenticate clients",
            r ->
                Node.maps(find(r, "Kafka", "cordon-kafka"), "spec.kafka.listeners")
                    .get(0)
                    .remove("authentication"),
            "Kafka cordon-kafka: listener tls must authenticate clients (tls)"),
        broken(
            "a service presenting another service's certificate",
            r ->
                Node.maps(
                        find(r, "Deployment", "notification-service"), "spec.template.spec.volumes")
                    .stream()
                    .filter(v -> "kafka-user".equals(Node.str(v, "name")))
                    .forEach(
                        v -> Node.map(v, "secret").put("secretName", "cordon-account-service")),
            "Deployment notification-service: KAFKA_SSL_KEYSTORE_LOCATION is not in the mounted"
                + " Secret cordon-notification-service"),
        broken(
            "the action signing key mounted into notification-service",
            r -> {
              Map<String, Object> pod =
                  Node.map(find(r, "Deployment", "notification-service"), "spec.template.spec");
              volumes(pod)
                  .add(
                      new LinkedHashMap<>(
                          Map.of(
                              "name",
                              "stolen",
                              "secret",
                              new LinkedHashMap<>(
                                  Map.of("secretName", "cordon-action-signing-key")))));
            },
            "Deployment notification-service: mounts cordon-action-signing-key, which only"
                + " playbook-service may hold"),
        broken(
            "the action signing key readable by group and others",
            r ->
                Node.maps(find(r, "Deployment", "playbook-service"), "spec.template.spec.volumes")
                    .stream()
                    .filter(v -> "action-signing-key".equals(Node.str(v, "name")))
                    .forEach(v -> Node.map(v, "secret").put("defaultMode", 420)),
            "Deployment playbook-service: Secret cordon-action-signing-key must be mounted with"
                + " defaultMode 0400"),
        broken(
            "account-service without the public keys",
            r ->
                Node.maps(find(r, "Deployment", "account-service"), "spec.template.spec.volumes")
                    .stream()
                    .filter(v -> "action-verify-keys".equals(Node.str(v, "name")))
                    .forEach(v -> Node.map(v, "secret").put("secretName", "something-else")),
            "Deployment account-service: CORDON_ACTION_SIGNING_PUBLIC_KEY_FOLDER is not in the"
                + " mounted Secret cordon-action-verify-keys"),
        broken(
            "readiness probed on the API port",
            r ->
                Node.map(container(r, "account-service"), "readinessProbe.httpGet")
                    .put("port", "http"),
            "Deployment account-service: readinessProbe must use the management port (9000)"),
        broken(
            "metrics scraped on the API port",
            r ->
                Node.maps(find(r, "ServiceMonitor", "cordon-services"), "spec.endpoints")
                    .get(0)
                    .put("port", "http"),
            "ServiceMonitor cordon-services: must scrape the management port"),
        broken(
            "a service connecting as the database owner",
            r ->
                Node.map(env(r, "account-service", "QUARKUS_DATASOURCE_PASSWORD"), "valueFrom")
                    .put(
                        "secretKeyRef",
                        new LinkedHashMap<>(
                            Map.of("name", "cordon-account-db-app", "key", "password"))),
            "Deployment account-service: QUARKUS_DATASOURCE_PASSWORD must come from the runtime"
                + " role's Secret cordon-account-db-runtime"),
        broken(
            "a service migrating at start",
            r ->
                Node.map(find(r, "ConfigMap", "playbook-service-config"), "data")
                    .put("QUARKUS_FLYWAY_MIGRATE_AT_START", "true"),
            "Deployment playbook-service: QUARKUS_FLYWAY_MIGRATE_AT_START must be false"),
        broken(
            "no migrate init container",
            r ->
                Node.map(find(r, "Deployment", "notification-service"), "spec.template.spec")
                    .remove("initContainers"),
            "Deployment notification-service: no migrate init container"),
        broken(
            "a migrate init container that stays up",
            r -> withoutEnv(migrate(r, "account-service"), "QUARKUS_INIT_AND_EXIT"),
            "Deployment account-service init container migrate: QUARKUS_INIT_AND_EXIT must be true"),
        broken(
            "a superuser runtime role",
            r -> runtimeRole(r, "cordon-playbook-db").put("superuser", true),
            "Cluster cordon-playbook-db: runtime role cordon_playbook_runtime must not have"
                + " superuser"),
        broken(
            "a runtime role that inherits the owner's rights",
            r ->
                runtimeRole(r, "cordon-account-db")
                    .put("inRoles", new ArrayList<>(List.of("cordon_account"))),
            "Cluster cordon-account-db: runtime role cordon_account_runtime is a member of the"
                + " owner cordon_account"),
        broken(
            "a cluster without a runtime role",
            r -> Node.map(find(r, "Cluster", "cordon-notification-db"), "spec").remove("managed"),
            "Cluster cordon-notification-db: no managed login role"),
        broken(
            "audit anchors deleted by retention",
            r ->
                Node.map(find(r, "KafkaTopic", "cordon.audit-anchors"), "spec.config")
                    .put("cleanup.policy", "delete"),
            "KafkaTopic cordon.audit-anchors: cleanup.policy must be compact"),
        broken(
            "a service that cannot publish its audit anchors",
            r ->
                acls(find(r, "KafkaUser", "cordon-notification-service"))
                    .removeIf(acl -> String.valueOf(acl).contains("cordon.audit-anchors")),
            "KafkaUser cordon-notification-service: lacks Write on topic cordon.audit-anchors"),
        broken(
            "no audit anchor key",
            r -> withoutEnv(container(r, "playbook-service"), "CORDON_AUDIT_ANCHOR_KEY"),
            "Deployment playbook-service: required config cordon.audit.anchor.key"));
  }

  @SuppressWarnings("unchecked")
  private static List<Object> volumes(Map<String, Object> pod) {
    return (List<Object>) Node.at(pod, "volumes");
  }

  @SuppressWarnings("unchecked")
  private static void withoutEnv(Map<String, Object> container, String name) {
    ((List<Object>) container.get("env"))
        .removeIf(e -> e instanceof Map<?, ?> m && name.equals(m.get("name")));
  }

  private static Map<String, Object> migrate(List<Map<String, Object>> resources, String name) {
    return Node.maps(find(resources, "Deployment", name), "spec.template.spec.initContainers")
        .get(0);
  }

  private static Map<String, Object> runtimeRole(
      List<Map<String, Object>> resources, String cluster) {
    return Node.maps(find(resources, "Cluster", cluster), "spec.managed.roles").get(0);
  }

  @SuppressWarnings("unchecked")
  private static List<Object> acls(Map<String, Object> user) {
    return (List<Object>) Node.at(user, "spec.authorization.acls");
  }

  private static Arguments broken(
      String what, Consumer<List<Map<String, Object>>> breakage, String expected) {
    return Arguments.of(what, breakage, expected);
  }

  private static List<Map<String, Object>> copy() {
    List<Map<String, Object>> copy = new ArrayList<>();
    ha.forEach(r -> copy.add(Yaml.copyMap(r)));
    return copy;
  }

  static Map<String, Object> find(List<Map<String, Object>> resources, String kind, String name) {
    return resources.stream()
        .filter(r -> kind.equals(Node.kind(r)) && name.equals(Node.name(r)))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind + " " + name));
  }

  static Map<String, Object> container(List<Map<String, Object>> resources, String deployment) {
    return Node.maps(find(resources, "Deployment", deployment), "spec.template.spec.containers")
        .get(0);
  }

  static Map<String, Object> env(
      List<Map<String, Object>> resources, String deployment, String name) {
    return Node.maps(container(resources, deployment), "env").stream()
        .filter(e -> name.equals(Node.str(e, "name")))
        .findFirst()
        .orElseThrow();
  }

  static Map<String, Object> resource(
      String apiVersion, String kind, String name, Map<String, Object> fields) {
    Map<String, Object> resource = new LinkedHashMap<>();
    resource.put("apiVersion", apiVersion);
    resource.put("kind", kind);
    resource.put("metadata", new LinkedHashMap<>(Map.of("name", name, "namespace", "cordon")));
    resource.putAll(fields);
    return resource;
  }
}
