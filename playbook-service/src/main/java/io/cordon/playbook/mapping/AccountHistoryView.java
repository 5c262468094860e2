package io.cordon.playbook.mapping;

import io.cordon.contracts.IndicatorType;
import io.cordon.playbook.model.EvidenceDisposition;
import io.cordon.playbook.model.IncidentState;
import java.time.Instant;
import java.util.List;

/**
 * An account's story across incidents, as {@code GET /api/v1/accounts/{objectIdOrUpn}} answers it:
 * where its containment stands in each incident, every piece of evidence, every action taken.
 */
public record AccountHistoryView(
    String objectId,
    String userPrincipalName,
    List<Membership> incidents,
    List<EvidenceView> evidence,
    List<ActionView> actions) {

  /** The account in one incident. */
  public record Membership(
      String incidentId, String title, IncidentState incidentState, IncidentAccountView account) {}

  /**
   * A report, detection or manual run that named the account.
   *
   * @param activityAt the activity the evidence describes; null when it gave none
   * @param firstSeenAt the earliest attacker activity the evidence names; null when it named none
   * @param disposition what Cordon did: contained it, attached the evidence only, contained it
   *     again
   * @param note the responder's words for an explicit recontain
   * @param indicators the indicators of compromise the evidence named, in its order; empty if none
   */
  public record EvidenceView(
      String incidentId,
      String reportId,
      String runId,
      String source,
      String reportedBy,
      Instant receivedAt,
      Instant activityAt,
      Instant firstSeenAt,
      EvidenceDisposition disposition,
      String reason,
      String note,
      List<IndicatorView> indicators) {}

  /**
   * An indicator of compromise as evidence named it.
   *
   * @param observedAt when the evidence saw it; null when it did not say
   * @param source what named it, e.g. {@code csv} or {@code entra-risk-detection}; null if unknown
   */
  public record IndicatorView(
      IndicatorType type, String value, Instant observedAt, String source) {}

  /** One step of a run for the account. */
  public record ActionView(
      String incidentId,
      String runId,
      String stepId,
      String action,
      String state,
      String reason,
      String message,
      int attempt,
      String graphRequestId,
      Instant startedAt,
      Instant finishedAt) {}
}
