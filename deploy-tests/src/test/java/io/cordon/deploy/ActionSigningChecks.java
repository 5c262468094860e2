package io.cordon.deploy;

import static io.cordon.deploy.Node.maps;
import static io.cordon.deploy.Node.name;
import static io.cordon.deploy.Node.str;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Signed action requests (docs/security.md): the private key that signs ActionRequested is mounted
 * into playbook-service only, readable by its user only (0400); account-service reads the public
 * keys from their own Secret, at the folder its configuration names; no other workload mounts
 * either.
 */
final class ActionSigningChecks extends Checks {
  static final String SIGNING_SECRET = "cordon-action-signing-key";
  static final String VERIFY_SECRET = "cordon-action-verify-keys";
  private static final String OWNER_READ_ONLY = Integer.toString(0400);

  ActionSigningChecks(Manifest manifest) {
    super(manifest);
  }

  @Override
  void run() {
    checkMount("playbook-service", SIGNING_SECRET, "CORDON_ACTION_SIGNING_KEY_FILE", true);
    checkMount("account-service", VERIFY_SECRET, "CORDON_ACTION_SIGNING_PUBLIC_KEY_FOLDER", false);
    for (Map<String, Object> deployment : ofKind("Deployment")) {
      for (Map<String, Object> volume : maps(deployment, "spec.template.spec.volumes")) {
        String secret = str(volume, "secret.secretName");
        if (SIGNING_SECRET.equals(secret) && !"playbook-service".equals(name(deployment))) {
          problems.add(
              "Deployment "
                  + name(deployment)
                  + ": mounts "
                  + SIGNING_SECRET
                  + ", which only"
                  + " playbook-service may hold");
        }
        if (VERIFY_SECRET.equals(secret) && !"account-service".equals(name(deployment))) {
          problems.add(
              "Deployment "
                  + name(deployment)
                  + ": mounts "
                  + VERIFY_SECRET
                  + ", which only"
                  + " account-service reads");
        }
      }
    }
  }

  /** The configured path lies in a read-only mount of the Secret (0400 for the private key). */
  private void checkMount(String service, String secret, String variable, boolean privateKey) {
    Map<String, Object> deployment = find("Deployment", service);
    Map<String, String> env = environments.get(service);
    if (deployment == null || env == null) {
      return; // WorkloadChecks reports a missing service
    }
    String id = "Deployment " + service;
    String location = env.get(variable);
    List<Map<String, Object>> containers = maps(deployment, "spec.template.spec.containers");
    Map<String, Object> container = containers.isEmpty() ? Map.of() : containers.get(0);
    boolean mounted = false;
    for (Map<String, Object> mount : maps(container, "volumeMounts")) {
      for (Map<String, Object> volume : maps(deployment, "spec.template.spec.volumes")) {
        if (!Objects.equals(str(mount, "name"), str(volume, "name"))
            || !secret.equals(str(volume, "secret.secretName"))
            || location == null
            || !(location.equals(str(mount, "mountPath"))
                || location.startsWith(str(mount, "mountPath") + "/"))) {
          continue;
        }
        mounted = true;
        if (!"true".equals(str(mount, "readOnly"))) {
          problems.add(id + ": the mount of Secret " + secret + " must be readOnly");
        }
        String mode = str(volume, "secret.defaultMode");
        if (privateKey && !OWNER_READ_ONLY.equals(mode)) {
          problems.add(id + ": Secret " + secret + " must be mounted with defaultMode 0400");
        }
      }
    }
    if (!mounted) {
      problems.add(id + ": " + variable + " is not in the mounted Secret " + secret);
    }
  }
}
