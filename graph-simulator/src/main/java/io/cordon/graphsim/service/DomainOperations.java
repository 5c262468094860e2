package io.cordon.graphsim.service;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cordon.graphsim.model.GraphRequest;
import io.cordon.graphsim.model.GraphResponse;
import io.cordon.graphsim.model.Outcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /domains} ("List domains", https://learn.microsoft.com/graph/api/domain-list, v1.0):
 * the verified domains of the caller's tenant (its primary domain is the default one) and its
 * initial {@code <name>.onmicrosoft.com} domain, as domain resources.
 */
@ApplicationScoped
public class DomainOperations {
  static final String ACTION = "listDomains";

  @Inject SimTenants tenants;

  public Outcome handle(GraphRequest request, String[] s) {
    if (s.length != 1) {
      return Outcome.read(GraphErrors.segmentNotFound(s[s.length - 1]), ACTION, null);
    }
    if (!request.method().equals("GET")) {
      return Outcome.read(
          GraphErrors.error(
              405, "Request_BadRequest", "The requested method is not allowed on this resource."),
          ACTION,
          null);
    }
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put(
        "@odata.context",
        request.headers().getOrDefault("x-sim-base-url", "https://localhost/v1.0")
            + "/$metadata#domains");
    ArrayNode value = body.putArray("value");
    List<String> domains = new ArrayList<>(tenants.current().domains());
    String primary = domains.get(0);
    if (!domains.contains(initialDomain(primary))) {
      domains.add(initialDomain(primary));
    }
    for (String name : domains) {
      ObjectNode domain = value.addObject();
      domain.put("id", name);
      domain.put("authenticationType", "Managed");
      domain.putNull("availabilityStatus");
      domain.put("isAdminManaged", true);
      domain.put("isDefault", name.equals(primary));
      domain.put("isInitial", name.endsWith(".onmicrosoft.com"));
      domain.put("isRoot", true);
      domain.put("isVerified", true);
      domain.putNull("passwordNotificationWindowInDays");
      domain.putNull("passwordValidityPeriodInDays");
      domain.putArray("supportedServices").add("Email").add("OfficeCommunicationsOnline");
      domain.putNull("state");
    }
    return Outcome.read(GraphResponse.of(200, body), ACTION, null);
  }

  /** Every tenant has one: its name before the first dot, under onmicrosoft.com. */
  static String initialDomain(String primary) {
    return primary.endsWith(".onmicrosoft.com")
        ? primary
        : primary.split("\\.")[0] + ".onmicrosoft.com";
  }
}
