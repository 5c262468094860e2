package io.cordon.account.service.detection;

import static io.cordon.account.service.detection.DetectionFixtures.DAICHI;
import static io.cordon.account.service.detection.DetectionFixtures.MIKA;
import static io.cordon.account.service.detection.DetectionFixtures.TARO;
import static io.cordon.account.service.detection.DetectionFixtures.inputs;
import static io.cordon.account.service.detection.DetectionFixtures.json;
import static io.cordon.account.service.detection.DetectionFixtures.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import io.cordon.account.model.EntryRejection;
import io.cordon.contracts.Severity;
import org.junit.jupiter.api.Test;

class RiskDetectionShapeTest {
  private final RiskDetectionShape shape = new RiskDetectionShape();

  @Test
  void singleDetectionYieldsItsUser() {
    JsonNode detectionJson = json("risk-detection.json");
    assertThat(shape.matches(detectionJson)).isTrue();

    Detection detection = shape.parse(detectionJson);

    assertThat(values(detection)).containsExactly(MIKA); // userId over userPrincipalName
    assertThat(inputs(detection)).containsExactly("riskDetection");
    assertThat(detection.incidentId())
        .isEqualTo("c4f7b2e91a3d5f8e0b6c9a2d4f7e1b3c5a8d0f2e4b6c9a1d3f5e7b0c2a4d6f81");
    assertThat(detection.title()).isEqualTo("Entra ID Protection: unfamiliarFeatures");
    assertThat(detection.severity()).isEqualTo(Severity.MEDIUM);
    assertThat(detection.source()).isEqualTo("entra-id-protection");
  }

  @Test
  void valueListSkipsSettledDetectionsWithAReason() {
    JsonNode list = json("risk-detections-list.json");
    assertThat(shape.matches(list)).isTrue();

    Detection detection = shape.parse(list);

    assertThat(values(detection)).containsExactly(DAICHI, TARO);
    assertThat(inputs(detection)).containsExactly("value[0]", "value[2]");
    assertThat(detection.rejections())
        .extracting(EntryRejection::input, EntryRejection::reason)
        .containsExactly(
            tuple(
                "value[1]: hanako.sato@jaxa.example",
                "risk state is dismissed: nothing to remediate"));
    assertThat(detection.title()).isEqualTo("Entra ID Protection: leakedCredentials (+2 more)");
    assertThat(detection.severity()).isEqualTo(Severity.HIGH); // high, low, hidden
  }

  @Test
  void riskLevelNoneIsLowAndHiddenIsTheDefault() {
    JsonNode none =
        DetectionFixtures.parse(
            "{\"riskEventType\":\"newCountry\",\"riskLevel\":\"none\",\"userId\":\""
                + MIKA
                + "\"}");
    JsonNode hidden =
        DetectionFixtures.parse(
            "{\"riskEventType\":\"generic\",\"riskLevel\":\"hidden\",\"userPrincipalName\":"
                + "\"a@jaxa.example\"}");

    assertThat(shape.matches(none)).isTrue();
    assertThat(shape.parse(none).severity()).isEqualTo(Severity.LOW);
    assertThat(shape.parse(hidden).severity()).isEqualTo(Detection.DEFAULT_SEVERITY);
    assertThat(values(shape.parse(hidden))).containsExactly("a@jaxa.example");
  }

  @Test
  void otherShapesAreNotRiskDetections() {
    assertThat(shape.matches(json("graph-alert.json"))).isFalse();
    assertThat(shape.matches(json("sentinel-incidents-list.json"))).isFalse();
    assertThat(shape.matches(json("defender-streaming.json"))).isFalse();
  }
}
