package io.cordon.account.client;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.graph.models.DirectoryObject;
import com.microsoft.graph.models.DirectoryRole;
import com.microsoft.graph.models.ServicePrincipal;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.ApiException;
import io.cordon.account.config.GraphTenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What Entra lets the app do: the application permissions in the {@code roles} claim of its access
 * token, and the directory roles its service principal holds (read from Graph, reads only).
 */
@ApplicationScoped
public class GraphPermissions {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Inject GraphClients clients;

  /** A directory role the app's service principal is a member of. */
  public record AppDirectoryRole(String roleTemplateId, String displayName) {}

  /**
   * The app's directory roles, or why they could not be read (then {@code roles} is empty and
   * {@code unreadable} names Graph's answer).
   */
  public record AppDirectoryRoles(List<AppDirectoryRole> roles, String unreadable) {}

  /** The application permissions the tenant's (cached) token carries. */
  public Set<String> granted(GraphTenant tenant) {
    TokenRequestContext request = new TokenRequestContext().addScopes(tenant.scope());
    return rolesOf(clients.credential(tenant).getTokenSync(request).getToken());
  }

  /** The permissions of a token newly issued in the tenant (which then replaces the cached one). */
  public Set<String> grantedNow(GraphTenant tenant) {
    TokenRequestContext request = new TokenRequestContext().addScopes(tenant.scope());
    TokenCredential credential = clients.credential(tenant);
    AccessToken token =
        credential instanceof CachingTokenCredential caching
            ? caching.refresh(request)
            : credential.getTokenSync(request);
    return rolesOf(token.getToken());
  }

  /**
   * {@code GET /servicePrincipals(appId='{client-id}')} for the object id, then {@code GET
   * /servicePrincipals/{id}/transitiveMemberOf}, keeping the {@code directoryRole} members (Graph
   * lists the roles assigned to the service principal tenant-wide there).
   */
  public AppDirectoryRoles directoryRoles(GraphTenant tenant) {
    String clientId = tenant.clientId();
    GraphServiceClient graph = clients.graph(tenant);
    try {
      ServicePrincipal self =
          graph
              .servicePrincipalsWithAppId(clientId)
              .get(c -> c.queryParameters.select = new String[] {"id"});
      var memberOf =
          graph.servicePrincipals().byServicePrincipalId(self.getId()).transitiveMemberOf();
      List<AppDirectoryRole> roles = new ArrayList<>();
      for (var page = memberOf.get(c -> c.queryParameters.top = 999);
          page != null;
          page =
              page.getOdataNextLink() == null
                  ? null
                  : memberOf.withUrl(page.getOdataNextLink()).get()) {
        for (DirectoryObject member :
            page.getValue() == null ? List.<DirectoryObject>of() : page.getValue()) {
          if (member instanceof DirectoryRole role) {
            if (role.getRoleTemplateId() == null && role.getDisplayName() == null) {
              // Graph's limited information for an object type the app may not read: a role is
              // there, but which one is not said (needs RoleManagement.Read.Directory or
              // Directory.Read.All)
              return new AppDirectoryRoles(
                  List.of(),
                  "Graph shows the app's directory roles without their names (limited"
                      + " information): grant RoleManagement.Read.Directory or Directory.Read.All");
            }
            roles.add(new AppDirectoryRole(role.getRoleTemplateId(), role.getDisplayName()));
          }
        }
      }
      return new AppDirectoryRoles(List.copyOf(roles), null);
    } catch (ApiException e) {
      return new AppDirectoryRoles(
          List.of(),
          "Graph answered "
              + e.getResponseStatusCode()
              + " to reading the app's service principal memberships");
    } catch (RuntimeException e) {
      return new AppDirectoryRoles(
          List.of(), "reading the app's directory roles failed: " + e.getClass().getSimpleName());
    }
  }

  static Set<String> rolesOf(String jwt) {
    String[] parts = jwt.split("\\.");
    if (parts.length < 2) {
      return Set.of();
    }
    try {
      JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
      Set<String> roles = new HashSet<>();
      claims.path("roles").forEach(role -> roles.add(role.asText()));
      return roles;
    } catch (IOException | IllegalArgumentException e) {
      return Set.of();
    }
  }
}
