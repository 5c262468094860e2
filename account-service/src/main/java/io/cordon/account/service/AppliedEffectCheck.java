package io.cordon.account.service;

import io.cordon.account.client.UserEffectsReader;
import io.cordon.account.client.UserEffectsReader.UserEffects;
import io.cordon.account.config.GraphConfig;
import io.cordon.account.repository.ActionLedgerEntity;
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
 * no action takes effect twice.
 *
 * <p>Only the three user writes are checked. The others repeat without a second effect:
 * confirmCompromised sets a risk state that a second call leaves as it is, and the clean-up actions
 * list what is still there and delete it (an object already deleted is not listed again, or answers
 * 404).
 */
@ApplicationScoped
public class AppliedEffectCheck {
  static final Set<ActionType> CHECKED =
      EnumSet.of(ActionType.REVOKE_SESSIONS, ActionType.RESET_PASSWORD, ActionType.DISABLE_ACCOUNT);

  @Inject UserEffectsReader reader;
  @Inject GraphBudget budget;
  @Inject GraphConfig config;

  /**
   * Verdicts for the rows that need no sending: SUCCEEDED when the effect is there, a retry when
   * the user could not be read. Rows left out are to be sent.
   */
  public Map<ActionLedgerEntity, Verdict> check(List<ActionLedgerEntity> rows)
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
    try (BudgetSpend spend = budget.acquire(config.tenantId(), users.size(), 0, 0)) {
      readings = reader.read(users);
    }
    for (ActionLedgerEntity row : uncertain) {
      UserEffectsReader.Reading reading = readings.get(row.accountObjectId);
      if (reading.failure() != null) {
        Verdict unread = AnswerClassifier.classify(reading.failure());
        // still unknown whether the write took effect: keep checking rather than give up early
        verdicts.put(row, unread.isFinal() ? unread : unread.unconfirmed());
        continue;
      }
      String shown = effectShown(ActionType.valueOf(row.action), reading.effects(), row);
      if (shown != null) {
        verdicts.put(
            row,
            Verdict.finish(
                ActionOutcome.SUCCEEDED,
                ReasonCode.ALREADY_DONE,
                "verified in Graph after an unconfirmed attempt at "
                    + row.possiblyAppliedSince
                    + ": "
                    + shown));
      }
    }
    return verdicts;
  }

  /** What shows that the action took effect after the unconfirmed attempt, or null. */
  static String effectShown(ActionType action, UserEffects effects, ActionLedgerEntity row) {
    Instant since = row.possiblyAppliedSince;
    return switch (action) {
      case REVOKE_SESSIONS ->
          later(effects.signInSessionsValidFrom(), since)
              ? "signInSessionsValidFromDateTime " + effects.signInSessionsValidFrom()
              : null;
      case RESET_PASSWORD ->
          later(effects.lastPasswordChange(), since)
              ? "lastPasswordChangeDateTime " + effects.lastPasswordChange()
              : null;
      case DISABLE_ACCOUNT ->
          Boolean.FALSE.equals(effects.accountEnabled()) ? "accountEnabled false" : null;
      default -> null;
    };
  }

  private static boolean later(Instant effect, Instant since) {
    return effect != null && effect.isAfter(since);
  }
}
