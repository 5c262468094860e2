package io.cordon.account.client;

import com.microsoft.graph.models.OAuth2PermissionGrant;
import com.microsoft.graph.models.odataerrors.MainError;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.ApiException;
import com.microsoft.kiota.RequestInformation;
import io.cordon.account.config.GraphTenant;
import io.cordon.contracts.ActionType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * For actions that remove what an attacker left behind: lists what to remove for one user (OAuth
 * grants, forwarding and hiding inbox rules, privileged roles, MFA methods, app credentials, app
 * consents and devices added in the compromise window) and builds the removals.
 */
@ApplicationScoped
public class CleanupTargets {
  @Inject GraphClients clients;
  @Inject AppCredentialTargets appCredentials;
  @Inject ConsentTargets consents;
  @Inject DeviceTargets devices;

  /**
   * One thing to remove. {@code key} names the object itself (the same on every listing, so that a
   * listing after the removals shows whether it is gone); {@code label} names it for people.
   */
  public record Removal(String key, String label, RequestInformation request) {}

  /**
   * What to remove, and what stays: {@code older} were added before the window (listed, not
   * removed), {@code undated} have no creation time in Graph (left for a person to judge). {@code
   * failure} is the Graph answer that prevented listing.
   */
  public record Listing(
      List<Removal> removals, List<String> older, List<String> undated, GraphAnswer failure) {
    public static Listing of(List<Removal> removals) {
      return new Listing(removals, List.of(), List.of(), null);
    }

    public static Listing failed(GraphAnswer failure) {
      return new Listing(List.of(), List.of(), List.of(), failure);
    }
  }

  /**
   * @param windowStart the start of the account's compromise window: actions that can tell an
   *     object's age remove only what was added from then on
   */
  public Listing list(GraphTenant tenant, ActionType action, String userId, Instant windowStart) {
    GraphServiceClient graph = clients.listingGraph(tenant);
    try {
      return switch (action) {
        case REVOKE_OAUTH_GRANTS -> Listing.of(grants(graph, userId));
        // the old name runs the mail rule action (docs/playbooks.md)
        case REMOVE_FORWARDING_RULES, REMOVE_MAIL_RULES -> MailRuleTargets.list(graph, userId);
        case REMOVE_PRIVILEGED_ROLES -> Listing.of(PrivilegedRoleTargets.list(graph, userId));
        case REMOVE_MFA_METHODS ->
            AuthenticationMethodDeletions.of(
                graph.users().byUserId(userId).authentication(), windowStart);
        case REMOVE_APP_CREDENTIALS -> appCredentials.list(graph, userId, windowStart);
        case REMOVE_APP_CONSENTS -> consents.list(graph, userId, windowStart);
        case DISABLE_DEVICES -> devices.list(graph, userId, windowStart);
        default -> throw new IllegalArgumentException(action + " is not a cleanup action");
      };
    } catch (ODataError e) {
      return Listing.failed(answerOf(e));
    } catch (ApiException e) {
      return Listing.failed(
          new GraphAnswer(e.getResponseStatusCode(), null, null, "ListFailed", e.getMessage()));
    } catch (RuntimeException e) {
      return Listing.failed(GraphAnswer.noAnswer(e.getClass().getSimpleName()));
    }
  }

  /** Graph's own error code decides the outcome (e.g. a user without a mailbox is skipped). */
  static GraphAnswer answerOf(ODataError e) {
    MainError error = e.getError();
    return new GraphAnswer(
        e.getResponseStatusCode(),
        null,
        null,
        error == null || error.getCode() == null ? "ListFailed" : error.getCode(),
        error == null ? e.getMessage() : error.getMessage());
  }

  private static List<Removal> grants(GraphServiceClient graph, String userId) {
    List<Removal> removals = new ArrayList<>();
    var request = graph.users().byUserId(userId).oauth2PermissionGrants();
    // Graph pages at 100 by default: an attacker's 101st grant must not survive
    for (var page = request.get();
        page != null;
        page = next(page.getOdataNextLink(), url -> request.withUrl(url).get())) {
      for (OAuth2PermissionGrant grant : valuesOf(page.getValue())) {
        removals.add(
            new Removal(
                "grant:" + grant.getId(),
                "grant " + grant.getId(),
                graph
                    .oauth2PermissionGrants()
                    .byOAuth2PermissionGrantId(grant.getId())
                    .toDeleteRequestInformation()));
      }
    }
    return removals;
  }

  /** The next page, read through a request builder pointed at Graph's {@code @odata.nextLink}. */
  static <P> P next(String nextLink, Function<String, P> fetch) {
    return nextLink == null ? null : fetch.apply(nextLink);
  }

  static <T> List<T> valuesOf(List<T> values) {
    return values == null ? List.of() : values;
  }

  static boolean notEmpty(List<?> list) {
    return list != null && !list.isEmpty();
  }
}
