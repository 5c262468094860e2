package io.cordon.account.service.detection;

import static io.cordon.account.service.detection.DetectionFixtures.HANAKO_UPN;
import static io.cordon.account.service.detection.DetectionFixtures.KENJI;
import static io.cordon.account.service.detection.DetectionFixtures.TARO;
import static io.cordon.account.service.detection.DetectionFixtures.TENANT;
import static io.cordon.account.service.detection.DetectionFixtures.YUKI;
import static io.cordon.account.service.detection.DetectionFixtures.inputs;
import static io.cordon.account.service.detection.DetectionFixtures.json;
import static io.cordon.account.service.detection.DetectionFixtures.rejected;
import static io.cordon.account.service.detection.DetectionFixtures.values;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cordon.account.service.intake.RawEntry;
import io.cordon.contracts.Severity;
import org.junit.jupiter.api.Test;

class GraphAlertShapeTest {
  private final GraphAlertShape shape = new GraphAlertShape();

  @Test
  void singleAlertYieldsItsUserEvidenceOnly() {
    JsonNode alert = json("graph-alert.json");
    assertThat(shape.matches(alert)).isTrue();

    Detection detection = shape.parse(alert);

    // object id preferred; UPN when azureAdUserId is null; mailbox evidence is not an account
    assertThat(values(detection)).containsExactly(TARO, HANAKO_UPN);
    assertThat(inputs(detection)).containsExactly("evidence[0]", "evidence[4]");
    assertThat(detection.entries()).extracting(RawEntry::tenant).containsOnly(TENANT);
    assertThat(rejected(detection)).containsExactly("evidence[5]: JAXA\\svc-filesync");
    assertThat(detection.incidentId()).isEqualTo("31245");
    assertThat(detection.title()).isEqualTo("Suspicious inbox forwarding");
    assertThat(detection.severity()).isEqualTo(Severity.HIGH);
    assertThat(detection.source()).isEqualTo("graph-security");
  }

  @Test
  void valueListBecomesOneReportOfEveryAlertsUsers() {
    JsonNode list = json("graph-alerts-list.json");
    assertThat(shape.matches(list)).isTrue();

    Detection detection = shape.parse(list);

    // the process evidence's user context is not taken; repeats are left to the intake
    assertThat(values(detection)).containsExactly(KENJI, KENJI, YUKI);
    assertThat(inputs(detection))
        .containsExactly("value[0].evidence[2]", "value[1].evidence[0]", "value[1].evidence[1]");
    assertThat(detection.incidentId()).isEqualTo("31250");
    assertThat(detection.title()).isEqualTo("Suspicious PowerShell command line");
    assertThat(detection.severity()).isEqualTo(Severity.HIGH); // medium and high: the highest
  }

  @Test
  void alertWithoutIncidentIsItsOwnIncident() {
    JsonNode alert =
        DetectionFixtures.parse(
            """
            {"@odata.type": "#microsoft.graph.security.alert", "id": "da1_2", "severity": "low",
             "evidence": [{"@odata.type": "#microsoft.graph.security.userEvidence",
                           "userAccount": {"azureAdUserId": "00000000-0000-0000-0000-000000000000",
                                           "userPrincipalName": "a@jaxa.example"}}]}
            """);

    Detection detection = shape.parse(alert);

    assertThat(detection.incidentId()).isEqualTo("da1_2");
    assertThat(detection.severity()).isEqualTo(Severity.LOW);
    assertThat(values(detection)).containsExactly("a@jaxa.example"); // the nil GUID is no id
  }

  @Test
  void otherShapesAreNotAlerts() {
    assertThat(shape.matches(json("graph-incident.json"))).isFalse();
    assertThat(shape.matches(json("sentinel-incident.json"))).isFalse();
    assertThat(shape.matches(json("defender-streaming.json"))).isFalse();
    assertThat(shape.matches(json("risk-detection.json"))).isFalse();
  }
}
