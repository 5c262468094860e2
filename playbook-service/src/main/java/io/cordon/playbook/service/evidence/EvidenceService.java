package io.cordon.playbook.service.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import io.cordon.commons.audit.AuditAnchors;
import io.cordon.commons.audit.AuditLog;
import io.cordon.commons.audit.AuditQuery;
import io.cordon.commons.audit.AuditRecord;
import io.cordon.commons.paging.Page;
import io.cordon.commons.paging.PageRequest;
import io.cordon.playbook.client.AccountServiceClient;
import io.cordon.playbook.client.NotificationServiceClient;
import io.cordon.playbook.client.RemotePages;
import io.cordon.playbook.mapping.EvidenceDocument;
import io.cordon.playbook.mapping.EvidenceDocument.MissingPart;
import io.cordon.playbook.mapping.EvidenceDocument.RunEvidence;
import io.cordon.playbook.mapping.EvidenceDocument.TimelineEntry;
import io.cordon.playbook.repository.RunEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Puts an incident's evidence together: this service's runs, steps, approvals and audit log, and,
 * over REST with the caller's token, account-service's reports and Graph action outcomes and
 * notification-service's notices. Every run of the incident is in it (report runs, manual runs,
 * re-containments and releases), with the incident's accounts and all its evidence. A service that
 * cannot be read is named in {@code missing}; the rest of the export still comes.
 */
@ApplicationScoped
public class EvidenceService {
  static final String ACCOUNT_SERVICE = "account-service";
  static final String NOTIFICATION_SERVICE = "notification-service";
  static final String PLAYBOOK_SERVICE = "playbook-service";
  private static final Logger LOG = Logger.getLogger(EvidenceService.class);

  @Inject RunEvidenceReader runs;
  @Inject IncidentEvidenceReader incidentEvidence;
  @Inject AuditLog auditLog;
  @Inject AuditAnchors auditAnchors;
  @Inject @RestClient AccountServiceClient accountService;
  @Inject @RestClient NotificationServiceClient notificationService;

  public EvidenceDocument collect(String incidentId, String bearerToken, String requestedBy) {
    String authorization = "Bearer " + bearerToken;
    List<MissingPart> missing = new ArrayList<>();
    IncidentEvidenceReader.Part incident = incidentEvidence.read(incidentId);
    List<RunEntity> incidentRuns = runs.runsOf(incidentId);
    List<RunEvidence> runEvidence = incidentRuns.stream().map(runs::evidence).toList();
    Map<String, String> upns = new HashMap<>();
    runEvidence.forEach(
        r -> r.accounts().forEach(a -> upns.put(a.objectId(), a.userPrincipalName())));

    List<TimelineEntry> timeline = new ArrayList<>();
    localAudit(incidentId).forEach(e -> timeline.add(Timeline.of(PLAYBOOK_SERVICE, e)));

    List<JsonNode> accountAudit =
        remote(
            missing,
            ACCOUNT_SERVICE,
            "reports",
            () ->
                RemotePages.all(
                    cursor ->
                        accountService.audit(
                            authorization, incidentId, null, RemotePages.PAGE_SIZE, cursor)));
    List<JsonNode> graphActions = new ArrayList<>();
    for (RunEntity run : incidentRuns) {
      graphActions.addAll(
          remote(
              missing,
              ACCOUNT_SERVICE,
              "graph actions of run " + run.id,
              () ->
                  RemotePages.all(
                      cursor ->
                          accountService.audit(
                              authorization, null, run.id, RemotePages.PAGE_SIZE, cursor))));
    }
    List<JsonNode> notices =
        remote(
            missing,
            NOTIFICATION_SERVICE,
            "notices",
            () ->
                RemotePages.all(
                    cursor ->
                        notificationService.notices(
                            authorization, incidentId, RemotePages.PAGE_SIZE, cursor)));
    List<JsonNode> notificationAudit =
        remote(
            missing,
            NOTIFICATION_SERVICE,
            "audit",
            () ->
                RemotePages.all(
                    cursor ->
                        notificationService.audit(
                            authorization, incidentId, RemotePages.PAGE_SIZE, cursor)));

    accountAudit.forEach(e -> timeline.add(Timeline.of(ACCOUNT_SERVICE, e)));
    graphActions.forEach(e -> timeline.add(Timeline.of(ACCOUNT_SERVICE, e)));
    notificationAudit.forEach(e -> timeline.add(Timeline.of(NOTIFICATION_SERVICE, e)));
    List<TimelineEntry> ordered =
        timeline.stream()
            .map(e -> Timeline.withUpn(e, upns))
            .sorted(
                Comparator.comparing(TimelineEntry::at)
                    .thenComparing(TimelineEntry::service)
                    .thenComparingLong(TimelineEntry::seq))
            .toList();
    return new EvidenceDocument(
        incidentId,
        Instant.now(),
        requestedBy,
        missing.isEmpty(),
        missing,
        runEvidence,
        accountAudit,
        graphActions,
        notices,
        ordered,
        incident.incident(),
        incident.accounts(),
        incident.evidence(),
        incident.releases(),
        auditAnchors.latestAnchor().orElse(null));
  }

  private List<AuditRecord> localAudit(String incidentId) {
    List<AuditRecord> entries = new ArrayList<>();
    String cursor = null;
    do {
      Page<AuditRecord> page =
          auditLog.find(
              new AuditQuery(
                  null,
                  null,
                  null,
                  incidentId,
                  null,
                  PageRequest.of(PageRequest.MAX_LIMIT, cursor)));
      entries.addAll(page.items());
      cursor = page.next();
    } while (cursor != null);
    return entries;
  }

  /** Reads one remote part; a failure becomes a missing part, never a failed export. */
  private static List<JsonNode> remote(
      List<MissingPart> missing, String service, String part, Supplier<List<JsonNode>> read) {
    try {
      return read.get();
    } catch (WebApplicationException e) {
      int status = e.getResponse() == null ? 0 : e.getResponse().getStatus();
      LOG.warnf("Evidence: %s %s answered HTTP %d", service, part, status);
      missing.add(new MissingPart(service, part, "answered HTTP " + status));
    } catch (RuntimeException e) {
      LOG.warnf(e, "Evidence: %s %s could not be read", service, part);
      missing.add(new MissingPart(service, part, "unreachable: " + e.getClass().getSimpleName()));
    }
    return List.of();
  }
}
