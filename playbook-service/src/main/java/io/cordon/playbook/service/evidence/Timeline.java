package io.cordon.playbook.service.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import io.cordon.commons.audit.AuditRecord;
import io.cordon.playbook.mapping.EvidenceDocument.TimelineEntry;
import java.time.Instant;
import java.util.Map;

/** Audit entries of any service as timeline rows. */
final class Timeline {
  private Timeline() {}

  static TimelineEntry of(String service, AuditRecord e) {
    return new TimelineEntry(
        e.at(),
        service,
        e.seq(),
        e.kind(),
        e.action(),
        e.actor().name(),
        e.actor().roles(),
        e.subject(),
        e.accountId(),
        e.accountUpn(),
        e.runId(),
        e.result(),
        e.reason(),
        e.correlationId());
  }

  /** An entry as another service's {@code GET /audit} answered it. */
  static TimelineEntry of(String service, JsonNode e) {
    return new TimelineEntry(
        Instant.parse(e.path("at").asText()),
        service,
        e.path("seq").asLong(),
        text(e, "kind"),
        text(e, "action"),
        text(e.path("actor"), "name"),
        text(e.path("actor"), "roles"),
        text(e, "subject"),
        text(e, "accountId"),
        text(e, "accountUpn"),
        text(e, "runId"),
        text(e, "result"),
        text(e, "reason"),
        text(e, "correlationId"));
  }

  /** Fills in the UPN of a run's account where the entry names only its object id. */
  static TimelineEntry withUpn(TimelineEntry e, Map<String, String> upns) {
    if (e.accountUpn() != null || e.accountId() == null || !upns.containsKey(e.accountId())) {
      return e;
    }
    return new TimelineEntry(
        e.at(),
        e.service(),
        e.seq(),
        e.kind(),
        e.action(),
        e.actor(),
        e.actorRoles(),
        e.subject(),
        e.accountId(),
        upns.get(e.accountId()),
        e.runId(),
        e.result(),
        e.reason(),
        e.correlationId());
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isMissingNode() || value.isNull() ? null : value.asText();
  }
}
