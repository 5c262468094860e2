package io.cordon.account.service.execution;

import io.cordon.account.client.ClockOffset;
import io.cordon.account.client.GraphClock;
import io.cordon.account.client.UserEffectsReader;
import io.cordon.account.client.UserEffectsReader.UserEffects;
import io.cordon.account.config.GraphConfig;
import io.cordon.account.config.GraphTenant;
import io.cordon.account.repository.ActionLedgerEntity;
import io.cordon.account.service.budget.BudgetSpend;
import io.cordon.account.service.budget.GraphBudget;
import io.cordon.account.service.verdict.AnswerClassifier;
import io.cordon.account.service.verdict.Verdict;
import io.cordon.contracts.ActionOutcome;
import io.cordon.contracts.ActionType;
import io.cordon.contracts.ReasonCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Before a write that may already have taken effect (its executor died mid-send, or Graph never
 * answered) is sent again, reads the user and finishes the action when its effect is there, so that
 * no action takes effect twice. Times are compared as Graph reports them: whole seconds of Graph's
 * clock, with the offset of that clock measured from the answers' {@code Date} headers.
 *
 * <p>Only the four user writes are checked (ISSUE_TEMPORARY_ACCESS_PASS checks its own way, in its
 * executor). The others repeat without a second effect: confirmCompromised sets a risk state that a
 * second call leaves as it is, and the clean-up actions list what is still there and delete it (an
 * object already deleted is not listed again, or answers 404).
 */
@ApplicationScoped
public class AppliedEffectCheck {
  static final Set<ActionType> CHECKED =
      EnumSet.of(
          ActionType.REVOKE_SESSIONS,
          ActionType.RESET_PASSWORD,
          ActionType.DISABLE_ACCOUNT,
          ActionType.ENABLE_ACCOUNT);

  @Inject UserEffectsReader reader;
  @Inject GraphBudget budget;
  @Inject GraphConfig config;
  @Inject GraphClock clock;

  /**
   * Verdicts for the rows that need no sending: SUCCEEDED when the effect is there, a retry when
   * the user could not be read. Rows left out are to be sent.
   */
  public Map<ActionLedgerEntity, Verdict> check(GraphTenant tenant, List<ActionLedgerEntity> rows)
      throws InterruptedException {
    List<ActionLedgerEntity> uncertain =
        rows.stream()
            .filter(r -> r.possiblyAppliedSince != null)
            .filter(r -> CHECKED.contains(ActionType.valueOf(r.action)))
            .toList();
    Map<ActionLedgerEntity, Verdict> verdicts = new LinkedHashMap<>();
    if (uncertain.isEmpty()) {
      return verdicts;
    }
    List<String> users = uncertain.stream().map(r -> r.accountObjectId).distinct().toList();
    Map<String, UserEffectsReader.Reading> readings;
    try (BudgetSpend spend = budget.acquire(tenant, users.size(), 0, 0)) {
      readings = reader.read(tenant, users);
    }
    ClockOffset offset = clock.offset();
    for (ActionLedgerEntity row : uncertain) {
      UserEffectsReader.Reading reading = readings.get(row.accountObjectId);
      if (reading.failure() != null) {
        Verdict unread = AnswerClassifier.classify(reading.failure());
        // still unknown whether the write took effect: keep checking rather than give up early
        verdicts.put(row, unread.isFinal() ? unread : unread.unconfirmed());
        continue;
      }
      Verdict verdict =
          verdictFor(
              ActionType.valueOf(row.action),
              reading.effects(),
              row.possiblyAppliedSince,
              GraphInterval.ofUnconfirmedAttempt(row, offset));
      if (verdict != null) {
        verdicts.put(row, verdict);
      }
    }
    return verdicts;
  }

  /**
   * The verdict when Graph shows the effect of (or a change too close to) the unconfirmed attempt
   * claimed at local {@code since}, Graph time {@code attempt}; null when the action is to be sent.
   */
  static Verdict verdictFor(
      ActionType action, UserEffects effects, Instant since, GraphInterval attempt) {
    return switch (action) {
      case REVOKE_SESSIONS ->
          // a revoke in the attempt's own second invalidates the same sessions: judged done
          byTime(
                  "signInSessionsValidFromDateTime",
                  effects.signInSessionsValidFrom(),
                  since,
                  attempt)
              .verdict(true);
      case RESET_PASSWORD ->
          // a second reset would set a password nobody was told of: undecidable is left to a person
          byTime("lastPasswordChangeDateTime", effects.lastPasswordChange(), since, attempt)
              .verdict(false);
      case DISABLE_ACCOUNT ->
          Boolean.FALSE.equals(effects.accountEnabled())
              ? alreadyDone(since, "accountEnabled false")
              : null;
      case ENABLE_ACCOUNT ->
          Boolean.TRUE.equals(effects.accountEnabled())
              ? alreadyDone(since, "accountEnabled true")
              : null;
      default -> null;
    };
  }

  private static TimedEffect byTime(
      String property, Instant shown, Instant since, GraphInterval attempt) {
    return new TimedEffect(property, shown, since, attempt, EffectOrder.of(shown, attempt));
  }

  private static Verdict alreadyDone(Instant since, String shown) {
    return Verdict.finish(
        ActionOutcome.SUCCEEDED,
        ReasonCode.ALREADY_DONE,
        "verified in Graph after an unconfirmed attempt at " + since + ": " + shown);
  }

  /** A time Graph shows for the action's effect, placed relative to the attempt. */
  private record TimedEffect(
      String property, Instant shown, Instant since, GraphInterval attempt, EffectOrder order) {

    /** The verdict, or null when the attempt did not apply and the action is to be sent. */
    Verdict verdict(boolean undecidableIsDone) {
      return switch (order) {
        case BEFORE_ATTEMPT -> null;
        case AFTER_ATTEMPT -> alreadyDone(since, property + " " + shown);
        case UNDECIDABLE ->
            undecidableIsDone
                ? alreadyDone(
                    since,
                    property
                        + " "
                        + shown
                        + " is within Graph's clock uncertainty of the attempt; judged done")
                : Verdict.finish(
                    ActionOutcome.REQUIRES_MANUAL,
                    ReasonCode.EFFECT_UNVERIFIABLE,
                    property
                        + " "
                        + shown
                        + " (Graph reports whole seconds) falls in the second of an unconfirmed"
                        + " attempt at "
                        + since
                        + " ("
                        + attempt
                        + "), so Cordon cannot tell whether the change was its own and did not"
                        + " send it again. Check the Entra audit log for that change: if Cordon's"
                        + " app did not make it, reset the password by hand.");
      };
    }
  }
}
