package io.cordon.account.service.recovery;

import io.cordon.account.client.TemporaryAccessPassClient.IssuedPass;
import io.cordon.account.repository.ActionLedgerEntity;
import io.cordon.account.repository.TemporaryAccessPassEntity;
import io.cordon.account.repository.TemporaryAccessPasses;
import io.cordon.commons.audit.Audit;
import io.cordon.commons.audit.AuditEntry;
import io.cordon.commons.audit.AuditKind;
import io.cordon.commons.problem.ProblemException;
import io.cordon.commons.problem.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Keeps issued Temporary Access Passes sealed and hands each out once: to a helpdesk person, within
 * its lifetime, and never again. Every issue and every read (or refused read) is audited with who,
 * when and which account — never the pass.
 */
@ApplicationScoped
public class TemporaryAccessPassVault {
  static final String SEALED = "SEALED";
  static final String RETRIEVED = "RETRIEVED";
  static final String EXPIRED = "EXPIRED";

  @Inject TemporaryAccessPasses passes;
  @Inject PassSeal seal;
  @Inject Audit audit;

  /** Whether this action's pass was already issued and kept (its completion may not be). */
  @Transactional
  public boolean keptFor(String actionId) {
    return passes.forAction(actionId).isPresent();
  }

  /** Seals and stores a pass Graph just created, in its own transaction. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void keep(ActionLedgerEntity row, IssuedPass issued) {
    String account = normal(row.accountObjectId);
    // nothing of a pass outlives it: expired ones still sealed are erased on the way
    passes.eraseExpired(micros(Instant.now()));
    PassSeal.Sealed sealed = seal.seal(issued.pass(), account, row.actionId);
    TemporaryAccessPassEntity entity = new TemporaryAccessPassEntity();
    entity.actionId = row.actionId;
    entity.accountObjectId = account;
    entity.userPrincipalName = row.userPrincipalName;
    entity.runId = row.runId;
    entity.graphMethodId = issued.methodId();
    entity.usableOnce = issued.usableOnce();
    entity.createdAt = micros(issued.createdAt());
    entity.startsAt = micros(issued.startsAt());
    entity.expiresAt = micros(issued.startsAt().plus(issued.lifetime()));
    entity.sealKeyId = sealed.keyId();
    entity.sealNonce = sealed.nonce();
    entity.sealedPass = sealed.ciphertext();
    entity.persist();
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("actionId", entity.actionId);
    after.put("state", SEALED);
    after.put("expiresAt", entity.expiresAt.toString());
    after.put("usableOnce", entity.usableOnce);
    audit.recordAsService(
        AuditEntry.of(AuditKind.TEMPORARY_ACCESS_PASS, "temporary-access-pass.sealed", account)
            .withAccount(account, row.userPrincipalName)
            .withRun(row.runId)
            .withChange(null, after)
            .withResult(SEALED, null)
            .withCorrelation(row.actionId));
  }

  /**
   * Opens the account's latest pass for {@code principal} and erases it. A pass already read, run
   * out or never issued is refused (410 or 404); the refusal is audited too.
   */
  @Transactional(dontRollbackOn = ProblemException.class)
  public RetrievedPass retrieve(String objectId, String principal) {
    String account = normal(objectId);
    Instant now = micros(Instant.now());
    TemporaryAccessPassEntity row =
        passes
            .latestForUpdate(account)
            .orElseThrow(
                () -> {
                  record(account, null, null, principal, "NOT_FOUND", "no pass was issued");
                  return ProblemException.notFound("A Temporary Access Pass for " + account);
                });
    if (row.retrievedAt != null) {
      record(account, row, row.userPrincipalName, principal, "REFUSED", "already retrieved");
      throw new ProblemException(
          ProblemType.GONE,
          "The Temporary Access Pass of "
              + account
              + " was already retrieved at "
              + row.retrievedAt
              + " by "
              + row.retrievedBy
              + "; it is handed out once. Issue a new one (run recover-account again) if it was"
              + " lost.");
    }
    if (row.sealedPass == null || !row.expiresAt.isAfter(now)) {
      row.erase();
      record(account, row, row.userPrincipalName, principal, "REFUSED", "expired");
      throw new ProblemException(
          ProblemType.GONE,
          "The Temporary Access Pass of "
              + account
              + " expired at "
              + row.expiresAt
              + " unread; issue a new one (run recover-account again).");
    }
    String pass =
        seal.open(
            new PassSeal.Sealed(row.sealNonce, row.sealedPass, row.sealKeyId),
            account,
            row.actionId);
    row.erase();
    row.retrievedAt = now;
    row.retrievedBy = principal;
    record(account, row, row.userPrincipalName, principal, RETRIEVED, null);
    return new RetrievedPass(
        account,
        row.userPrincipalName,
        pass,
        row.startsAt,
        row.expiresAt,
        row.usableOnce,
        principal,
        now);
  }

  /** The latest pass's state, never its value. */
  @Transactional
  public PassStatus status(String objectId) {
    String account = normal(objectId);
    TemporaryAccessPassEntity row =
        passes
            .latest(account)
            .orElseThrow(() -> ProblemException.notFound("A Temporary Access Pass for " + account));
    return new PassStatus(
        account,
        row.actionId,
        row.runId,
        state(row, Instant.now()),
        row.createdAt,
        row.startsAt,
        row.expiresAt,
        row.usableOnce,
        row.retrievedBy,
        row.retrievedAt);
  }

  static String state(TemporaryAccessPassEntity row, Instant now) {
    if (row.retrievedAt != null) {
      return RETRIEVED;
    }
    return row.sealedPass == null || !row.expiresAt.isAfter(now) ? EXPIRED : SEALED;
  }

  private void record(
      String account,
      TemporaryAccessPassEntity row,
      String upn,
      String principal,
      String result,
      String why) {
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("retrievedBy", principal);
    if (row != null) {
      after.put("actionId", row.actionId);
      after.put("expiresAt", row.expiresAt.toString());
    }
    audit.record(
        AuditEntry.of(AuditKind.TEMPORARY_ACCESS_PASS, "temporary-access-pass.retrieve", account)
            .withAccount(account, upn)
            .withRun(row == null ? null : row.runId)
            .withChange(null, after)
            .withResult(result, why));
  }

  private static String normal(String objectId) {
    return objectId.strip().toLowerCase(Locale.ROOT);
  }

  private static Instant micros(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MICROS);
  }
}
