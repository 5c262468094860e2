package io.cordon.deploy;

import static io.cordon.deploy.Node.map;
import static io.cordon.deploy.Node.maps;
import static io.cordon.deploy.Node.name;
import static io.cordon.deploy.Node.str;

import io.strimzi.api.kafka.model.kafka.KafkaResources;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Each service reaches what the overlay renders: its JDBC URL and credentials name its own
 * CloudNativePG cluster, its Kafka bootstrap names the Strimzi listener (with TLS trust when the
 * listener is TLS), and its NetworkPolicy lets it through to both.
 */
final class ConnectionChecks extends Checks {
  ConnectionChecks(Manifest manifest) {
    super(manifest);
  }

  @Override
  void run() {
    for (Map<String, Object> deployment : ofKind("Deployment")) {
      List<Map<String, Object>> containers = maps(deployment, "spec.template.spec.containers");
      Map<String, String> env = environments.get(name(deployment));
      if (containers.size() == 1 && env != null) {
        String id = "Deployment " + name(deployment);
        checkDatasource(id, deployment, containers.get(0), env);
        checkKafkaClient(id, deployment, containers.get(0), env);
      }
    }
  }

  static final Pattern JDBC_URL =
      Pattern.compile("jdbc:postgresql://([^:/]+)(?::(\\d+))?/([^?]+).*");

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
    // which of the cluster's roles the credentials belong to: DatabaseRoleChecks
    Map<String, Object> podLabels = map(deployment, "spec.template.metadata.labels");
    Map<String, Object> instance =
        Map.of("cnpg.io/cluster", clusterName, "cnpg.io/podRole", "instance", "role", "primary");
    if (!egressAllowed(podLabels, ownNamespace(), instance, 5432)) {
      problems.add(id + ": no NetworkPolicy egress to its PostgreSQL " + clusterName + " on 5432");
    }
  }

  static String secretOf(Map<String, Object> container, String variable) {
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
}
