package io.cordon.deploy;

import static io.cordon.deploy.Node.list;
import static io.cordon.deploy.Node.map;
import static io.cordon.deploy.Node.maps;
import static io.cordon.deploy.Node.name;
import static io.cordon.deploy.Node.str;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One NetworkPolicy per service restricting both directions: no rule open to everything, DNS, 443
 * where the service calls out over https, SMTP for e-mail, and calls between services allowed on
 * both sides.
 */
final class NetworkChecks extends Checks {
  NetworkChecks(Manifest manifest) {
    super(manifest);
  }

  @Override
  void run() {
    checkNetworkPolicies(ofKind("Deployment"));
  }

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
}
