package io.cordon.account.service.detection;

import static io.cordon.account.service.detection.DetectionFixtures.HANAKO;
import static io.cordon.account.service.detection.DetectionFixtures.KENJI_UPN;
import static io.cordon.account.service.detection.DetectionFixtures.SENTINEL_INCIDENT;
import static io.cordon.account.service.detection.DetectionFixtures.TARO;
import static io.cordon.account.service.detection.DetectionFixtures.TENANT;
import static io.cordon.account.service.detection.DetectionFixtures.YUKI_UPN;
import static io.cordon.account.service.detection.DetectionFixtures.inputs;
import static io.cordon.account.service.detection.DetectionFixtures.json;
import static io.cordon.account.service.detection.DetectionFixtures.rejected;
import static io.cordon.account.service.detection.DetectionFixtures.values;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cordon.account.service.intake.RawEntry;
import io.cordon.contracts.Severity;
import org.junit.jupiter.api.Test;

class SentinelIncidentShapeTest {
  private final SentinelIncidentShape shape = new SentinelIncidentShape();

  @Test
  void webhookPayloadYieldsItsAccountEntities() {
    JsonNode payload = json("sentinel-incident.json");
    assertThat(shape.matches(payload)).isTrue();

    Detection detection = shape.parse(payload);

    // aadUserId; accountName@upnSuffix; additionalData.UpnName@upnSuffix over the SAM name
    assertThat(values(detection)).containsExactly(HANAKO, YUKI_UPN, KENJI_UPN);
    assertThat(inputs(detection))
        .containsExactly(
            "object.properties.relatedEntities[0]",
            "object.properties.relatedEntities[2]",
            "object.properties.relatedEntities[4]");
    assertThat(detection.entries()).extracting(RawEntry::tenant).containsOnly(TENANT);
    assertThat(rejected(detection))
        .containsExactly("object.properties.relatedEntities[5]: JAXA\\svc-backup");
    assertThat(detection.incidentId()).isEqualTo(SENTINEL_INCIDENT);
    assertThat(detection.title()).isEqualTo("Sign-ins from VPN-intrusion watchlist IP addresses");
    assertThat(detection.severity()).isEqualTo(Severity.HIGH);
    assertThat(detection.source()).isEqualTo("sentinel");
  }

  @Test
  void bareIncidentResourceIsAcceptedToo() {
    JsonNode incident = json("sentinel-incident.json").get("object");
    assertThat(shape.matches(incident)).isTrue();

    Detection detection = shape.parse(incident);

    assertThat(values(detection)).containsExactly(HANAKO, YUKI_UPN, KENJI_UPN);
    assertThat(inputs(detection)).first().isEqualTo("properties.relatedEntities[0]");
  }

  @Test
  void valueListIsOneReport() {
    JsonNode list = json("sentinel-incidents-list.json");
    assertThat(shape.matches(list)).isTrue();

    Detection detection = shape.parse(list);

    assertThat(values(detection)).containsExactly(HANAKO, YUKI_UPN, KENJI_UPN, TARO);
    assertThat(inputs(detection)).last().isEqualTo("value[1].object.properties.relatedEntities[0]");
    assertThat(detection.incidentId()).isEqualTo(SENTINEL_INCIDENT);
    assertThat(detection.title()).endsWith("(+1 more)");
    assertThat(detection.severity()).isEqualTo(Severity.HIGH); // High and Medium
  }

  @Test
  void accountWithFullUpnAsNameAndNoSuffixKeepsIt() {
    JsonNode payload =
        DetectionFixtures.parse(
            """
            {"objectSchemaType": "Incident", "object": {"name": "i-1", "properties": {
              "title": "t", "severity": "Informational", "relatedEntities": [
                {"kind": "Account", "properties": {"accountName": "x.y@jaxa.example"}},
                {"kind": "account", "properties": {"accountName": "z",
                   "additionalData": {"userPrincipalName": "z.w@jaxa.example"}}}]}}}
            """);

    Detection detection = shape.parse(payload);

    assertThat(values(detection)).containsExactly("x.y@jaxa.example", "z.w@jaxa.example");
    assertThat(detection.severity()).isEqualTo(Severity.LOW);
  }

  @Test
  void graphPayloadsAreNotSentinel() {
    assertThat(shape.matches(json("graph-incident.json"))).isFalse();
    assertThat(shape.matches(json("graph-alert.json"))).isFalse();
    assertThat(shape.matches(json("risk-detections-list.json"))).isFalse();
  }
}
