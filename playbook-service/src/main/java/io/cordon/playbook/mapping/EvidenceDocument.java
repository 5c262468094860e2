package io.cordon.playbook.mapping;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import io.cordon.commons.audit.AuditAnchor;
import io.cordon.playbook.model.ContainmentState;
import io.cordon.playbook.model.IncidentState;
import java.time.Instant;
import java.util.List;

/**
 * {@code GET /incidents/{id}/evidence}: what was done about an incident, by whom and when, across
 * the three services. {@code complete} is false when a part could not be read; {@code missing} says
 * which and why. The incident itself, its accounts' containment, every piece of evidence (reports
 * and detections, whatever their disposition) and every release come from this service ({@code
 * incident} is null for an id no report, detection or run ever named).
 */
@JsonPropertyOrder({
  "incidentId",
  "generatedAt",
  "generatedBy",
  "complete",
  "missing",
  "incident",
  "accounts",
  "accountEvidence",
  "releases",
  "runs"
})
public record EvidenceDocument(
    String incidentId,
    Instant generatedAt,
    String generatedBy,
    boolean complete,
    List<MissingPart> missing,
    List<RunEvidence> runs,
    List<JsonNode> reports,
    List<JsonNode> graphActions,
    List<JsonNode> notices,
    List<TimelineEntry> timeline,
    IncidentSummary incident,
    List<AccountContainment> accounts,
    List<AccountHistoryView.EvidenceView> accountEvidence,
    List<ReleaseEvidence> releases,
    // playbook-service's latest signed audit chain head (docs/security.md "Audit anchors")
    @JsonInclude(JsonInclude.Include.NON_NULL) AuditAnchor auditAnchor) {

  /** The incident as it stands: state, when it was contained and closed, by whom and why. */
  public record IncidentSummary(
      String id,
      String title,
      String severity,
      IncidentState state,
      Instant openedAt,
      Instant containedAt,
      Instant closedAt,
      String closedBy,
      String closeReason) {}

  /**
   * One account of the incident and its containment state.
   *
   * @param tenantId the directory id of the account's tenant
   * @param tenantName that tenant's configured name; null when not known
   */
  public record AccountContainment(
      String objectId,
      String userPrincipalName,
      String tenantId,
      String tenantName,
      ContainmentState state,
      Instant since,
      Instant containedAt,
      String runId,
      String reason,
      Instant joinedAt) {}

  /** A release asked for (four eyes: its run's approval is under {@code runs}). */
  public record ReleaseEvidence(
      String objectId,
      String userPrincipalName,
      String runId,
      String runState,
      String requestedBy,
      String reason) {}

  /** A part of the export that could not be read. */
  public record MissingPart(String service, String part, String reason) {}

  /** One run with every account's steps and every approval. */
  public record RunEvidence(
      String id,
      String playbook,
      Integer playbookVersion,
      String state,
      String stateReason,
      String source,
      String reportId,
      String startedBy,
      String cancelledBy,
      Instant createdAt,
      Instant finishedAt,
      List<AccountEvidence> accounts,
      List<ApprovalEvidence> approvals) {}

  /** One account of a run (and its tenant, as {@link AccountContainment}) and each step's work. */
  public record AccountEvidence(
      String objectId,
      String userPrincipalName,
      String tenantId,
      String tenantName,
      List<StepEvidence> steps) {}

  /** One step execution: the action, its outcome and why. */
  public record StepEvidence(
      String stepId,
      String action,
      String state,
      String reasonCode,
      String reasonMessage,
      int attempt,
      String actionId,
      String graphRequestId,
      Instant startedAt,
      Instant finishedAt) {}

  /** An approval with its approver and comment. */
  public record ApprovalEvidence(
      String id,
      String stepId,
      String action,
      String role,
      String state,
      Instant requestedAt,
      Instant expiresAt,
      String decidedBy,
      Instant decidedAt,
      String comment) {}

  /** One audit entry of any service, in time order. */
  public record TimelineEntry(
      Instant at,
      String service,
      long seq,
      String kind,
      String action,
      String actor,
      String actorRoles,
      String subject,
      String accountId,
      String accountUpn,
      String runId,
      String result,
      String reason,
      String correlationId) {}
}
