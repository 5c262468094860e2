package io.cordon.deploy;

import static io.cordon.deploy.Node.at;
import static io.cordon.deploy.Node.list;
import static io.cordon.deploy.Node.map;
import static io.cordon.deploy.Node.maps;
import static io.cordon.deploy.Node.name;
import static io.cordon.deploy.Node.str;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;

/**
 * Least privilege in the database (docs/security.md "Database roles"): each service's CloudNativePG
 * cluster declares a managed login role that is neither superuser nor a member of the owner; the
 * service container connects as that role and never holds the owner's Secret nor migrates; one
 * {@code migrate} init container of the same image runs Flyway as the owner and exits (Quarkus'
 * {@code QUARKUS_INIT_AND_EXIT}), naming the runtime role as datasource user so the afterMigrate
 * grants go to it.
 */
final class DatabaseRoleChecks extends Checks {
  static final List<String> ROLE_POWERS =
      List.of("superuser", "createdb", "createrole", "replication", "bypassrls");

  DatabaseRoleChecks(Manifest manifest) {
    super(manifest);
  }

  @Override
  void run() {
    for (Map<String, Object> deployment : ofKind("Deployment")) {
      List<Map<String, Object>> containers = maps(deployment, "spec.template.spec.containers");
      Map<String, String> env = environments.get(name(deployment));
      if (containers.size() == 1 && env != null) {
        check("Deployment " + name(deployment), deployment, containers.get(0), env);
      }
    }
  }

  private void check(
      String id,
      Map<String, Object> deployment,
      Map<String, Object> container,
      Map<String, String> env) {
    Map<String, Object> cluster = clusterOf(env.get("QUARKUS_DATASOURCE_JDBC_URL"));
    if (cluster == null) {
      return; // ConnectionChecks names a JDBC URL that reaches no cluster
    }
    String owner = name(cluster) + "-app";
    String runtime = runtimeSecret(cluster);
    if (runtime == null) {
      return;
    }
    for (String variable : List.of("QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD")) {
      if (!runtime.equals(ConnectionChecks.secretOf(container, variable))) {
        problems.add(id + ": " + variable + " must come from the runtime role's Secret " + runtime);
      }
    }
    for (Map<String, Object> variable : maps(container, "env")) {
      if (owner.equals(str(variable, "valueFrom.secretKeyRef.name"))) {
        problems.add(
            id
                + ": the service container reads the owner's Secret "
                + owner
                + "; only migrate may");
      }
    }
    if (!"false".equals(env.get("QUARKUS_FLYWAY_MIGRATE_AT_START"))) {
      problems.add(
          id + ": QUARKUS_FLYWAY_MIGRATE_AT_START must be false; the init container migrates");
    }
    checkMigrate(id, deployment, container, owner, runtime);
  }

  private void checkMigrate(
      String id,
      Map<String, Object> deployment,
      Map<String, Object> container,
      String owner,
      String runtime) {
    List<Map<String, Object>> inits = maps(deployment, "spec.template.spec.initContainers");
    Map<String, Object> migrate =
        inits.stream().filter(c -> "migrate".equals(str(c, "name"))).findFirst().orElse(null);
    if (migrate == null) {
      problems.add(id + ": no migrate init container runs Flyway as the database owner");
      return;
    }
    String initId = id + " init container migrate";
    if (!Objects.equals(str(migrate, "image"), str(container, "image"))) {
      problems.add(initId + ": its image is not the service's");
    }
    Map<String, String> literals = literalEnv(migrate);
    if (!"true".equals(literals.get("QUARKUS_INIT_AND_EXIT"))) {
      problems.add(initId + ": QUARKUS_INIT_AND_EXIT must be true, or it would serve traffic");
    }
    if (!"true".equals(literals.get("QUARKUS_FLYWAY_MIGRATE_AT_START"))) {
      problems.add(initId + ": QUARKUS_FLYWAY_MIGRATE_AT_START must be true");
    }
    for (String variable : List.of("QUARKUS_FLYWAY_USERNAME", "QUARKUS_FLYWAY_PASSWORD")) {
      if (!owner.equals(ConnectionChecks.secretOf(migrate, variable))) {
        problems.add(initId + ": " + variable + " must come from the owner's Secret " + owner);
      }
    }
    if (!runtime.equals(ConnectionChecks.secretOf(migrate, "QUARKUS_DATASOURCE_USERNAME"))) {
      problems.add(
          initId + ": QUARKUS_DATASOURCE_USERNAME must be the runtime role (" + runtime + ")");
    }
    Map<String, Object> security = map(migrate, "securityContext");
    if (!Boolean.TRUE.equals(security.get("readOnlyRootFilesystem"))
        || !Boolean.FALSE.equals(security.get("allowPrivilegeEscalation"))
        || !list(security, "capabilities.drop").contains("ALL")) {
      problems.add(initId + ": needs the service container's hardening (read-only root, drop ALL)");
    }
    if (at(migrate, "resources.limits.memory") == null) {
      problems.add(initId + ": resources.limits.memory is required");
    }
  }

  /** The Secret of the cluster's managed runtime role, after checking the role's powers. */
  private String runtimeSecret(Map<String, Object> cluster) {
    String id = "Cluster " + name(cluster);
    String ownerRole = str(cluster, "spec.bootstrap.initdb.owner");
    List<Map<String, Object>> roles = maps(cluster, "spec.managed.roles");
    Map<String, Object> login =
        roles.stream()
            .filter(r -> Boolean.TRUE.equals(r.get("login")))
            .filter(r -> !"absent".equals(str(r, "ensure")))
            .findFirst()
            .orElse(null);
    if (login == null) {
      problems.add(id + ": no managed login role for its service to run as (not the owner)");
      return null;
    }
    for (String power : ROLE_POWERS) {
      if (Boolean.TRUE.equals(login.get(power))) {
        problems.add(id + ": runtime role " + str(login, "name") + " must not have " + power);
      }
    }
    if (list(login, "inRoles").contains(ownerRole)) {
      problems.add(
          id + ": runtime role " + str(login, "name") + " is a member of the owner " + ownerRole);
    }
    String secret = str(login, "passwordSecret.name");
    if (secret == null) {
      problems.add(id + ": runtime role " + str(login, "name") + " has no passwordSecret");
    }
    return secret;
  }

  private Map<String, Object> clusterOf(String url) {
    Matcher jdbc = ConnectionChecks.JDBC_URL.matcher(url == null ? "" : url);
    if (!jdbc.matches()) {
      return null;
    }
    String host = jdbc.group(1).split("\\.")[0];
    return ofKind("Cluster").stream()
        .filter(c -> host.equals(name(c) + "-rw"))
        .findFirst()
        .orElse(null);
  }

  private Map<String, String> literalEnv(Map<String, Object> container) {
    Map<String, String> env = new LinkedHashMap<>();
    for (Map<String, Object> source : maps(container, "envFrom")) {
      Map<String, Object> found =
          find("ConfigMap", String.valueOf(str(source, "configMapRef.name")));
      if (found != null) {
        map(found, "data").forEach((k, v) -> env.put(k, String.valueOf(v)));
      }
    }
    for (Map<String, Object> variable : maps(container, "env")) {
      env.put(str(variable, "name"), str(variable, "value"));
    }
    return env;
  }
}
