package io.cordon.account.client;

import com.microsoft.graph.models.AppRoleAssignment;
import com.microsoft.graph.models.OAuth2PermissionGrant;
import com.microsoft.graph.models.ServicePrincipal;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.ApiException;
import io.cordon.account.config.PersistenceConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * REMOVE_APP_CONSENTS: what the user let apps do that are not on {@code
 * cordon.persistence.allowed-app-ids}.
 *
 * <ul>
 *   <li>App role assignments ({@code GET /users/{id}/appRoleAssignments}): those created in the
 *       window are deleted ({@code DELETE /users/{id}/appRoleAssignments/{id}}), older ones listed.
 *   <li>The user's own delegated grants ({@code GET /users/{id}/oauth2PermissionGrants}): deleted
 *       ({@code DELETE /oauth2PermissionGrants/{id}}) whatever their age, as REVOKE_OAUTH_GRANTS
 *       does; Graph records no time for a grant, and a user can consent again in a minute.
 * </ul>
 *
 * An app is known by its appId, read from its service principal ({@code GET
 * /servicePrincipals/{id}}, once per app); a service principal that is gone is not on the
 * allowlist.
 */
@ApplicationScoped
public class ConsentTargets {
  @Inject PersistenceConfig config;

  public CleanupTargets.Listing list(GraphServiceClient graph, String userId, Instant windowStart) {
    Set<String> allowed = config.allowedAppIds().orElse(Set.of());
    Map<String, String> appIdByPrincipal = new HashMap<>();
    List<CleanupTargets.Removal> removals = new ArrayList<>();
    List<String> older = new ArrayList<>();
    var assignments = graph.users().byUserId(userId).appRoleAssignments();
    for (var page = assignments.get();
        page != null;
        page =
            CleanupTargets.next(page.getOdataNextLink(), url -> assignments.withUrl(url).get())) {
      for (AppRoleAssignment assignment : CleanupTargets.valuesOf(page.getValue())) {
        String resource =
            assignment.getResourceId() == null ? null : assignment.getResourceId().toString();
        if (allowed.contains(appIdOf(graph, resource, appIdByPrincipal))) {
          continue;
        }
        boolean inWindow =
            AppCredentialTargets.inWindow(assignment.getCreatedDateTime(), windowStart);
        if (inWindow) {
          removals.add(
              new CleanupTargets.Removal(
                  "assignment:" + assignment.getId(),
                  "app role assignment "
                      + assignment.getId()
                      + " to '"
                      + assignment.getResourceDisplayName()
                      + "'",
                  assignments
                      .byAppRoleAssignmentId(assignment.getId())
                      .toDeleteRequestInformation()));
        } else {
          older.add(
              "app role assignment "
                  + assignment.getId()
                  + " to '"
                  + assignment.getResourceDisplayName()
                  + "' from "
                  + assignment.getCreatedDateTime());
        }
      }
    }
    var grants = graph.users().byUserId(userId).oauth2PermissionGrants();
    for (var page = grants.get();
        page != null;
        page = CleanupTargets.next(page.getOdataNextLink(), url -> grants.withUrl(url).get())) {
      for (OAuth2PermissionGrant grant : CleanupTargets.valuesOf(page.getValue())) {
        if (allowed.contains(appIdOf(graph, grant.getClientId(), appIdByPrincipal))) {
          continue;
        }
        removals.add(
            new CleanupTargets.Removal(
                "grant:" + grant.getId(),
                "grant " + grant.getId(),
                graph
                    .oauth2PermissionGrants()
                    .byOAuth2PermissionGrantId(grant.getId())
                    .toDeleteRequestInformation()));
      }
    }
    return new CleanupTargets.Listing(removals, older, List.of(), null);
  }

  /** The appId of a service principal; "" when there is none (then it is on no allowlist). */
  private static String appIdOf(
      GraphServiceClient graph, String principalId, Map<String, String> known) {
    if (principalId == null) {
      return "";
    }
    return known.computeIfAbsent(
        principalId,
        id -> {
          try {
            ServicePrincipal principal =
                graph
                    .servicePrincipals()
                    .byServicePrincipalId(id)
                    .get(c -> c.queryParameters.select = new String[] {"id", "appId"});
            return principal == null || principal.getAppId() == null ? "" : principal.getAppId();
          } catch (ApiException e) {
            if (e.getResponseStatusCode() == 404) {
              return "";
            }
            throw e;
          }
        });
  }
}
