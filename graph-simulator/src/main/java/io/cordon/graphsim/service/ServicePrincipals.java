package io.cordon.graphsim.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cordon.graphsim.model.GraphRequest;
import io.cordon.graphsim.model.GraphResponse;
import io.cordon.graphsim.model.Outcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The app's own service principal, as Graph shows it: {@code GET
 * /servicePrincipals(appId='{appId}')}, {@code GET /servicePrincipals/{id}}, and its {@code
 * memberOf} / {@code transitiveMemberOf}, which list the directory roles assigned to it tenant-wide
 * as {@code #microsoft.graph.directoryRole} objects. Graph refuses an app-only reset or disable of
 * a user holding a directory role unless the app holds a role at least as privileged; {@link
 * #coversPrivilegedUsers()} is that rule here.
 */
@ApplicationScoped
public class ServicePrincipals {
  /** Built-in role names to their template ids (the same in every tenant). */
  static final Map<String, String> TEMPLATE_IDS =
      Map.of(
          "Global Administrator", "62e90394-69f5-4237-9190-012177145e10",
          "Privileged Authentication Administrator", "7be44c8a-adaf-4e2a-84d6-ab2649e08a13",
          "Privileged Role Administrator", "e8611ab8-c189-46e8-94e1-60213ab1f814",
          "User Administrator", "fe930be7-5e62-47db-91af-98c3a49a38b1",
          "Authentication Administrator", "c4e39bd9-1100-46d3-8c65-fb160da0071f",
          "Security Administrator", "194ae4cb-b126-40b2-bd5b-6091b380977d",
          "Cloud Device Administrator", "7698a772-787b-4ac8-901f-60d6b08affd2",
          "Intune Administrator", "3a2c62db-5318-420d-8d74-23affee5d9d5");

  private static final List<String> COVER_PRIVILEGED_USERS =
      List.of("Global Administrator", "Privileged Authentication Administrator");

  @Inject TokenService tokens;
  @Inject SimTenants tenants;
  @Inject ObjectMapper json;

  /** Whether the app may change sensitive properties of users holding administrator roles. */
  public boolean coversPrivilegedUsers() {
    return tokens.directoryRoles().stream().anyMatch(COVER_PRIVILEGED_USERS::contains);
  }

  /**
   * Directory roles an app may read the properties of; without one of these Graph lists the service
   * principal's roles with only {@code @odata.type} and {@code id} ("limited information").
   */
  private static final List<String> READ_ROLES =
      List.of(
          "RoleManagement.Read.Directory",
          "RoleManagement.ReadWrite.Directory",
          "Directory.Read.All",
          "Directory.ReadWrite.All");

  public Outcome handle(GraphRequest request, String[] s, java.util.Set<String> callerRoles) {
    boolean limited = callerRoles != null && READ_ROLES.stream().noneMatch(callerRoles::contains);
    String action = s.length > 1 ? "listServicePrincipalMemberOf" : "getServicePrincipal";
    if (!request.method().equals("GET")) {
      return Outcome.read(
          GraphErrors.error(405, "Request_BadRequest", "Specified HTTP method is not allowed."),
          action,
          null);
    }
    String key = s[0];
    boolean self;
    if (key.startsWith("servicePrincipals(") && key.endsWith(")")) {
      String inner = key.substring("servicePrincipals(".length(), key.length() - 1);
      String appId = inner.startsWith("appId=") ? unquote(inner.substring(6)) : null;
      self = appId != null && appId.equalsIgnoreCase(tenants.current().clientId());
    } else if (key.equals("servicePrincipals") && s.length > 1) {
      self = s[1].equalsIgnoreCase(tokens.servicePrincipalId());
      s = java.util.Arrays.copyOfRange(s, 1, s.length);
      action = s.length > 1 ? "listServicePrincipalMemberOf" : "getServicePrincipal";
    } else {
      return Outcome.read(GraphErrors.segmentNotFound(key), "unknown", null);
    }
    if (!self) {
      return Outcome.read(GraphErrors.notFound(key), action, null);
    }
    if (s.length == 1) {
      ObjectNode body = json.createObjectNode();
      body.put(
          "@odata.context", "https://graph.microsoft.com/v1.0/$metadata#servicePrincipals/$entity");
      body.put("id", tokens.servicePrincipalId());
      body.put("appId", tenants.current().clientId());
      body.put("displayName", "Cordon");
      body.put("servicePrincipalType", "Application");
      return Outcome.read(GraphResponse.of(200, body), action, null);
    }
    if (s.length == 2 && (s[1].equals("memberOf") || s[1].equals("transitiveMemberOf"))) {
      ObjectNode body = json.createObjectNode();
      body.put("@odata.context", "https://graph.microsoft.com/v1.0/$metadata#directoryObjects");
      ArrayNode value = body.putArray("value");
      for (String name : tokens.directoryRoles()) {
        String templateId =
            TEMPLATE_IDS.getOrDefault(
                name, UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString());
        ObjectNode role = value.addObject();
        role.put("@odata.type", "#microsoft.graph.directoryRole");
        role.put(
            "id",
            UUID.nameUUIDFromBytes(("role:" + templateId).getBytes(StandardCharsets.UTF_8))
                .toString());
        if (!limited) {
          role.put("displayName", name);
          role.put("roleTemplateId", templateId);
        }
      }
      return Outcome.read(GraphResponse.of(200, body), action, null);
    }
    return Outcome.read(GraphErrors.segmentNotFound(s[s.length - 1]), action, null);
  }

  private static String unquote(String value) {
    return value.length() >= 2 && value.startsWith("'") && value.endsWith("'")
        ? value.substring(1, value.length() - 1)
        : value;
  }
}
