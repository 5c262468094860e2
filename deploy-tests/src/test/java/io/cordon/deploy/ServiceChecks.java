package io.cordon.deploy;

import static io.cordon.deploy.Node.at;
import static io.cordon.deploy.Node.map;
import static io.cordon.deploy.Node.maps;
import static io.cordon.deploy.Node.name;
import static io.cordon.deploy.Node.str;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Services, the ServiceMonitor and PodDisruptionBudgets select what they should: each Service one
 * Deployment and a port it has, the ServiceMonitor every Service on /q/metrics, and in ha exactly
 * one budget per Deployment that still allows a node drain (none in small).
 */
final class ServiceChecks extends Checks {
  ServiceChecks(Manifest manifest) {
    super(manifest);
  }

  @Override
  void run() {
    ofKind("Service").forEach(this::checkService);
    checkServiceMonitors();
    checkDisruptionBudgets(ofKind("Deployment"));
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
            if (!WorkloadChecks.MANAGEMENT_PORT_NAME.equals(str(endpoint, "port"))) {
              problems.add(
                  "ServiceMonitor "
                      + name(monitor)
                      + ": must scrape the management port, not the API port");
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
}
