package io.cordon.deploy;

import static io.cordon.deploy.Node.list;
import static io.cordon.deploy.Node.map;
import static io.cordon.deploy.Node.maps;
import static io.cordon.deploy.Node.name;
import static io.cordon.deploy.Node.str;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Least privilege on the bus: the brokers authenticate every client by certificate and authorize
 * with ACLs (no super users); each service has its own KafkaUser whose rights are exactly what its
 * sources show it doing ({@link KafkaAccess}: read and describe the topics it consumes, read its
 * own consumer group, write and describe the topics it publishes to); and each service presents
 * that user's certificate. A right beyond that is reported, so a manifest edit cannot quietly let
 * notification-service write account-service's commands.
 */
final class KafkaAclChecks extends Checks {
  static final String USER_PREFIX = "cordon-";

  KafkaAclChecks(Manifest manifest) {
    super(manifest);
  }

  @Override
  void run() {
    ofKind("Kafka").forEach(this::checkBrokers);
    for (Map.Entry<String, KafkaAccess> service : expected.kafkaAccess().entrySet()) {
      checkUser(service.getKey(), service.getValue());
      checkClient(service.getKey());
    }
    for (Map<String, Object> user : ofKind("KafkaUser")) {
      String service = name(user).substring(Math.min(name(user).length(), USER_PREFIX.length()));
      if (!name(user).startsWith(USER_PREFIX) || !expected.kafkaAccess().containsKey(service)) {
        problems.add("KafkaUser " + name(user) + ": belongs to no Cordon service");
      }
    }
  }

  private void checkBrokers(Map<String, Object> kafka) {
    String id = "Kafka " + name(kafka);
    if (!"simple".equals(str(kafka, "spec.kafka.authorization.type"))) {
      problems.add(id + ": authorization must be simple (ACLs per KafkaUser)");
    }
    if (!list(kafka, "spec.kafka.authorization.superUsers").isEmpty()) {
      problems.add(id + ": super users bypass every ACL; there must be none");
    }
    for (Map<String, Object> listener : maps(kafka, "spec.kafka.listeners")) {
      if (!"tls".equals(str(listener, "authentication.type"))) {
        problems.add(
            id + ": listener " + str(listener, "name") + " must authenticate clients (tls)");
      }
    }
    if (map(kafka, "spec.entityOperator").get("userOperator") == null) {
      problems.add(id + ": the entity operator needs a userOperator to apply the KafkaUsers");
    }
  }

  private void checkUser(String service, KafkaAccess access) {
    String userName = USER_PREFIX + service;
    Map<String, Object> user = find("KafkaUser", userName);
    String id = "KafkaUser " + userName;
    if (user == null) {
      problems.add(id + ": missing; " + service + " needs its own user on the bus");
      return;
    }
    if (!"tls".equals(str(user, "spec.authentication.type"))) {
      problems.add(id + ": authentication must be tls");
    }
    if (!"simple".equals(str(user, "spec.authorization.type"))) {
      problems.add(id + ": authorization must be simple");
    }
    Set<String> granted = new TreeSet<>();
    for (Map<String, Object> acl : maps(user, "spec.authorization.acls")) {
      String resource =
          str(acl, "resource.type")
              + " "
              + str(acl, "resource.name")
              + ("literal".equals(str(acl, "resource.patternType")) ? "" : " (prefix)");
      if (!"allow".equalsIgnoreCase(Objects.requireNonNullElse(str(acl, "type"), "allow"))) {
        continue; // a deny narrows, never widens
      }
      for (Object operation : list(acl, "operations")) {
        granted.add(operation + " on " + resource);
      }
    }
    Set<String> needed = rights(access);
    for (String right : granted) {
      if (!needed.contains(right)) {
        problems.add(id + ": a right no consumer or publisher of " + service + " needs: " + right);
      }
    }
    for (String right : needed) {
      if (!granted.contains(right)) {
        problems.add(id + ": lacks " + right + ", which " + service + " uses");
      }
    }
  }

  static Set<String> rights(KafkaAccess access) {
    Set<String> rights = new TreeSet<>();
    for (String topic : access.reads()) {
      rights.add("Read on topic " + topic);
      rights.add("Describe on topic " + topic);
    }
    for (String group : access.groups()) {
      rights.add("Read on group " + group);
    }
    for (String topic : access.writes()) {
      rights.add("Write on topic " + topic);
      rights.add("Describe on topic " + topic);
    }
    return rights;
  }

  /** The service presents its own user's certificate: keystore from that user's Secret. */
  private void checkClient(String service) {
    Map<String, Object> deployment = find("Deployment", service);
    Map<String, String> env = environments.get(service);
    if (deployment == null || env == null) {
      return; // WorkloadChecks reports a missing service
    }
    String id = "Deployment " + service;
    String secret = USER_PREFIX + service;
    List<Map<String, Object>> containers = maps(deployment, "spec.template.spec.containers");
    Map<String, Object> container = containers.isEmpty() ? Map.of() : containers.get(0);
    String location = env.get("KAFKA_SSL_KEYSTORE_LOCATION");
    boolean mounted = false;
    for (Map<String, Object> mount : maps(container, "volumeMounts")) {
      for (Map<String, Object> volume : maps(deployment, "spec.template.spec.volumes")) {
        mounted |=
            Objects.equals(str(mount, "name"), str(volume, "name"))
                && secret.equals(str(volume, "secret.secretName"))
                && location != null
                && location.startsWith(str(mount, "mountPath") + "/");
      }
    }
    if (!mounted) {
      problems.add(id + ": KAFKA_SSL_KEYSTORE_LOCATION is not in the mounted Secret " + secret);
    }
    boolean password =
        maps(container, "env").stream()
            .anyMatch(
                v ->
                    "KAFKA_SSL_KEYSTORE_PASSWORD".equals(str(v, "name"))
                        && secret.equals(str(v, "valueFrom.secretKeyRef.name"))
                        && "user.password".equals(str(v, "valueFrom.secretKeyRef.key")));
    if (!password) {
      problems.add(id + ": KAFKA_SSL_KEYSTORE_PASSWORD must come from Secret " + secret);
    }
  }
}
