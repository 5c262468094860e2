package io.cordon.account.client;

import com.microsoft.graph.models.DirectoryObject;
import com.microsoft.graph.models.DirectoryRole;
import com.microsoft.graph.models.MessageRule;
import com.microsoft.graph.models.MessageRuleActions;
import com.microsoft.graph.models.OAuth2PermissionGrant;
import com.microsoft.graph.models.odataerrors.MainError;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.ApiException;
import com.microsoft.kiota.RequestInformation;
import io.cordon.contracts.ActionType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * For actions that remove what an attacker left behind: lists the objects to remove for one user
 * (OAuth grants, forwarding inbox rules, directory role memberships, MFA methods) and builds their
 * deletions.
 */
@ApplicationScoped
public class CleanupTargets {
  @Inject GraphClients clients;

  @Inject AppCredentialTargets appCredentials;
  @Inject ConsentTargets consents;
  @Inject DeviceTargets devices;

  /**
   * The deletions (or other removing writes) to make, or the Graph answer that prevented listing
   * them.
   *
   * @param older objects older than the compromise window: named in the outcome, not removed
   * @param manual objects in the window that Graph does not let the app remove: named for a person
   */
  public record Listing(
      List<RequestInformation> deletions,
      GraphAnswer failure,
      List<String> older,
      List<String> manual) {
    public Listing(List<RequestInformation> deletions, GraphAnswer failure) {
      this(deletions, failure, List.of(), List.of());
    }
  }

  public Listing list(ActionType action, String userId) {
    return list(action, userId, null);
  }

  /**
   * @param windowStart where the account's compromise window starts (for the actions that remove
   *     only what was added in it)
   */
  public Listing list(ActionType action, String userId, java.time.Instant windowStart) {
    GraphServiceClient graph = clients.graph();
    try {
      switch (action) {
        case REMOVE_APP_CREDENTIALS:
          return appCredentials.list(graph, userId, windowStart);
        case REMOVE_APP_CONSENTS:
          return consents.list(graph, userId, windowStart);
        case DISABLE_DEVICES:
          return devices.list(graph, userId, windowStart);
        default:
          break;
      }
      List<RequestInformation> deletions =
          switch (action) {
            case REVOKE_OAUTH_GRANTS -> grants(graph, userId);
            case REMOVE_FORWARDING_RULES -> forwardingRules(graph, userId);
            case REMOVE_PRIVILEGED_ROLES -> roleMemberships(graph, userId);
            case REMOVE_MFA_METHODS ->
                AuthenticationMethodDeletions.of(graph.users().byUserId(userId).authentication());
            default -> throw new IllegalArgumentException(action + " is not a cleanup action");
          };
      return new Listing(deletions, null);
    } catch (ODataError e) {
      // Graph's own error code decides the outcome (e.g. a user without a mailbox is skipped)
      MainError error = e.getError();
      return new Listing(
          List.of(),
          new GraphAnswer(
              e.getResponseStatusCode(),
              null,
              null,
              error == null || error.getCode() == null ? "ListFailed" : error.getCode(),
              error == null ? e.getMessage() : error.getMessage()));
    } catch (ApiException e) {
      return new Listing(
          List.of(),
          new GraphAnswer(e.getResponseStatusCode(), null, null, "ListFailed", e.getMessage()));
    } catch (RuntimeException e) {
      return new Listing(List.of(), GraphAnswer.noAnswer(e.getClass().getSimpleName()));
    }
  }

  private static List<RequestInformation> grants(GraphServiceClient graph, String userId) {
    List<RequestInformation> deletions = new ArrayList<>();
    var request = graph.users().byUserId(userId).oauth2PermissionGrants();
    // Graph pages at 100 by default: an attacker's 101st grant must not survive
    for (var page = request.get();
        page != null;
        page = next(page.getOdataNextLink(), url -> request.withUrl(url).get())) {
      for (OAuth2PermissionGrant grant : valuesOf(page.getValue())) {
        deletions.add(
            graph
                .oauth2PermissionGrants()
                .byOAuth2PermissionGrantId(grant.getId())
                .toDeleteRequestInformation());
      }
    }
    return deletions;
  }

  private static List<RequestInformation> forwardingRules(GraphServiceClient graph, String userId) {
    List<RequestInformation> deletions = new ArrayList<>();
    var rules = graph.users().byUserId(userId).mailFolders().byMailFolderId("inbox").messageRules();
    for (var page = rules.get();
        page != null;
        page = next(page.getOdataNextLink(), url -> rules.withUrl(url).get())) {
      for (MessageRule rule : valuesOf(page.getValue())) {
        if (forwards(rule.getActions())) {
          deletions.add(rules.byMessageRuleId(rule.getId()).toDeleteRequestInformation());
        }
      }
    }
    return deletions;
  }

  private static boolean forwards(MessageRuleActions actions) {
    return actions != null
        && (notEmpty(actions.getForwardTo())
            || notEmpty(actions.getRedirectTo())
            || notEmpty(actions.getForwardAsAttachmentTo()));
  }

  private static List<RequestInformation> roleMemberships(GraphServiceClient graph, String userId) {
    List<RequestInformation> deletions = new ArrayList<>();
    var memberOf = graph.users().byUserId(userId).memberOf();
    for (var page = memberOf.get();
        page != null;
        page = next(page.getOdataNextLink(), url -> memberOf.withUrl(url).get())) {
      for (DirectoryObject member : valuesOf(page.getValue())) {
        if (member instanceof DirectoryRole role) {
          deletions.add(
              graph
                  .directoryRoles()
                  .byDirectoryRoleId(role.getId())
                  .members()
                  .byDirectoryObjectId(userId)
                  .ref()
                  .toDeleteRequestInformation());
        }
      }
    }
    return deletions;
  }

  /** The next page, read through a request builder pointed at Graph's {@code @odata.nextLink}. */
  static <P> P next(String nextLink, Function<String, P> fetch) {
    return nextLink == null ? null : fetch.apply(nextLink);
  }

  static <T> List<T> valuesOf(List<T> values) {
    return values == null ? List.of() : values;
  }

  private static boolean notEmpty(List<?> list) {
    return list != null && !list.isEmpty();
  }
}
