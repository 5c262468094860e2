package io.cordon.deploy;

import io.cordon.contracts.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Paths in the Cordon repository and the expectations the overlays are held to. */
final class Repository {
  static final List<String> SERVICES =
      List.of("account-service", "playbook-service", "notification-service");

  private Repository() {}

  static Path root() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve("deploy/kubernetes"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("deploy/kubernetes not found above the working directory");
    }
    return dir;
  }

  static Path kubernetes() {
    return root().resolve("deploy/kubernetes");
  }

  static Path overlay(String name) {
    return kubernetes().resolve("overlays").resolve(name);
  }

  static Map<String, Set<String>> requiredConfig() {
    Map<String, Set<String>> required = new LinkedHashMap<>();
    for (String service : SERVICES) {
      required.put(service, RequiredConfig.of(root().resolve(service)));
    }
    return required;
  }

  static Map<String, KafkaAccess> kafkaAccess() {
    Map<String, KafkaAccess> access = new LinkedHashMap<>();
    for (String service : SERVICES) {
      access.put(service, KafkaAccess.of(root().resolve(service)));
    }
    return access;
  }

  static Expectations small() {
    return new Expectations(
        "cordon", 1, 1, 1, 1, false, Topics.ALL, requiredConfig(), readme(), kafkaAccess());
  }

  static Expectations ha() {
    return new Expectations(
        "cordon", 3, 3, 2, 3, true, Topics.ALL, requiredConfig(), readme(), kafkaAccess());
  }

  static String readme() {
    return Yaml.read(kubernetes().resolve("README.md"));
  }
}
