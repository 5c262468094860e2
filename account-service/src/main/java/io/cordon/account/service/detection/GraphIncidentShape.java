package io.cordon.account.service.detection;

import com.fasterxml.jackson.databind.JsonNode;
import io.cordon.contracts.Severity;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import java.util.stream.StreamSupport;

/**
 * A Microsoft Graph security incident with its alerts expanded ({@code GET
 * /security/incidents/{id}?$expand=alerts}, or a list as {@code {value:[...]}}): the accounts are
 * the user evidence of every alert; the incident is the report's incident (id, displayName,
 * severity, else the highest alert severity).
 */
public final class GraphIncidentShape extends SingleOrValueShape {

  @Override
  public String source() {
    return "graph-security";
  }

  @Override
  public String name() {
    return "Microsoft Graph security incident";
  }

  @Override
  public String description() {
    return "Microsoft Graph security incident (@odata.type #microsoft.graph.security.incident)"
        + " with alerts expanded ($expand=alerts), as one object or {value:[...]}, accounts from"
        + " alerts[].evidence[] of type #microsoft.graph.security.userEvidence";
  }

  @Override
  boolean matchesItem(JsonNode item) {
    String type = Nodes.odataType(item);
    if (type != null) {
      // Graph's own samples also write "#microsoft.graph.incident"
      return type.equals("microsoft.graph.security.incident")
          || type.equals("microsoft.graph.incident");
    }
    if (Nodes.array(item, "evidence") != null || Nodes.has(item, "alertWebUrl")) {
      return false;
    }
    return Nodes.has(item, "displayName")
        && (Nodes.array(item, "alerts") != null || Nodes.has(item, "incidentWebUrl"));
  }

  @Override
  DetectedItem parseItem(JsonNode incident, String path) {
    AccountCollector accounts = new AccountCollector();
    String tenant = Nodes.text(incident, "tenantId");
    JsonNode alerts = Nodes.array(incident, "alerts");
    if (alerts != null) {
      for (int i = 0; i < alerts.size(); i++) {
        GraphUserEvidence.collect(
            alerts.get(i), Nodes.at(path, "alerts[" + i + "]"), tenant, accounts);
      }
    }
    Severity severity = VendorSeverity.of(Nodes.text(incident, "severity"));
    if (severity == null && alerts != null) {
      severity =
          StreamSupport.stream(alerts.spliterator(), false)
              .map(alert -> VendorSeverity.of(Nodes.text(alert, "severity")))
              .filter(Objects::nonNull)
              .max(Comparator.naturalOrder())
              .orElse(null);
    }
    Instant activity = null;
    Instant firstSeen = null;
    DetectionIndicators found = new DetectionIndicators(DetectionIndicators.DEFENDER);
    for (int i = 0; alerts != null && i < alerts.size(); i++) {
      JsonNode alert = alerts.get(i);
      Instant last = ActivityTimes.latest(alert, "lastActivityDateTime", "firstActivityDateTime");
      activity = ActivityTimes.later(activity, last);
      firstSeen =
          ActivityTimes.earlier(
              firstSeen,
              ActivityTimes.earliest(alert, "firstActivityDateTime", "lastActivityDateTime"));
      GraphUserEvidence.indicators(alert, last, found);
    }
    // the incident's evidence is every account's: an alert's accounts are the incident's
    return DetectedItem.of(
            Nodes.text(incident, "id"), Nodes.text(incident, "displayName"), severity, accounts)
        .withActivity(activity)
        .withEvidence(firstSeen, found.list());
  }
}
