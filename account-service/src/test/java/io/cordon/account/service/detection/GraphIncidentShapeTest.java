package io.cordon.account.service.detection;

import static io.cordon.account.service.detection.DetectionFixtures.DAICHI;
import static io.cordon.account.service.detection.DetectionFixtures.ITO;
import static io.cordon.account.service.detection.DetectionFixtures.MIKA;
import static io.cordon.account.service.detection.DetectionFixtures.TARO;
import static io.cordon.account.service.detection.DetectionFixtures.inputs;
import static io.cordon.account.service.detection.DetectionFixtures.json;
import static io.cordon.account.service.detection.DetectionFixtures.values;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cordon.contracts.Severity;
import org.junit.jupiter.api.Test;

class GraphIncidentShapeTest {
  private final GraphIncidentShape shape = new GraphIncidentShape();

  @Test
  void singleIncidentYieldsTheUsersOfAllItsAlerts() {
    JsonNode incident = json("graph-incident.json");
    assertThat(shape.matches(incident)).isTrue();

    Detection detection = shape.parse(incident);

    assertThat(values(detection)).containsExactly(MIKA, DAICHI, DAICHI, ITO);
    assertThat(inputs(detection))
        .containsExactly(
            "alerts[0].evidence[0]",
            "alerts[0].evidence[1]",
            "alerts[1].evidence[0]",
            "alerts[1].evidence[1]");
    assertThat(detection.rejections()).isEmpty();
    assertThat(detection.incidentId()).isEqualTo("31262");
    assertThat(detection.title())
        .isEqualTo(
            "Multi-stage incident involving Credential access & Exfiltration involving multiple"
                + " users");
    assertThat(detection.severity()).isEqualTo(Severity.HIGH);
  }

  @Test
  void valueListIsOneReportNamedAfterTheFirstIncident() {
    JsonNode list = json("graph-incidents-list.json");
    assertThat(shape.matches(list)).isTrue();

    Detection detection = shape.parse(list);

    assertThat(values(detection)).containsExactly(MIKA, DAICHI, DAICHI, ITO, TARO);
    assertThat(inputs(detection)).last().isEqualTo("value[1].alerts[0].evidence[0]");
    assertThat(detection.incidentId()).isEqualTo("31262");
    assertThat(detection.title()).endsWith("multiple users (+1 more)");
    assertThat(detection.severity()).isEqualTo(Severity.HIGH);
  }

  @Test
  void incidentWithoutAlertsMatchesButNamesNoAccount() {
    // Graph's own sample of GET /security/incidents/{id} writes this @odata.type
    JsonNode incident =
        DetectionFixtures.parse(
            """
            {"@odata.type": "#microsoft.graph.incident", "id": "2972395",
             "displayName": "Multi-stage incident", "severity": "Medium",
             "incidentWebUrl": "https://security.microsoft.com/incidents/2972395"}
            """);

    assertThat(shape.matches(incident)).isTrue();
    Detection detection = shape.parse(incident);
    assertThat(detection.entries()).isEmpty();
    assertThat(detection.severity()).isEqualTo(Severity.MEDIUM);
  }

  @Test
  void alertsAreNotIncidents() {
    assertThat(shape.matches(json("graph-alert.json"))).isFalse();
    assertThat(shape.matches(json("graph-alerts-list.json"))).isFalse();
    assertThat(shape.matches(json("sentinel-incident.json"))).isFalse();
  }
}
