package io.cordon.playbook.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * {@code GET /incidents/{id}/evidence}: what was done about an incident, by whom and when, across
 * the three services. {@code complete} is false when a part could not be read; {@code missing} says
 * which and why.
 */
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
    List<TimelineEntry> timeline) {

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

  /** One account of a run and what each step did to it. */
  public record AccountEvidence(
      String objectId, String userPrincipalName, List<StepEvidence> steps) {}

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
