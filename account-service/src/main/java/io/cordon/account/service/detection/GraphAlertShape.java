package io.cordon.account.service.detection;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * A Microsoft Graph security alert ({@code GET /security/alerts_v2/{id}}, or a list of them as
 * {@code {value:[...]}}). The report's incident is the Defender incident the alert belongs to
 * ({@code incidentId}, so alerts and incidents of one attack land on one Cordon incident), or the
 * alert's own {@code id} when it names none; the title is the alert's. Its IP, URL and file
 * evidence become every account's indicators (see {@link GraphUserEvidence#indicators}), its {@code
 * firstActivityDateTime} their first sighting.
 */
public final class GraphAlertShape extends SingleOrValueShape {

  @Override
  public String source() {
    return "graph-security";
  }

  @Override
  public String name() {
    return "Microsoft Graph security alert";
  }

  @Override
  public String description() {
    return "Microsoft Graph security alert (alerts_v2, @odata.type #microsoft.graph.security.alert)"
        + " as one object or {value:[...]}, accounts from its evidence[] entries of type"
        + " #microsoft.graph.security.userEvidence";
  }

  @Override
  boolean matchesItem(JsonNode item) {
    String type = Nodes.odataType(item);
    if (type != null) {
      return type.equals("microsoft.graph.security.alert");
    }
    return Nodes.array(item, "evidence") != null
        && (Nodes.has(item, "providerAlertId")
            || Nodes.has(item, "alertWebUrl")
            || Nodes.has(item, "serviceSource")
            || Nodes.has(item, "detectionSource"));
  }

  @Override
  DetectedItem parseItem(JsonNode alert, String path) {
    AccountCollector accounts = new AccountCollector();
    GraphUserEvidence.collect(alert, path, null, accounts);
    String incidentId = Nodes.text(alert, "incidentId");
    Instant last = ActivityTimes.latest(alert, "lastActivityDateTime", "firstActivityDateTime");
    DetectionIndicators found = new DetectionIndicators(DetectionIndicators.DEFENDER);
    GraphUserEvidence.indicators(alert, last, found);
    DetectedItem item =
        DetectedItem.of(
                incidentId != null ? incidentId : Nodes.text(alert, "id"),
                Nodes.text(alert, "title"),
                VendorSeverity.of(Nodes.text(alert, "severity")),
                accounts)
            .withActivity(last)
            .withEvidence(
                ActivityTimes.earliest(alert, "firstActivityDateTime", "lastActivityDateTime"),
                found.list());
    return incidentId != null ? item : item.namingNoIncident();
  }
}
