package io.cordon.account.client;

import com.microsoft.graph.models.KeyCredential;
import com.microsoft.graph.models.PasswordCredential;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.RequestInformation;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * REMOVE_APP_CREDENTIALS: the password and key credentials of the applications and service
 * principals a user owns ({@code GET /users/{id}/ownedObjects/microsoft.graph.application} and
 * {@code .../microsoft.graph.servicePrincipal}). A password credential whose {@code startDateTime}
 * is in the compromise window is removed with {@code POST .../removePassword}; a key credential in
 * the window is named for a person: Graph's {@code removeKey} wants a proof JWT signed with an
 * existing key of the app, which Cordon does not hold, and replacing the whole {@code
 * keyCredentials} collection by PATCH would race with the owner's own changes. Older credentials
 * are listed, not removed. Secret values and hints are never read or reported.
 */
@ApplicationScoped
public class AppCredentialTargets {
  private static final String[] SELECT = {
    "id", "appId", "displayName", "passwordCredentials", "keyCredentials"
  };

  /** One app object's credentials, whichever of the two kinds it is. */
  private record Owned(
      String kind,
      String id,
      String appId,
      String displayName,
      List<PasswordCredential> passwords,
      List<KeyCredential> keys) {}

  public CleanupTargets.Listing list(GraphServiceClient graph, String userId, Instant windowStart) {
    List<Owned> owned = new ArrayList<>();
    var apps = graph.users().byUserId(userId).ownedObjects().graphApplication();
    // paged like any collection: an attacker's 101st app must not be missed
    for (var page = apps.get(c -> c.queryParameters.select = SELECT);
        page != null;
        page = CleanupTargets.next(page.getOdataNextLink(), url -> apps.withUrl(url).get())) {
      CleanupTargets.valuesOf(page.getValue())
          .forEach(
              a ->
                  owned.add(
                      new Owned(
                          "application",
                          a.getId(),
                          a.getAppId(),
                          a.getDisplayName(),
                          a.getPasswordCredentials(),
                          a.getKeyCredentials())));
    }
    var principals = graph.users().byUserId(userId).ownedObjects().graphServicePrincipal();
    for (var page = principals.get(c -> c.queryParameters.select = SELECT);
        page != null;
        page = CleanupTargets.next(page.getOdataNextLink(), url -> principals.withUrl(url).get())) {
      CleanupTargets.valuesOf(page.getValue())
          .forEach(
              p ->
                  owned.add(
                      new Owned(
                          "service principal",
                          p.getId(),
                          p.getAppId(),
                          p.getDisplayName(),
                          p.getPasswordCredentials(),
                          p.getKeyCredentials())));
    }
    List<CleanupTargets.Removal> removals = new ArrayList<>();
    List<String> older = new ArrayList<>();
    List<String> manual = new ArrayList<>();
    for (Owned o : owned) {
      for (PasswordCredential secret : CleanupTargets.valuesOf(o.passwords())) {
        String name = describe("secret", secret.getKeyId(), secret.getDisplayName(), o);
        if (inWindow(secret.getStartDateTime(), windowStart)) {
          removals.add(
              new CleanupTargets.Removal(
                  "secret:" + o.id() + ":" + secret.getKeyId(),
                  name,
                  removePassword(graph, o, secret.getKeyId())));
        } else {
          older.add(name + " from " + secret.getStartDateTime());
        }
      }
      for (KeyCredential key : CleanupTargets.valuesOf(o.keys())) {
        String name = describe("certificate", key.getKeyId(), key.getDisplayName(), o);
        if (inWindow(key.getStartDateTime(), windowStart)) {
          manual.add(name + " (removeKey needs proof of possession of an existing key)");
        } else {
          older.add(name + " from " + key.getStartDateTime());
        }
      }
    }
    return new CleanupTargets.Listing(removals, older, manual, null);
  }

  /**
   * In the window when it started at or after the window's start; a credential without a start
   * counts as new (Graph sets it, so none should be without).
   */
  static boolean inWindow(OffsetDateTime start, Instant windowStart) {
    return windowStart == null || start == null || !start.toInstant().isBefore(windowStart);
  }

  private static RequestInformation removePassword(
      GraphServiceClient graph, Owned owner, UUID keyId) {
    if (owner.kind().equals("application")) {
      var body =
          new com.microsoft.graph.applications.item.removepassword.RemovePasswordPostRequestBody();
      body.setKeyId(keyId);
      return graph
          .applications()
          .byApplicationId(owner.id())
          .removePassword()
          .toPostRequestInformation(body);
    }
    var body =
        new com.microsoft.graph.serviceprincipals.item.removepassword
            .RemovePasswordPostRequestBody();
    body.setKeyId(keyId);
    return graph
        .servicePrincipals()
        .byServicePrincipalId(owner.id())
        .removePassword()
        .toPostRequestInformation(body);
  }

  private static String describe(String what, UUID keyId, String name, Owned owner) {
    return what
        + " "
        + keyId
        + (name == null || name.isBlank() ? "" : " '" + name + "'")
        + " of "
        + owner.kind()
        + " '"
        + owner.displayName()
        + "' (appId "
        + owner.appId()
        + ")";
  }
}
