package io.cordon.account.service.protection;

import io.cordon.account.config.ProtectionConfig;
import io.cordon.account.repository.ProtectionOverrideEntity;
import io.cordon.account.repository.ProtectionOverrides;
import io.cordon.commons.audit.Audit;
import io.cordon.commons.audit.AuditEntry;
import io.cordon.commons.audit.AuditKind;
import io.cordon.commons.problem.Problem;
import io.cordon.commons.problem.ProblemException;
import io.cordon.commons.problem.ProblemType;
import io.cordon.commons.security.CurrentPrincipal;
import io.cordon.commons.security.SecondPerson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Lets automated actions touch one protected account for a while, and only with two people: one
 * asks (with a reason and a duration), an admin who is not that person approves, and the override
 * runs out by itself. An admin can end it early. Every step is audited.
 */
@ApplicationScoped
public class ProtectionOverrideService {
  @Inject ProtectionOverrides overrides;
  @Inject ProtectionConfig config;
  @Inject Audit audit;

  @Transactional
  public ProtectionOverride request(
      String objectId, String reason, int minutes, CurrentPrincipal requester) {
    String principal = requester.name();
    if (minutes < 1 || minutes > config.overrideMaxMinutes()) {
      throw ProblemException.invalidField(
          "minutes", "must be between 1 and " + config.overrideMaxMinutes());
    }
    Instant now = now();
    overrides.lock(objectId);
    overrides
        .open(objectId, now)
        .ifPresent(
            open -> {
              throw conflict(
                  objectId,
                  "account "
                      + objectId
                      + " already has an override "
                      + state(open, now)
                      + "; end it first (DELETE .../override)");
            });
    ProtectionOverrideEntity row = new ProtectionOverrideEntity();
    row.id = UUID.randomUUID();
    row.objectId = objectId;
    row.reason = reason;
    row.durationMinutes = minutes;
    row.requestedBy = principal;
    row.requestedById = requester.id();
    row.requestedAt = now;
    row.persist();
    record(row, "protected-account.override-requested", now);
    return view(row, now);
  }

  @Transactional
  public ProtectionOverride approve(String objectId, CurrentPrincipal approver) {
    String principal = approver.name();
    Instant now = now();
    overrides.lock(objectId);
    ProtectionOverrideEntity row =
        overrides
            .open(objectId, now)
            .orElseThrow(
                () -> conflict(objectId, "no override request is waiting for " + objectId));
    if (row.approvedAt != null) {
      throw conflict(objectId, "the override of " + objectId + " is already approved");
    }
    SecondPerson.require(
        approver, row.requestedBy, row.requestedById, "approve the override of " + objectId);
    row.approvedBy = principal;
    row.approvedAt = now;
    row.expiresAt = now.plus(Duration.ofMinutes(row.durationMinutes));
    record(row, "protected-account.override-approved", now);
    return view(row, now);
  }

  /** Withdraws a waiting request or ends an active override at once. */
  @Transactional
  public ProtectionOverride end(String objectId, String principal) {
    Instant now = now();
    overrides.lock(objectId);
    ProtectionOverrideEntity row =
        overrides
            .open(objectId, now)
            .orElseThrow(() -> ProblemException.notFound("An open override of " + objectId));
    row.endedBy = principal;
    row.endedAt = now;
    record(row, "protected-account.override-ended", now);
    return view(row, now);
  }

  @Transactional
  public ProtectionOverride current(String objectId) {
    Instant now = now();
    return overrides
        .open(objectId, now)
        .map(row -> view(row, now))
        .orElseThrow(() -> ProblemException.notFound("An open override of " + objectId));
  }

  private void record(ProtectionOverrideEntity row, String action, Instant now) {
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("override", row.id.toString());
    after.put("state", state(row, now));
    after.put("reason", row.reason);
    after.put("minutes", row.durationMinutes);
    after.put("requestedBy", row.requestedBy);
    if (row.expiresAt != null) {
      after.put("expiresAt", row.expiresAt.toString());
    }
    audit.record(
        AuditEntry.of(AuditKind.PROTECTED_ACCOUNT, action, row.objectId)
            .withAccount(row.objectId, null)
            .withChange(null, after)
            .withResult(state(row, now), null));
  }

  private static ProtectionOverride view(ProtectionOverrideEntity row, Instant now) {
    return new ProtectionOverride(
        row.id.toString(),
        row.objectId,
        state(row, now),
        row.reason,
        row.durationMinutes,
        row.requestedBy,
        row.requestedAt,
        row.approvedBy,
        row.approvedAt,
        row.expiresAt,
        row.endedBy,
        row.endedAt);
  }

  private static String state(ProtectionOverrideEntity row, Instant now) {
    if (row.endedAt != null) {
      return "ENDED";
    }
    if (row.approvedAt == null) {
      return "REQUESTED";
    }
    return row.activeAt(now) ? "ACTIVE" : "EXPIRED";
  }

  private static ProblemException conflict(String objectId, String reason) {
    return new ProblemException(
        ProblemType.CONFLICT,
        "Override of " + objectId + ": " + reason,
        List.of(new Problem.FieldError("id", reason)));
  }

  // stored with microsecond precision: the state computed now matches the state read back later
  private static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MICROS);
  }
}
