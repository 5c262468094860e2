package io.cordon.deploy;

import static io.cordon.deploy.Node.kind;
import static io.cordon.deploy.Node.map;
import static io.cordon.deploy.Node.maps;
import static io.cordon.deploy.Node.name;
import static io.cordon.deploy.Node.str;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What every group of checks shares: the rendered resources, what the overlay promises, the
 * problems found so far, each service's environment (filled by {@link WorkloadChecks}), and lookups
 * in the resources and their NetworkPolicies.
 */
abstract class Checks {
  /** Env var and ConfigMap key names that hold secrets; such values must come from a Secret. */
  static final Pattern SECRET_LIKE =
      Pattern.compile(
          ".*(PASSWORD|SECRET|TOKEN|CREDENTIAL|PRIVATE_?KEY|ENCRYPTION_KEY|API_?KEY).*");

  /** The state one validation run shares between its groups of checks. */
  record Manifest(
      List<Map<String, Object>> resources,
      Expectations expected,
      List<String> problems,
      Map<String, Map<String, String>> environments) {}

  final List<Map<String, Object>> resources;
  final Expectations expected;
  final List<String> problems;
  final Map<String, Map<String, String>> environments;

  Checks(Manifest manifest) {
    this.resources = manifest.resources();
    this.expected = manifest.expected();
    this.problems = manifest.problems();
    this.environments = manifest.environments();
  }

  abstract void run();

  List<Map<String, Object>> ofKind(String kind) {
    return resources.stream().filter(r -> kind.equals(kind(r))).toList();
  }

  Map<String, Object> find(String kind, String name) {
    return ofKind(kind).stream().filter(r -> name.equals(name(r))).findFirst().orElse(null);
  }

  static boolean hasPort(Map<String, Object> container, Object port) {
    for (Map<String, Object> declared : maps(container, "ports")) {
      if (Objects.equals(String.valueOf(port), str(declared, "name"))
          || Objects.equals(String.valueOf(port), str(declared, "containerPort"))) {
        return true;
      }
    }
    return false;
  }

  static int containerPort(Map<String, Object> container, Object targetPort) {
    for (Map<String, Object> port : maps(container, "ports")) {
      if (Objects.equals(String.valueOf(targetPort), str(port, "name"))
          || Objects.equals(String.valueOf(targetPort), str(port, "containerPort"))) {
        return Integer.parseInt(str(port, "containerPort"));
      }
    }
    return -1;
  }

  List<Map<String, Object>> policiesFor(Map<String, Object> podLabels) {
    return ofKind("NetworkPolicy").stream()
        .filter(p -> Selectors.matches(map(p, "spec.podSelector"), podLabels))
        .toList();
  }

  Map<String, Object> ownNamespace() {
    return Map.of("kubernetes.io/metadata.name", expected.namespace());
  }

  /**
   * Whether a policy of these pods lets them reach, on port, a pod carrying peerLabels in a
   * namespace carrying namespaceLabels (a peer without namespaceSelector means the policy's own).
   */
  boolean egressAllowed(
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

  /** Whether the callee's policies admit pods carrying callerLabels (same namespace) on port. */
  boolean ingressAllowed(
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

  boolean publicEgress(Map<String, Object> podLabels, int port) {
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

  boolean egressOnPort(Map<String, Object> podLabels, int port) {
    return policiesFor(podLabels).stream()
        .flatMap(p -> maps(p, "spec.egress").stream())
        .anyMatch(rule -> portListed(rule, port));
  }

  static boolean portListed(Map<String, Object> rule, int port) {
    return maps(rule, "ports").stream()
        .anyMatch(p -> Objects.equals(String.valueOf(port), str(p, "port")));
  }
}
