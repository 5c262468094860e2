package io.cordon.account.service.execution;

import com.microsoft.graph.identityprotection.riskyusers.confirmcompromised.ConfirmCompromisedPostRequestBody;
import com.microsoft.graph.identityprotection.riskyusers.dismiss.DismissPostRequestBody;
import com.microsoft.graph.models.PasswordProfile;
import com.microsoft.graph.models.User;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.RequestInformation;
import io.cordon.account.client.GraphCall;
import io.cordon.account.client.GraphClients;
import io.cordon.account.config.GraphConfig;
import io.cordon.account.config.GraphTenant;
import io.cordon.account.model.AccountFacts;
import io.cordon.account.repository.ActionLedger;
import io.cordon.account.repository.ActionLedgerEntity;
import io.cordon.account.service.verdict.Verdict;
import io.cordon.contracts.ActionOutcome;
import io.cordon.contracts.ActionType;
import io.cordon.contracts.ReasonCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Turns a ledger row into either a decision that needs no Graph call (a guest, a synced account, an
 * action not automated) or the SDK request that carries it out.
 */
@ApplicationScoped
public class GraphRequestPlanner {
  @Inject GraphClients clients;
  @Inject GraphConfig config;
  @Inject ActionLedger ledger;

  /**
   * What becomes of a ledger row: exactly one of three, so no caller can mistake one for another.
   */
  public sealed interface Plan {
    /** Decided without Graph: the verdict is final. */
    record Decided(Verdict verdict) implements Plan {}

    /** One request inside a Graph {@code $batch}. */
    record BatchCall(GraphCall call) implements Plan {}

    /**
     * Carried out on its own, not inside a batch: listed and deleted by {@link CleanupExecutor}, or
     * a Temporary Access Pass whose answer must be read and sealed.
     */
    record OnItsOwn() implements Plan {}
  }

  public Plan plan(GraphTenant tenant, ActionLedgerEntity row, AccountFacts facts) {
    ActionType action = ActionType.valueOf(row.action);
    Verdict decided = decideWithoutGraph(action, facts);
    if (decided != null) {
      return new Plan.Decided(decided);
    }
    if (action == ActionType.ENABLE_ACCOUNT && !ledger.disabledByCordon(row.accountObjectId)) {
      // a release undoes what Cordon did, nothing else: an account disabled by its
      // organisation (a leaver, a suspension) stays disabled
      return new Plan.Decided(
          Verdict.finish(
              ActionOutcome.SKIPPED,
              ReasonCode.NOT_APPLICABLE,
              "Cordon did not disable this account (or enabled it since): it is left as it is"));
    }
    if (OwnCallActions.ACTIONS.contains(action)) {
      // listed and deleted by CleanupExecutor, or a pass whose answer must be read and sealed:
      // not a call inside a batch
      return new Plan.OnItsOwn();
    }
    GraphServiceClient graph = clients.graph(tenant);
    String user = row.accountObjectId;
    RequestInformation request =
        switch (action) {
          case REVOKE_SESSIONS ->
              withEmptyJsonBody(
                  graph.users().byUserId(user).revokeSignInSessions().toPostRequestInformation());
          case RESET_PASSWORD -> graph.users().byUserId(user).toPatchRequestInformation(resetTo());
          case DISABLE_ACCOUNT ->
              graph.users().byUserId(user).toPatchRequestInformation(enabled(false));
          case ENABLE_ACCOUNT ->
              graph.users().byUserId(user).toPatchRequestInformation(enabled(true));
          default -> throw new IllegalArgumentException(action + " is not a per-user call");
        };
    return new Plan.BatchCall(new GraphCall(row.actionId, request, true, false));
  }

  /**
   * Identity Protection allows one request per second: confirm many users compromised (or dismiss
   * their risk) in one call.
   */
  public GraphCall identityProtection(
      GraphTenant tenant, ActionType action, String key, List<String> userIds) {
    var riskyUsers = clients.graph(tenant).identityProtection().riskyUsers();
    RequestInformation request =
        switch (action) {
          case CONFIRM_COMPROMISED -> {
            ConfirmCompromisedPostRequestBody body = new ConfirmCompromisedPostRequestBody();
            body.setUserIds(userIds);
            yield riskyUsers.confirmCompromised().toPostRequestInformation(body);
          }
          case DISMISS_RISK -> {
            DismissPostRequestBody body = new DismissPostRequestBody();
            body.setUserIds(userIds);
            yield riskyUsers.dismiss().toPostRequestInformation(body);
          }
          default ->
              throw new IllegalArgumentException(action + " is not an Identity Protection call");
        };
    return new GraphCall(key, request, true, true);
  }

  static Verdict decideWithoutGraph(ActionType action, AccountFacts facts) {
    boolean passwordOrSignIn =
        action == ActionType.REVOKE_SESSIONS || action == ActionType.RESET_PASSWORD;
    if (facts.guest() && passwordOrSignIn) {
      return Verdict.finish(
          ActionOutcome.SKIPPED,
          ReasonCode.GUEST_ACCOUNT,
          "guest accounts sign in and keep credentials in their home tenant");
    }
    if (facts.guest() && action == ActionType.ISSUE_TEMPORARY_ACCESS_PASS) {
      return Verdict.finish(
          ActionOutcome.SKIPPED,
          ReasonCode.GUEST_ACCOUNT,
          "a guest's authentication methods live in its home tenant: no Temporary Access Pass here");
    }
    boolean mastered =
        action == ActionType.RESET_PASSWORD
            || action == ActionType.DISABLE_ACCOUNT
            || action == ActionType.ENABLE_ACCOUNT;
    if (facts.onPremisesSynced() && mastered) {
      return Verdict.finish(
          ActionOutcome.REQUIRES_MANUAL,
          ReasonCode.ON_PREMISES_SYNCED,
          "account is synced from on-premises AD: change it there (app-only writes are refused)");
    }
    return switch (action) {
      case REVOKE_SESSIONS,
          RESET_PASSWORD,
          DISABLE_ACCOUNT,
          ENABLE_ACCOUNT,
          CONFIRM_COMPROMISED,
          DISMISS_RISK,
          ISSUE_TEMPORARY_ACCESS_PASS,
          REVOKE_OAUTH_GRANTS,
          REMOVE_FORWARDING_RULES,
          REMOVE_MAIL_RULES,
          REMOVE_PRIVILEGED_ROLES,
          REMOVE_MFA_METHODS,
          REMOVE_APP_CREDENTIALS,
          REMOVE_APP_CONSENTS,
          DISABLE_DEVICES ->
          null;
      default ->
          Verdict.finish(
              ActionOutcome.REQUIRES_MANUAL,
              ReasonCode.NOT_APPLICABLE,
              action + " is not automated by this version of account-service");
    };
  }

  private User resetTo() {
    PasswordProfile profile = new PasswordProfile();
    profile.setPassword(PasswordGenerator.generate());
    profile.setForceChangePasswordNextSignIn(true);
    profile.setForceChangePasswordNextSignInWithMfa(config.forceChangePasswordNextSignInWithMfa());
    User user = new User();
    user.setPasswordProfile(profile);
    return user;
  }

  private static User enabled(boolean enabled) {
    User user = new User();
    user.setAccountEnabled(enabled);
    return user;
  }

  // the SDK's batch content cannot carry a body-less POST; Graph accepts an empty JSON object
  private static RequestInformation withEmptyJsonBody(RequestInformation request) {
    request.setStreamContent(
        new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8)), "application/json");
    return request;
  }
}
