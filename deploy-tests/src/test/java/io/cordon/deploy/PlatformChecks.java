package io.cordon.deploy;

import static io.cordon.deploy.Node.at;
import static io.cordon.deploy.Node.list;
import static io.cordon.deploy.Node.map;
import static io.cordon.deploy.Node.maps;
import static io.cordon.deploy.Node.name;
import static io.cordon.deploy.Node.str;

import io.cordon.contracts.Topics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The platform resources: one KRaft Kafka with node pools and the topic operator, a KafkaTopic for
 * every topic in contracts with the overlay's replication, the CloudNativePG clusters' size, and
 * the Grafana dashboard.
 */
final class PlatformChecks extends Checks {
  PlatformChecks(Manifest manifest) {
    super(manifest);
  }

  @Override
  void run() {
    checkKafka();
    checkTopics();
    checkPostgres();
    checkDashboard();
  }

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
      if (topicName.equals(Topics.AUDIT_ANCHORS)
          && !"compact".equals(String.valueOf(map(topic, "spec.config").get("cleanup.policy")))) {
        // deleted by retention, the anchors would no longer vouch for the chain after a while
        problems.add(
            id + ": cleanup.policy must be compact (the latest anchor per service is kept)");
      }
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
}
