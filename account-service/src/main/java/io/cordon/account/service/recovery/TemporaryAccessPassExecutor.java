package io.cordon.account.service.recovery;

import io.cordon.account.client.GraphAnswer;
import io.cordon.account.client.TemporaryAccessPassClient;
import io.cordon.account.config.GraphTenant;
import io.cordon.account.config.TemporaryAccessPassConfig;
import io.cordon.account.config.TenantRegistry;
import io.cordon.account.repository.ActionLedgerEntity;
import io.cordon.account.service.budget.BudgetSpend;
import io.cordon.account.service.budget.GraphBudget;
import io.cordon.account.service.verdict.AnswerClassifier;
import io.cordon.account.service.verdict.Verdict;
import io.cordon.contracts.ActionOutcome;
import io.cordon.contracts.ReasonCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * ISSUE_TEMPORARY_ACCESS_PASS for one account: asks Graph for a pass and seals it at once.
 *
 * <p>Graph keeps one usable pass per user, and a second create replaces (deletes) the first. So a
 * pass is never issued blindly a second time: a pass already sealed for this action finishes it; an
 * attempt whose answer was lost lists the user's passes first, and a usable pass it finds (whose
 * value Cordon never received) is left to a person instead of being replaced.
 */
@ApplicationScoped
public class TemporaryAccessPassExecutor {
  private static final Logger LOG = Logger.getLogger(TemporaryAccessPassExecutor.class);
  static final Duration SHORTEST = Duration.ofMinutes(10);
  static final Duration LONGEST = Duration.ofDays(30);

  @Inject TemporaryAccessPassClient client;
  @Inject TemporaryAccessPassConfig config;
  @Inject TemporaryAccessPassVault vault;
  @Inject PassSeal seal;
  @Inject GraphBudget budget;
  @Inject TenantRegistry tenants;

  public Verdict execute(ActionLedgerEntity row) throws InterruptedException {
    if (vault.keptFor(row.actionId)) {
      return Verdict.finish(
          ActionOutcome.SUCCEEDED,
          ReasonCode.ALREADY_DONE,
          "a Temporary Access Pass was issued and sealed for this action before; not issued again");
    }
    if (!seal.configured()) {
      return Verdict.finish(
          ActionOutcome.REQUIRES_MANUAL,
          ReasonCode.NOT_APPLICABLE,
          "no usable seal key configured (cordon.temporary-access-pass.seal-key, 32 bytes base64):"
              + " Cordon issues no pass it cannot keep sealed; issue one in the Entra admin center");
    }
    Duration lifetime = lifetime();
    if (row.possiblyAppliedSince != null) {
      Verdict existing = passAlreadyThere(row);
      if (existing != null) {
        return existing;
      }
    }
    TemporaryAccessPassClient.Issue issue;
    GraphTenant tenant = tenants.forTenantId(row.tenantId);
    try (BudgetSpend spend = budget.acquire(tenant, 1, 1, 0)) {
      issue = client.issue(tenant, row.accountObjectId, lifetime, config.usableOnce());
    }
    if (issue.failure() != null) {
      Verdict verdict = AnswerClassifier.classify(issue.failure());
      return mayHaveApplied(issue.failure()) && !verdict.isFinal()
          ? verdict.unconfirmed()
          : verdict;
    }
    try {
      vault.keep(row, issue.issued());
    } catch (RuntimeException e) {
      // Graph made a pass that could not be kept: the next attempt finds it and leaves it to a
      // person rather than replacing it blindly
      LOG.warnf(
          "Temporary Access Pass for action %s issued but not sealed: %s",
          row.actionId, e.getClass().getSimpleName());
      return Verdict.retry(
              null,
              ReasonCode.UNKNOWN_ERROR,
              "the pass Graph issued could not be sealed (" + e.getClass().getSimpleName() + ")")
          .unconfirmed();
    }
    return Verdict.finish(
        ActionOutcome.SUCCEEDED,
        ReasonCode.OK,
        "Temporary Access Pass issued and sealed ("
            + (issue.issued().usableOnce() ? "one-time, " : "")
            + issue.issued().lifetime().toMinutes()
            + " min from "
            + issue.issued().startsAt()
            + "); a helpdesk person reads it once");
  }

  /** Null when the user has no usable pass, so one may be issued; else the verdict. */
  private Verdict passAlreadyThere(ActionLedgerEntity row) throws InterruptedException {
    TemporaryAccessPassClient.Listing listing;
    GraphTenant tenant = tenants.forTenantId(row.tenantId);
    try (BudgetSpend spend = budget.acquire(tenant, 1, 0, 0)) {
      listing = client.list(tenant, row.accountObjectId);
    }
    if (listing.failure() != null) {
      Verdict unread = AnswerClassifier.classify(listing.failure());
      // still unknown whether the create took effect: keep checking rather than give up early
      return unread.isFinal() ? unread : unread.unconfirmed();
    }
    List<TemporaryAccessPassClient.ExistingPass> usable =
        listing.passes().stream().filter(p -> !Boolean.FALSE.equals(p.usable())).toList();
    if (usable.isEmpty()) {
      return null;
    }
    return Verdict.finish(
        ActionOutcome.REQUIRES_MANUAL,
        ReasonCode.EFFECT_UNVERIFIABLE,
        "an attempt at "
            + row.possiblyAppliedSince
            + " got no answer and the user now has a usable Temporary Access Pass (created "
            + usable.get(0).createdAt()
            + ") whose value Cordon never received. A second create would replace it, so Cordon"
            + " did not send one: delete that pass in Entra (or check who issued it) and retry"
            + " the step.");
  }

  private Duration lifetime() {
    Duration configured = config.lifetime();
    if (configured.compareTo(SHORTEST) < 0) {
      return SHORTEST;
    }
    return configured.compareTo(LONGEST) > 0 ? LONGEST : configured;
  }

  /** No answer or a gateway timeout: Graph may have created the pass. */
  private static boolean mayHaveApplied(GraphAnswer answer) {
    return answer.status() == 0 || answer.status() == 504;
  }
}
